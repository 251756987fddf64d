// Where the workbook is, and how a path is shown to the learner: shared by the checkpoints and the grader.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workbook's root folder. */
export const root = resolve(fileURLToPath(import.meta.url), '../..');

/** `path` as the learner should read it: relative to the repo when inside it. */
export function display(path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
