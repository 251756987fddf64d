// Which guide entry explains a failure: the manifest's `causes` for what was observed, then its `explain` per requirement.
import type { Day, Explanation } from './day.ts';

/** The key of a day's `explain` map used for any test that did not finish in time. */
export const HANG_KEY = '(a check that hangs)';

/** What a failure must say for its entry to be found: its requirement's id, its message, the cause it carries. */
export interface Failure {
  id?: string;
  message: string;
  cause?: { kind: string };
}

/** Causes that say what happened to the run, not to a requirement (grader/complete.ts, harness/learner.ts). */
const runCauses = new Set(['run-ended', 'learner-exited', 'import-leaves-tree']);

/** The guide entry for a failure of `day`: its cause's entry, else its requirement's, if the manifest names one. */
export function explanationFor(day: Day, failure: Failure): Explanation | undefined {
  if (failure.message.startsWith('not implemented yet')) return undefined; // a TODO left, nothing to explain
  if (failure.cause && runCauses.has(failure.cause.kind)) return undefined; // the run's own trouble: the message says it all
  const byCause = failure.cause && day.causes?.[failure.cause.kind];
  if (byCause) return byCause === 'none' ? undefined : byCause; // what was observed first, the requirement second
  const hang = day.explain?.[HANG_KEY];
  if (/^did not finish within /m.test(failure.message) && hang && hang !== 'none') return hang;
  const entry = failure.id === undefined ? undefined : day.explain?.[failure.id];
  return entry && entry !== 'none' ? entry : undefined;
}

/** How a requirement kept from running by a failed precondition says so: `not run — needs: <what it needs>`. */
export const notRunPrefix = 'not run — needs: ';

/** The day whose checkpoint or bonus suite is `file` (relative to the repo), if any. */
export function dayOfCheckpoint(days: readonly Day[], file: string): Day | undefined {
  return days.find((day) => day.checkpoints.includes(file) || (day.bonus ?? []).includes(file));
}
