// One `npm run grade` of solutions/ and one of the pristine scaffolds per self-test run, shared by every test that
// asks what they hold (and by the Node-version matrix in .ci/, which compares its own runs with these).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { runGrader, scratchDir, treeWith, type GraderRun } from './helpers.ts';

/** The two trees every run grades: the reference solution, and the scaffolds as shipped. */
export type Graded = 'solutions' | 'days';

/** A whole-week grade of a tree: what it printed and the JSON report. */
export interface GradedRun {
  run: GraderRun;
  report: Report;
}

/** Where this Node version's runs are kept: `.tmp/graded/node-<major>/<tree>.json`. */
export function gradedFile(tree: Graded, major = process.versions.node.split('.')[0]!): string {
  return resolve(root, '.tmp/graded', `node-${major}`, `${tree}.json`);
}

/** Grades a fresh copy of `tree` with `grade --json` in a scratch state folder (nothing reused from earlier runs). */
export async function gradeTree(tree: Graded, timeoutMs = 500_000): Promise<GradedRun> {
  const copy = treeWith(undefined, tree);
  const state = scratchDir('state');
  try {
    const json = join(copy, 'report.json');
    const run = await runGrader(['grade', '--target', copy, '--json', json], { CACHELINGS_STATE_DIR: state }, timeoutMs);
    if (!existsSync(json)) throw new Error(`grade --target ${tree} wrote no report (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
    return { run, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
}

const runs = new Map<Graded, Promise<GradedRun>>();

/** This test file's grade of `tree`, run once and kept in `gradedFile(tree)` for the Node-version matrix. */
export function graded(tree: Graded): Promise<GradedRun> {
  if (!runs.has(tree)) {
    runs.set(tree, gradeTree(tree).then((result) => {
      mkdirSync(resolve(gradedFile(tree), '..'), { recursive: true });
      writeFileSync(gradedFile(tree), JSON.stringify(result));
      return result;
    }));
  }
  return runs.get(tree)!;
}
