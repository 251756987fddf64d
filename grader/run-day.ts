// Runs one day's checkpoint in a child vitest process, with a watchdog, and collects a DayResult.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Day } from '../course/days.ts';
import { handInVariable } from '../harness/hand-in.ts';
import { collectMetrics, collectTests, stopMessage, withCompileFailure, type Started, type Stop } from './collect.ts';
import { requireEveryResult } from './complete.ts';
import { importLeavingTree, leavingFailure } from './leaves-tree.ts';
import { compileFailure, compileRequirement, compileStep, typeErrors, typechecks } from './compile.ts';
import { removeHandIn, writeHandIn } from './hand-in.ts';
import { childNodeFlags, root, vitestBin } from './paths.ts';
import type { GraderEvent } from './reporter.ts';
import type { DayResult } from './results.ts';

/** How to run a day. */
export interface RunOptions {
  target: string;
  seed: number;
  /** Called with every line the checkpoint (and the learner's code) prints. */
  onOutput?: (line: string) => void;
  /** Stops the run early (watch mode re-runs on save); the result then says it was cancelled. */
  signal?: AbortSignal;
  /** Runs only the requirements whose name contains this text (any case); the rest are reported as not selected. */
  only?: string;
}

/** A vitest name pattern matching `text` anywhere, in any case. */
export function namePattern(text: string): string {
  return [...text].map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
}

/** The message of a requirement that `--only` left out of the run. */
export const notSelected = 'not selected by --only';

/** Whether requirement `name` is one that `--only text` selects. */
export function selects(text: string | undefined, name: string): boolean {
  return text === undefined || name.toLowerCase().includes(text.toLowerCase());
}

const running = new Set<number>();

/** Remembers a detached child's process group so Ctrl-C can end it (runDay does this itself). */
export function trackGroup(pid: number): void {
  running.add(pid);
}

/** Forgets a group that has ended. */
export function untrackGroup(pid: number): void {
  running.delete(pid);
}

/** Kills every process group a run started (used on Ctrl-C and on exit). */
export function killAllRuns(): void {
  for (const pid of running) killGroup(pid);
}

/** Kills the process group led by `pid` (a detached child) with SIGKILL, ignoring one that is gone. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Runs `day`'s checkpoint files against `options.target` and returns what happened. */
export async function runDay(day: Day, options: RunOptions): Promise<DayResult> {
  // Days 3 and 6: the runs of the learner's own files and the earlier days come first (hand-in.ts); the checkpoint
  // reads what they found and starts no vitest of its own. Under --only, most selected requirements need none of it:
  // run without, and make the hand-in and run again only when a selected requirement asked for it.
  // When every requirement that asked names the learner runs it reads, only those runs are made.
  let runs: string[] | undefined;
  if (options.only !== undefined) {
    const first = await runWith(day, options, undefined);
    const asked = first.tests.filter((test) => test.cause?.kind === 'no-hand-in').map((test) => test.cause!);
    if (asked.length === 0 || options.signal?.aborted) return first;
    if (asked.every((cause) => cause.runs)) runs = [...new Set(asked.flatMap((cause) => cause.runs!))];
  }
  const handIn = await writeHandIn(day, options.target, options.seed, options.signal, runs);
  try {
    return await runWith(day, options, handIn);
  } finally {
    removeHandIn(handIn);
  }
}

