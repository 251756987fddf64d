// Runs the learner's own test or benchmark files (a day's `learnerRuns` in course/days.ts) in a vitest of their own,
// before the day's checkpoint, with a time limit; the checkpoint is handed what came back (hand-in.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnerRun } from '../course/days.ts';
import { anyTreeNodeOptions } from '../harness/any-tree.ts';
import type { LearnerResults, LearnerRunResult } from '../harness/learner-runs.ts';
import { childNodeFlags, vitestBin } from './paths.ts';
import { runDir } from './leftovers.ts';
import { startGroup } from './process-group.ts';

/** The grader's environment minus vitest's worker variables (the workbook's tests call this from inside vitest). */
function childEnv(target: string, out: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'CACHELINGS_EVENTS_FD' || key === 'TEST' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...anyTreeNodeOptions(target, env), CACHELINGS_TARGET: target, CACHELINGS_NESTED_OUT: out, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Runs `run` against the tree `target` (`vitest run`, or `vitest bench --run`) and reads back what its reporter wrote. */
export async function runLearnerFiles(run: LearnerRun, target: string, signal?: AbortSignal): Promise<LearnerRunResult> {
  const dir = mkdtempSync(join(runDir(), 'learner-run-'));
  const out = join(dir, 'results.json');
  const command = run.mode === 'test' ? ['run'] : ['bench', '--run'];
  const args = [...childNodeFlags, vitestBin, ...command, '--config', run.config, '--reporter', './grader/learner-reporter.ts'];
  // Its own process group, like a day's run: Ctrl-C and the end of the run stop the learner's code with it.
  let timedOutAfterMs: number | undefined;
  const { child, closed } = startGroup({ args, env: childEnv(target, out), limitMs: run.limitMs, onLimit: () => (timedOutAfterMs = run.limitMs), signal });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await closed;
  let results: LearnerResults | undefined;
  try {
    results = JSON.parse(readFileSync(out, 'utf8')) as LearnerResults;
  } catch {
    results = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  return { results, output: output.replace(/\x1b\[[0-9;]*m/g, ''), exitCode, ...(timedOutAfterMs !== undefined && { timedOutAfterMs }) };
}
