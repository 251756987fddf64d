// Helpers for the workbook's own tests: run the grader as a learner would, and build trees with planted bugs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { root } from '../grader/paths.ts';
import type { DayResult, Report } from '../grader/results.ts';
import { withTimeout } from '../harness/async.ts';
import { runHere, type GraderRun } from './in-process.ts';
import { applyPatch } from '../grader/tools/patch.ts';
import { notSelected } from '../grader/vitest-run.ts';
import { onlyText } from './requirement-names.ts';

export type { GraderRun } from './in-process.ts';

/** Runs `node --import tsx grader/cli.ts ...args` from the repo root, without colours (`node`: another Node binary). */
export async function runGrader(args: string[], env: Record<string, string> = {}, timeoutMs = 240_000, node = process.execPath): Promise<GraderRun> {
  const result = await execa(node, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: root,
    env: { FORCE_COLOR: '0', INIT_CWD: root, ...env },
    reject: false,
    timeout: timeoutMs,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Whether this is a CI run: .ci/run sets CACHELINGS_CI=1 after installing every tool the tests use. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CACHELINGS_CI === '1';
}

/** Whether a test that needs a tool CI installs (Chromium, Redis) may skip: only outside CI. In CI it runs and fails. */
export function skipWithoutTool(present: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !present && !inCi(env);
}

const scratch = resolve(root, '.tmp');

/** A fresh folder under .tmp/ (ignored by git), removed by the caller with `rmSync` or left for inspection. */
export function scratchDir(prefix: string): string {
  mkdirSync(scratch, { recursive: true });
  return mkdtempSync(join(scratch, `${prefix}-`));
}

/** Copies `base` (default solutions/) to a scratch tree, lays the files of `fixture` (a folder laid out like days/)
 *  over it, then applies the fixture's `bug.patch` if it has one. */
export function treeWith(fixture: string | undefined, base = 'solutions'): string {
  const tree = scratchDir('tree');
  cpSync(resolve(root, base), tree, { recursive: true });
  if (!fixture) return tree;
  const folder = resolve(root, 'test/fixtures', fixture);
  cpSync(folder, tree, { recursive: true, filter: (source) => !source.endsWith('.patch') });
  if (existsSync(join(folder, 'bug.patch'))) applyPatch(join(folder, 'bug.patch'), tree);
  return tree;
}

/** Grades `day` on `tree` with a JSON report and returns the day's result, removing the tree afterwards. The check runs
 *  in this test's process (test/in-process.ts): the same command as `npm run check`, without starting a grader. */
export async function gradeDay(day: string, tree: string, timeoutMs = 240_000, only?: string): Promise<{ run: GraderRun; result: DayResult }> {
  const json = join(tree, 'report.json');
  const args = ['check', day, '--target', tree, '--json', json, ...(only ? ['--only', only] : [])];
  const run = await withTimeout(runHere(args), timeoutMs, `npm run check ${args.slice(1).join(' ')} had not ended after ${timeoutMs / 1000} s`);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  rmSync(tree, { recursive: true, force: true });
  return { run, result: report.days[0]! };
}

/** How `expectCaught` runs the day: `only` narrows it to the requirements with these ids (selected by `--only` with
 *  the start their sentences share; default or `null`: the whole day);
 *  `mentions`: what the failure message must say about the planted bug (the value it returned, the call it broke). */
export interface CaughtOptions {
  only?: string[] | null;
  timeoutMs?: number;
  mentions?: RegExp;
}

/** Asserts that the planted bug in `fixture` makes requirement `id` of `day` fail (and the day with it). */
export async function expectCaught(day: string, fixture: string, id: string, options: CaughtOptions = {}): Promise<DayResult> {
  const only = options.only ? await onlyText(day, options.only) : undefined;
  const { run, result } = await gradeDay(day, treeWith(fixture), options.timeoutMs, only);
  if (options.only) {
    const ran = result.tests.filter((test) => test.status !== 'skipped' && test.message !== notSelected).map((test) => test.id);
    expect(ran, `--only "${only}" should run ${options.only.join(', ')}: pick ids whose sentences start alike, or run the whole day (only: null)`).toEqual(
      expect.arrayContaining(options.only),
    );
  }
  const failed = result.tests.filter((test) => test.status === 'failed').map((test) => test.id);
  expect(run.exitCode, `${fixture} should fail ${day}; the grader printed:\n${run.stdout}`).toBe(1);
  expect(failed, `${fixture} should be caught by "${id}"; failing tests were: ${JSON.stringify(failed)}`).toContain(id);
  const message = result.tests.find((test) => test.id === id)!.message;
  if (options.mentions) expect(message, `the failure should name what ${fixture} plants`).toMatch(options.mentions);
  return result;
}