// One vitest run of the day's checkpoint files, with the hand-in file `handIn` (if any).
async function runWith(day: Day, options: RunOptions, handIn: string | undefined): Promise<DayResult> {
  const started = Date.now();
  const files = [...day.checkpoints, ...(day.bonus ?? [])];
  const probe = join(tmpdir(), `cachelings-probe-${process.pid}-${randomUUID()}.jsonl`);
  const args = [...childNodeFlags, vitestBin, 'run', '--config', 'grader/vitest.config.ts', '--reporter', './grader/reporter.ts', ...(options.only ? ['--testNamePattern', namePattern(options.only)] : []), ...files];
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CACHELINGS_TARGET: options.target,
      GRADER_SEED: String(options.seed),
      CACHELINGS_TEST_TIMEOUT: String(day.testTimeoutMs),
      CACHELINGS_EVENTS_FD: '3',
      CACHELINGS_PROBE_FILE: probe,
      CACHELINGS_GATE_FILE: `${probe}.gate`,
      CACHELINGS_DAY: day.id,
      CACHELINGS_ORDER: JSON.stringify(files),
      [handInVariable]: handIn ?? '',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
  });
  running.add(child.pid!);
  const events: GraderEvent[] = [];
  let stop: Stop | undefined;
  const stallMs = day.testTimeoutMs + 5_000;
  const startupMs = 20_000;
  const halt = (next: Stop) => {
    stop ??= next;
    killGroup(child.pid!);
  };
  // Starting vitest on a busy machine can take a while: the first event gets extra time.
  let stall = setTimeout(() => halt({ reason: 'stall', seconds: (stallMs + startupMs) / 1000 }), stallMs + startupMs);
  const limit = setTimeout(() => halt({ reason: 'limit', seconds: day.timeLimitSec }), day.timeLimitSec * 1000);
  const cancel = () => halt({ reason: 'cancelled', seconds: 0 });
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  lines(child.stdio[3] as Readable, (line) => {
    events.push(JSON.parse(line) as GraderEvent);
    clearTimeout(stall);
    stall = setTimeout(() => halt({ reason: 'stall', seconds: stallMs / 1000 }), stallMs);
  });
  const tail: string[] = [];
  const output = (line: string) => {
    tail.push(line);
    if (tail.length > 15) tail.shift();
    options.onOutput?.(line);
  };
  lines(child.stdout!, output);
  lines(child.stderr!, output);
  // The compile step runs beside vitest (tsc is native and quick); a partial run (--only) skips it unless selected.
  const compiles = typechecks(day) && selects(options.only, compileRequirement);
  const compiling = compiles ? typeErrors(day, options.target) : Promise.resolve([]);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, sig) => done([code, sig])));
  const types = await compiling;
  clearTimeout(stall);
  clearTimeout(limit);
  options.signal?.removeEventListener('abort', cancel);
  killGroup(child.pid!); // anything the learner's code left running
  running.delete(child.pid!);
  let tests = collectTests(events, options.target, day, stop, readProbe(probe));
  // A run the watchdog did not stop must have answered for every requirement (a killed process group has not).
  if (!stop && tests.length > 0) tests = requireEveryResult(tests, day, { code: exitCode, signal, finished: events.some((event) => event.type === 'end') });
  for (const test of tests) if (test.status === 'skipped' && !selects(options.only, test.name)) test.message = notSelected;
  if (tests.length === 0) {
    const last = tail.filter((line) => line.trim()).slice(-8).join('\n');
    const message = stop ? stopMessage(stop) : `The checkpoint crashed (vitest exited with code ${exitCode}) before running any test.${last ? `\nIts last output:\n${last}` : ''}`;
    tests.push({ group: '', name: 'the checkpoint runs', status: 'failed', message, durationMs: 0 });
  }
  const leaving = importLeavingTree(day, options.target);
  if (leaving) tests.unshift(leavingFailure(leaving));
  // The compile step is always one requirement of a day that has it: failed, held, or not selected by --only.
  const compiled = compileFailure(types);
  if (compiled && stop?.reason !== 'cancelled') tests = withCompileFailure(tests, compiled);
  else if (!compiled && typechecks(day)) tests = [compileStep(compiles ? 'passed' : 'skipped', compiles ? '' : notSelected), ...tests];
  return {
    id: day.id,
    title: day.title,
    passed: tests.every((test) => test.status !== 'failed' || test.bonus),
    tests,
    metrics: collectMetrics(events),
    durationMs: Date.now() - started,
  };
}

function readProbe(file: string): Started[] {
  try {
    const text = readFileSync(file, 'utf8');
    rmSync(file, { force: true });
    rmSync(`${file}.gate`, { force: true });
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Started);
  } catch {
    return [];
  }
}

function lines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
