// Runs the learner's own test or benchmark files (a day's `learnerRuns` in course/days.ts) in a vitest of their own,
// before the day's checkpoint, with a time limit; the checkpoint is handed what came back (hand-in.ts). A run with
// variants is made once per variant, side by side, and the results are merged.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnerRun } from '../course/days.ts';
import { anyTreeNodeOptions } from '../harness/any-tree.ts';
import type { BlockedLoop, LearnerResults, LearnerRunResult } from '../harness/learner-runs.ts';
import { childNodeFlags, vitestBin } from './paths.ts';
import { runDir } from './leftovers.ts';
import { startGroup } from './process-group.ts';

/** The grader's environment minus vitest's worker variables (the workbook's tests call this from inside vitest) and
 *  the grader's seed (a learner's test has no use for it, and the same runs must look alike). */
function childEnv(target: string, out: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'CACHELINGS_EVENTS_FD' || key === 'TEST' || key === 'NODE_OPTIONS' || key === 'GRADER_SEED') continue;
    env[key] = value;
  }
  return { ...env, ...anyTreeNodeOptions(target, env), CACHELINGS_TARGET: target, CACHELINGS_NESTED_OUT: out, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Runs `run` against the tree `target` (`vitest run`, or `vitest bench --run`) and reads back what its reporter wrote;
 *  with variants, once per variant at the same time, merged (each test's `project` is its variant). */
export async function runLearnerFiles(run: LearnerRun, target: string, signal?: AbortSignal): Promise<LearnerRunResult> {
  if (!run.variants) return runOnce(run, target, undefined, signal);
  const done = await Promise.all(run.variants.map((variant) => runOnce(run, target, variant, signal)));
  const timedOut = done.find((one) => one.timedOutAfterMs !== undefined);
  const blocked = done.find((one) => one.blocked)?.blocked;
  const complete = done.every((one) => one.results);
  return {
    ...(complete && { results: { tests: done.flatMap((one) => one.results!.tests), fileErrors: done.flatMap((one) => one.results!.fileErrors) } }),
    output: done.map((one, index) => `── ${run.variants![index]} ──\n${one.output}`).join('\n'),
    exitCode: done.find((one) => one.exitCode !== 0)?.exitCode ?? 0,
    ...(timedOut && { timedOutAfterMs: timedOut.timedOutAfterMs }),
    ...(blocked && { blocked }),
  };
}

/** One vitest run; `variant` is written where only the run's config reads it (and deletes it). */
async function runOnce(run: LearnerRun, target: string, variant: string | undefined, signal?: AbortSignal): Promise<LearnerRunResult> {
  const dir = mkdtempSync(join(runDir(), 'learner-run-'));
  const out = join(dir, 'results.json');
  if (variant) writeFileSync(join(dir, 'variant'), variant);
  const command = run.mode === 'test' ? ['run'] : ['bench', '--run'];
  const args = [...childNodeFlags, vitestBin, ...command, '--config', run.config, '--reporter', './grader/learner-reporter.ts'];
  // Its own process group, like a day's run: Ctrl-C and the end of the run stop the learner's code with it.
  let timedOutAfterMs: number | undefined;
  const { child, kill, closed } = startGroup({
    args,
    env: childEnv(target, out),
    limitMs: run.limitMs,
    onLimit: () => (timedOutAfterMs = run.limitMs),
    signal,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A watchdog that found the event loop blocked (checkpoints/day3/blocked.ts) has said so: the run is over.
  const report = join(dir, 'blocked.json');
  const watch = setInterval(() => existsSync(report) && kill(), 200);
  const exitCode = await closed;
  clearInterval(watch);
  const blocked = readJson<Omit<BlockedLoop, 'project'>>(report);
  const results = blocked ? undefined : readJson<LearnerResults>(out);
  if (results && variant) for (const entry of [...results.tests, ...results.fileErrors]) entry.project = variant;
  rmSync(dir, { recursive: true, force: true });
  return {
    ...(results && { results }),
    output: output.replace(/\x1b\[[0-9;]*m/g, ''),
    exitCode,
    ...(timedOutAfterMs !== undefined && { timedOutAfterMs }),
    ...(blocked && { blocked: { project: variant ?? '', ...blocked } }),
  };
}

/** A JSON file's contents, or undefined when it is missing or not JSON. */
function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
