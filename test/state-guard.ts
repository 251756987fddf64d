// Loaded before every test file: the file fails when it wrote to the repo's own .cachelings/ (the learner's state).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { root } from '../grader/paths.ts';

/** The learner's state folder, which no test may touch. */
export const repoState = resolve(root, '.cachelings');

/** Each file of the repo's .cachelings/ with its size and modification time, to tell whether anything wrote there. */
export function stateSnapshot(dir = repoState): Map<string, string> {
  const entries = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  const stats = entries.map((file) => [file, statSync(resolve(dir, file))] as const).filter(([, stat]) => stat.isFile());
  return new Map(stats.map(([file, stat]) => [file, `${stat.size}:${stat.mtimeMs}`]));
}

/** The files that appeared, changed or vanished between two snapshots. */
export function stateChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

let before = new Map<string, string>();
beforeAll(() => {
  before = stateSnapshot();
});
afterAll(() => {
  const changed = stateChanges(before, stateSnapshot());
  if (changed.length === 0) return;
  throw new Error(
    `This test file wrote to the learner's .cachelings/ (${changed.join(', ')}); run the grader with the scratch CACHELINGS_STATE_DIR of the test run instead.`,
  );
});
