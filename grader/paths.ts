// The tools the grader runs; where the workbook is and how paths are shown live in harness/paths.ts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../harness/paths.ts';

export { display, root } from '../harness/paths.ts';

/** Vitest's command-line entry, run with this same node. */
export const vitestBin = resolve(root, 'node_modules/vitest/vitest.mjs');

/** Node flags for every vitest the grader starts: a guard that ends the process group if the grader dies first. */
export const childNodeFlags = ['--import', pathToFileURL(resolve(root, 'grader/orphan-guard.mjs')).href];
