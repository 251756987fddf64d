// A run counts only when it reported a result for every requirement: a vitest whose process group died early (the
// learner's code killed it, or exited) fails every requirement it never answered, with a cause that says so.
import type { Day } from '../course/days.ts';
import { compileRequirementId } from './compile.ts';
import { HANG_KEY } from './explain.ts';
import type { TestCause, TestResult } from './results.ts';

/** How the vitest process ended: its exit code (null: killed by a signal), and whether it sent its last event. */
export interface Ending {
  code: number | null;
  finished: boolean;
}

/** The cause of a run that ended before every requirement reported. */
export function endedEarly(ending: Ending): TestCause {
  const how = ending.code === null ? 'was killed by a signal' : `exited with code ${ending.code}`;
  return { kind: 'run-ended', title: `the checkpoint's process group ${how} before every requirement reported a result` };
}

/** `tests` with every requirement that did not report failed under `endedEarly`: when the run ended early (no last
 *  event, or a signal), each test still "not run"; in any case, each id the manifest lists that the run never named. */
export function requireEveryResult(tests: TestResult[], day: Day, ending: Ending): TestResult[] {
  const early = !ending.finished || ending.code === null;
  const missing = listedIds(day).filter((id) => !tests.some((test) => test.id === id));
  if (!early && missing.length === 0) return tests;
  const cause: TestCause = early ? endedEarly(ending) : { kind: 'run-ended', title: 'the run ended without a result for this requirement' };
  const message = early
    ? `No result: ${cause.title}. Something in the run ended it (process.exit or process.kill in your code?); the day counts only when every requirement reports.`
    : `No result: ${cause.title} (its checkpoint file did not load or run: see the failure above); the day counts only when every requirement reports.`;
  const out = tests.map((test) => (early && test.message === 'not run' && !test.bonus ? { ...test, status: 'failed' as const, message, cause } : test));
  for (const id of missing) out.push({ group: '', name: `requirement ${id}`, id, status: 'failed', message, durationMs: 0, cause });
  return out;
}

/** The ids of the day's required requirements, as the manifest lists them (its `explain`; stretch ones are 'none'). */
function listedIds(day: Day): string[] {
  return Object.entries(day.explain ?? {}).filter(([id, entry]) => id !== HANG_KEY && id !== compileRequirementId && entry !== 'none').map(([id]) => id);
}
