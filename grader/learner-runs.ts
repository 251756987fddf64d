// Runs the learner's own test or benchmark files (a day's `learnerRuns` in course/days.ts) in a vitest of their own,
// before the day's checkpoint, with a time limit; the checkpoint is handed what came back (hand-in.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnerRun } from '../course/days.ts';
import { anyTreeNodeOptions } from '../harness/any-tree.ts';
import type { LearnerResults, LearnerRunResult } from '../harness/learner-runs.ts';
import { childNodeFlags, root, vitestBin } from './paths.ts';
import { newRun, runDir } from './leftovers.ts';
import { killGroup, runEnv, trackGroup, untrackGroup } from './run-day.ts';

/** The grader's environment minus vitest's worker variables (the workbook's tests call this from inside vitest). */
function childEnv(target: string, out: string, marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'CACHELINGS_EVENTS_FD' || key === 'TEST' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...anyTreeNodeOptions(target, env), ...runEnv(marker), CACHELINGS_TARGET: target, CACHELINGS_NESTED_OUT: out, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Runs `run` against the tree `target` (`vitest run`, or `vitest bench --run`) and reads back what its reporter wrote. */
export async function runLearnerFiles(run: LearnerRun, target: string, signal?: AbortSignal): Promise<LearnerRunResult> {
  const dir = mkdtempSync(join(runDir(), 'learner-run-'));
  const marker = newRun();
  const out = join(dir, 'results.json');
  const command = run.mode === 'test' ? ['run'] : ['bench', '--run'];
  const args = [...childNodeFlags, vitestBin, ...command, '--config', run.config, '--reporter', './grader/learner-reporter.ts'];
  // Its own process group, like a day's run: Ctrl-C and the end of the run stop the learner's code with it.
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(target, out, marker) });
  trackGroup(child.pid!, marker);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOutAfterMs: number | undefined;
  const timer = setTimeout(() => {
    timedOutAfterMs = run.limitMs;
    killGroup(child.pid!);
  }, run.limitMs);
  const cancel = () => killGroup(child.pid!);
  signal?.addEventListener('abort', cancel, { once: true });
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  signal?.removeEventListener('abort', cancel);
  killGroup(child.pid!); // anything the learner's tests left running
  untrackGroup(child.pid!);
  let results: LearnerResults | undefined;
  try {
    results = JSON.parse(readFileSync(out, 'utf8')) as LearnerResults;
  } catch {
    results = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  return { results, output: output.replace(/\x1b\[[0-9;]*m/g, ''), exitCode, ...(timedOutAfterMs !== undefined && { timedOutAfterMs }) };
}
