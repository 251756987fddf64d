// One run of a day's checkpoint files in a child vitest process (its own process group), with a watchdog, collected
// into a DayResult. run-day.ts makes the hand-in first and calls it.
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Day } from '../course/days.ts';
import { handInVariable } from '../harness/hand-in.ts';
import { collectMetrics, collectTests, stopMessage, withCompileFailure, type Started, type Stop } from './collect.ts';
import { requireEveryResult } from './complete.ts';
import { importLeavingTree, leavingFailure } from './leaves-tree.ts';
import { compileFailure, compileRequirement, compileStep, typeErrors, typechecks } from './compile.ts';
import { childNodeFlags, vitestBin } from './paths.ts';
import { fromSolutions } from './from-solutions.ts';
import { runDir } from './leftovers.ts';
import { startGroup } from './process-group.ts';
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
  return [...text]
    .map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .join('');
}

/** The message of a requirement that `--only` left out of the run. */
export const notSelected = 'not selected by --only';

/** Whether requirement `name` is one that `--only text` selects. */
export function selects(text: string | undefined, name: string): boolean {
  return text === undefined || name.toLowerCase().includes(text.toLowerCase());
}

/** One vitest run of the day's checkpoint files, with the hand-in file `handIn` (if any). */
export async function runCheckpoint(day: Day, options: RunOptions, handIn: string | undefined): Promise<DayResult> {
  const started = Date.now();
  const files = [...day.checkpoints, ...(day.bonus ?? [])];
  const probe = join(runDir(), `probe-${randomUUID()}.jsonl`);
  const args = [
    ...childNodeFlags,
    vitestBin,
    'run',
    '--config',
    'grader/vitest.config.ts',
    '--reporter',
    './grader/reporter.ts',
    ...(options.only ? ['--testNamePattern', namePattern(options.only)] : []),
    ...files,
  ];
  let stop: Stop | undefined;
  const group = startGroup({
    args,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CACHELINGS_TARGET: options.target,
      GRADER_SEED: String(options.seed),
      CACHELINGS_TEST_TIMEOUT: String(day.testTimeoutMs),
      CACHELINGS_EVENTS_FD: '3',
      CACHELINGS_PROBE_FILE: probe,
      CACHELINGS_GATE_FILE: `${probe}.gate`,
      [handInVariable]: handIn ?? '',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    limitMs: day.timeLimitSec * 1000,
    onLimit: () => (stop ??= { reason: 'limit', seconds: day.timeLimitSec }),
    signal: options.signal,
    onAbort: () => (stop ??= { reason: 'cancelled', seconds: 0 }),
  });
  const { child } = group;
  const events: GraderEvent[] = [];
  const stallMs = day.testTimeoutMs + 5_000;
  const startupMs = 20_000;
  const halt = (next: Stop) => {
    stop ??= next;
    group.kill();
  };
  // Starting vitest on a busy machine can take a while: the first event gets extra time.
  let stall = setTimeout(() => halt({ reason: 'stall', seconds: (stallMs + startupMs) / 1000 }), stallMs + startupMs);
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
  const exitCode = await group.closed;
  const types = await compiling;
  clearTimeout(stall);
  let tests = collectTests(events, options.target, day, stop, readProbe(probe));
  for (const test of tests) if (test.status === 'skipped' && !selects(options.only, test.name)) test.message = notSelected;
  // A run the watchdog did not stop must have answered for every requirement (a killed process group has not).
  if (!stop && tests.length > 0) tests = requireEveryResult(tests, day, files, { code: exitCode, finished: events.some((event) => event.type === 'end') });
  if (tests.length === 0) {
    const last = tail
      .filter((line) => line.trim())
      .slice(-8)
      .join('\n');
    const message = stop
      ? stopMessage(stop)
      : `The checkpoint crashed (vitest exited with code ${exitCode}) before running any test.${last ? `\nIts last output:\n${last}` : ''}`;
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
    ...(fromSolutions(options.target, day.id) && { fromSolutions: true as const }),
  };
}

function readProbe(file: string): Started[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Started);
  } catch {
    return [];
  } finally {
    rmSync(file, { force: true });
    rmSync(`${file}.gate`, { force: true });
    rmSync(`${file}.hosts`, { recursive: true, force: true }); // the learner hosts' bundles (harness/learner-host.ts)
  }
}

function lines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
