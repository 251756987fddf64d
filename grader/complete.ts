// A run counts only when it reported a result for every requirement: a vitest whose process group died early (the
// learner's code killed it, or exited) fails every requirement it never answered, with a cause that says so.
import type { Day } from '../course/days.ts';
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

/** `tests` (of a run of `files`) with every required test that never reported a result failed under `endedEarly`,
 *  and, when the run ended early, one run-level failure per checkpoint file it never collected. */
export function requireEveryResult(tests: TestResult[], day: Day, files: string[], ending: Ending): TestResult[] {
  const early = !ending.finished || ending.code === null;
  const silent = (test: TestResult) => test.message === 'not run' && !test.bonus;
  const uncollected = early ? files.filter((file) => !day.bonus?.includes(file) && !tests.some((test) => test.file === file)) : [];
  if (!tests.some(silent) && uncollected.length === 0) return tests;
  const cause = endedEarly(ending);
  const message = `No result: ${cause.title}. Something in the run ended it (process.exit or process.kill in your code?); the day counts only when every requirement reports.`;
  const out = tests.map((test) => (silent(test) ? { ...test, status: 'failed' as const, message, cause } : test));
  for (const file of uncollected) out.push({ group: '', name: `${file} reports its requirements`, file, status: 'failed', message, durationMs: 0, cause });
  return out;
}
