// Runs one day's checkpoint in a child vitest process, with a watchdog, and collects a DayResult.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Day } from './days.ts';
import { explainError, stuckMessage } from './messages.ts';
import { root, vitestBin } from './paths.ts';
import type { GraderEvent } from './reporter.ts';
import type { DayResult, MetricResult, TestResult } from './results.ts';

/** How to run a day. */
export interface RunOptions {
  target: string;
  seed: number;
  /** Called with every line the checkpoint (and the learner's code) prints. */
  onOutput?: (line: string) => void;
}

type Stop = { reason: 'stall' | 'limit'; seconds: number };

const running = new Set<number>();

/** Kills every process group a run started (used on Ctrl-C and on exit). */
export function killAllRuns(): void {
  for (const pid of running) killGroup(pid);
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Runs `day`'s checkpoint files against `options.target` and returns what happened. */
export async function runDay(day: Day, options: RunOptions): Promise<DayResult> {
  const started = Date.now();
  const args = [vitestBin, 'run', '--config', 'checkpoints/vitest.config.ts', '--reporter', './grader/reporter.ts', ...day.checkpoints, ...(day.bonus ?? [])];
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
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
  });
  running.add(child.pid!);
  const events: GraderEvent[] = [];
  let stop: Stop | undefined;
  const stallMs = day.testTimeoutMs + 5_000;
  const halt = (next: Stop) => {
    stop ??= next;
    killGroup(child.pid!);
  };
  let stall = setTimeout(() => halt({ reason: 'stall', seconds: stallMs / 1000 }), stallMs);
  const limit = setTimeout(() => halt({ reason: 'limit', seconds: day.timeLimitSec }), day.timeLimitSec * 1000);
  lines(child.stdio[3] as Readable, (line) => {
    events.push(JSON.parse(line) as GraderEvent);
    clearTimeout(stall);
    stall = setTimeout(() => halt({ reason: 'stall', seconds: stallMs / 1000 }), stallMs);
  });
  lines(child.stdout!, (line) => options.onOutput?.(line));
  lines(child.stderr!, (line) => options.onOutput?.(line));
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(stall);
  clearTimeout(limit);
  killGroup(child.pid!); // anything the learner's code left running
  running.delete(child.pid!);
  const tests = collectTests(events, options.target, day, stop);
  if (tests.length === 0) {
    const message = stop ? stuckMessage(stop.seconds) : `vitest exited with code ${exitCode} before running any test.`;
    tests.push({ group: '', name: 'the checkpoint runs', status: 'failed', message, durationMs: 0 });
  }
  return {
    id: day.id,
    title: day.title,
    passed: tests.every((test) => test.status !== 'failed' || test.bonus),
    tests,
    metrics: collectMetrics(events),
    durationMs: Date.now() - started,
  };
}

function lines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

function collectTests(events: GraderEvent[], target: string, day: Day, stop: Stop | undefined): TestResult[] {
  const tests: TestResult[] = [];
  const byKey = new Map<string, TestResult>();
  const moduleOf = new Map<TestResult, string>();
  for (const event of events) {
    if (event.type === 'collected') {
      for (const test of event.tests) {
        const entry: TestResult = { ...test, status: 'skipped', message: 'not run', durationMs: 0 };
        if (day.bonus?.includes(event.module)) entry.bonus = true;
        byKey.set(`${event.module}\0${test.name}`, entry);
        moduleOf.set(entry, event.module);
        tests.push(entry);
      }
    }
    if (event.type === 'result') {
      const entry = byKey.get(`${event.module}\0${event.name}`);
      if (!entry) continue;
      entry.status = event.state === 'passed' ? 'passed' : event.state === 'failed' ? 'failed' : 'skipped';
      entry.message = event.errors.map((error) => explainError(error, target, day.testTimeoutMs)).join('\n') || (entry.status === 'skipped' ? 'skipped' : '');
      entry.durationMs = event.durationMs;
    }
    if ((event.type === 'moduleEnd' || event.type === 'end') && event.errors.length > 0) {
      const messages = [...new Set(event.errors.map((error) => explainError(error, target, day.testTimeoutMs)))];
      const name = event.type === 'moduleEnd' ? `${event.module} loads and runs` : 'no error escapes the tests (an unhandled rejection or uncaught exception)';
      const bonus = event.type === 'moduleEnd' && day.bonus?.includes(event.module) ? { bonus: true } : {};
      tests.push({ group: '', name, status: 'failed', message: messages.join('\n'), durationMs: 0, ...bonus });
    }
  }
  const files = [...day.checkpoints, ...(day.bonus ?? [])];
  const order = (test: TestResult) => files.findIndex((file) => moduleOf.get(test) === file);
  tests.sort((a, b) => order(a) - order(b));
  if (stop) markUnfinished(events, byKey, stop);
  return tests;
}

function markUnfinished(events: GraderEvent[], byKey: Map<string, TestResult>, stop: Stop): void {
  const unfinished = [...byKey.entries()].filter(([, test]) => test.message === 'not run');
  const ready = events.filter((event) => event.type === 'ready').map((event) => `${event.module}\0${event.name}`);
  const stuck = ready.find((key) => byKey.get(key)?.message === 'not run') ?? unfinished[0]?.[0];
  for (const [key, test] of unfinished) {
    if (key === stuck) {
      test.status = 'failed';
      test.message = stuckMessage(stop.seconds);
    } else {
      test.message = 'not run: an earlier test did not finish';
    }
  }
}

function collectMetrics(events: GraderEvent[]): Record<string, MetricResult> {
  const metrics: Record<string, MetricResult> = {};
  for (const event of events) {
    if (event.type !== 'result') continue;
    Object.assign(metrics, (event.meta.metrics ?? {}) as Record<string, MetricResult>);
  }
  return metrics;
}
