// Runs the learner's own test or benchmark file in a nested vitest process (day 3), with its own time limit,
// and reads back what the nested reporter wrote. The checkpoint itself runs inside vitest; the nested run is a child.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestedResults } from './nested-reporter.ts';

const root = resolve(import.meta.dirname, '../..');
const vitestBin = resolve(root, 'node_modules/vitest/vitest.mjs');

/** What a nested run produced. */
export interface NestedRun {
  /** undefined when the run wrote no results (it was stopped, or vitest failed before reporting). */
  results?: NestedResults;
  /** Everything vitest printed, without colours. */
  output: string;
  exitCode: number | null;
  /** Set when the run was stopped for taking longer than its limit. */
  timedOutAfterMs?: number;
}

/** The parent's environment minus vitest's worker variables, so the child starts as a fresh vitest. */
function childEnv(target: string, out: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'CACHELINGS_EVENTS_FD' || key === 'TEST' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, CACHELINGS_TARGET: target, CACHELINGS_NESTED_OUT: out, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Runs `vitest run` (mode 'test') or `vitest bench --run` (mode 'bench') with `config` (relative to the repo). */
export async function runNested(mode: 'test' | 'bench', config: string, target: string, limitMs: number): Promise<NestedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cachelings-day3-'));
  const out = join(dir, 'results.json');
  const command = mode === 'test' ? ['run'] : ['bench', '--run'];
  const args = [vitestBin, ...command, '--config', config, '--reporter', './checkpoints/day3/nested-reporter.ts'];
  // Not detached: the child stays in the checkpoint's process group, so the grader's watchdog stops it too.
  // Both nested configs use the threads pool, so killing the child stops the learner's code with it.
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(target, out) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOutAfterMs: number | undefined;
  const timer = setTimeout(() => {
    timedOutAfterMs = limitMs;
    child.kill('SIGKILL');
  }, limitMs);
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  let results: NestedResults | undefined;
  try {
    results = JSON.parse(readFileSync(out, 'utf8')) as NestedResults;
  } catch {
    results = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  return { results, output: output.replace(/\x1b\[[0-9;]*m/g, ''), exitCode, ...(timedOutAfterMs !== undefined && { timedOutAfterMs }) };
}
