// Turns the event stream of one vitest run into requirements and figures, including runs the watchdog had to stop.
import type { Day } from '../course/days.ts';
import type { FailureAdvice } from './advice.ts';
import { adviceOf, explainError, stuckMessage } from './messages.ts';
import type { ErrorInfo, GraderEvent } from './reporter.ts';
import type { MetricResult, TestCause, TestResult } from './results.ts';

/** Why a run was stopped before vitest finished. */
export type Stop = { reason: 'stall' | 'limit' | 'cancelled'; seconds: number };

/** The learner-facing text for a stopped run. */
export function stopMessage(stop: Stop): string {
  return stop.reason === 'cancelled' ? 'cancelled before it finished (a file changed, or you pressed a key).' : stuckMessage(stop.seconds);
}

/** The requirements of a run, in manifest order; `started`: tests as they began (from the probe). */
export function collectTests(events: GraderEvent[], target: string, day: Day, stop: Stop | undefined, started: Started[] = []): TestResult[] {
  const tests: TestResult[] = [];
  const byKey = new Map<string, TestResult>();
  for (const event of events) {
    if (event.type === 'collected') {
      for (const test of event.tests) {
        const entry: TestResult = { ...test, file: event.module, status: 'skipped', message: 'not run', durationMs: 0 };
        if (day.bonus?.includes(event.module)) entry.bonus = true;
        byKey.set(`${event.module}\0${test.name}`, entry);
        tests.push(entry);
      }
    }
    if (event.type === 'result') {
      const entry = byKey.get(`${event.module}\0${event.name}`);
      if (!entry) continue;
      entry.status = event.state === 'passed' ? 'passed' : event.state === 'failed' ? 'failed' : 'skipped';
      entry.message =
        event.errors.map((error) => explainError(error, target, day.testTimeoutMs)).join('\n') || (entry.status === 'skipped' ? (event.note ?? 'skipped') : '');
      entry.durationMs = event.durationMs;
      const cause = entry.status === 'failed' ? causeOf(event.errors, entry.message, day) : undefined;
      if (cause) entry.cause = cause;
      const advice = entry.status === 'failed' ? firstAdvice(event.errors, target) : undefined;
      if (advice) entry.advice = advice;
    }
    if ((event.type === 'moduleEnd' || event.type === 'end') && event.errors.length > 0) {
      const messages = [...new Set(event.errors.map((error) => explainError(error, target, day.testTimeoutMs)))];
      const name = event.type === 'moduleEnd' ? `${event.module} loads and runs` : 'no error escapes the tests (an unhandled rejection or uncaught exception)';
      const bonus = event.type === 'moduleEnd' && day.bonus?.includes(event.module) ? { bonus: true } : {};
      const advice = firstAdvice(event.errors, target);
      tests.push({ group: '', name, status: 'failed', message: messages.join('\n'), durationMs: 0, ...bonus, ...(advice && { advice }) });
    }
  }
  if (stop) markUnfinished(tests, byKey, stop, started, day);
  const files = [...day.checkpoints, ...(day.bonus ?? [])];
  const order = (test: TestResult) => files.indexOf(test.file ?? '');
  return tests.sort((a, b) => order(a) - order(b));
}

/** Puts the compile step's failure first and folds under it (same cause) every requirement that failed only because a
 *  file did not load: with a syntax error or a missing export, tsc and the module loader report one bug twice. */
export function withCompileFailure(tests: TestResult[], compile: TestResult): TestResult[] {
  for (const test of tests) {
    if (test.status === 'failed' && test.cause?.kind === 'module-not-loaded' && compile.cause) test.cause = { ...compile.cause };
  }
  return [compile, ...tests];
}

// The advice of the first of `errors` that has some (the one the message opens with, as a rule).
function firstAdvice(errors: ErrorInfo[], target: string): FailureAdvice | undefined {
  for (const error of errors) {
    const advice = adviceOf(error, target);
    if (advice) return advice;
  }
  return undefined;
}

/** The cause of a failure: the one its CheckError carries, or a TODO left; `guide` from the manifest's `causes`. */
export function causeOf(errors: ErrorInfo[], message: string, day: Day): TestCause | undefined {
  const carried = errors.find((error) => error.failure)?.failure;
  const cause: TestCause | undefined = carried
    ? { ...carried }
    : /^not implemented yet/m.test(message)
      ? { kind: 'not-implemented', title: message.split('\n')[0]! }
      : undefined;
  const entry = cause && day.causes?.[cause.kind];
  if (cause && entry && entry !== 'none') cause.guide = `days/${day.slug}/README.md#${entry.anchor}`;
  return cause;
}

/** A test the probe saw begin: `module` relative to the repo, its describe block and name. */
export interface Started {
  module: string;
  group: string;
  name: string;
  /** The requirement's id, when its checkpoint declares one. */
  id?: string;
}

function markUnfinished(tests: TestResult[], byKey: Map<string, TestResult>, stop: Stop, started: Started[], day: Day): void {
  const key = (test: Started) => `${test.module}\0${test.name}`;
  const open = started.filter((test) => (byKey.get(key(test))?.message ?? 'not run') === 'not run');
  const stuck = open.at(-1);
  if (stuck && !byKey.has(key(stuck))) {
    const entry: TestResult = {
      ...stuck,
      file: stuck.module,
      status: 'skipped',
      message: 'not run',
      durationMs: 0,
      ...(day.bonus?.includes(stuck.module) ? { bonus: true } : {}),
    };
    byKey.set(key(stuck), entry);
    tests.push(entry);
  }
  const stuckKey = stuck ? key(stuck) : [...byKey.keys()].find((name) => byKey.get(name)!.message === 'not run');
  const begun = new Set(started.map(key));
  for (const [name, test] of byKey) {
    if (test.message !== 'not run') continue;
    if (name === stuckKey) {
      test.status = 'failed';
      test.message = stopMessage(stop);
    } else {
      test.message = begun.has(name) ? 'ran, but its result was lost when the stuck test was stopped' : 'not run: an earlier test did not finish';
    }
  }
  for (const file of [...day.checkpoints, ...(day.bonus ?? [])]) {
    if (tests.some((test) => test.file === file)) continue;
    tests.push({
      group: '',
      name: `${file} did not run`,
      file,
      status: 'skipped',
      message: 'not run: an earlier test did not finish',
      durationMs: 0,
      ...(day.bonus?.includes(file) ? { bonus: true } : {}),
    });
  }
}

/** The figures the tests recorded (metric name → value and gate). */
export function collectMetrics(events: GraderEvent[]): Record<string, MetricResult> {
  const metrics: Record<string, MetricResult> = {};
  for (const event of events) {
    if (event.type !== 'result') continue;
    Object.assign(metrics, (event.meta.metrics ?? {}) as Record<string, MetricResult>);
  }
  return metrics;
}
