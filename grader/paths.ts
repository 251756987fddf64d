// Where things are: the repo root, the tools the grader runs, and how paths are shown to the learner.
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The workbook's root folder. */
export const root = resolve(fileURLToPath(import.meta.url), '../..');

/** Vitest's command-line entry, run with this same node. */
export const vitestBin = resolve(root, 'node_modules/vitest/vitest.mjs');

/** Node flags for every vitest the grader starts: a guard that ends the process group if the grader dies first. */
export const childNodeFlags = ['--import', pathToFileURL(resolve(root, 'grader/orphan-guard.mjs')).href];

/** `path` as the learner should read it: relative to the repo when inside it. */
export function display(path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
