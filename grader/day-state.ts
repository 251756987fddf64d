// Where a learner stands on each day (docs/architecture.md, "The JSON report"): passed, failing, not started (every
// file still the scaffold as shipped), or not reached (it fails only because an earlier day's files do: a compile
// error there, or day 6's cascade). And a day file that is missing is its own cause, not what a later check noticed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { days, findDay, type Day } from '../course/days.ts';
import { compileRequirementId } from './compile.ts';
import type { DayResult, DayState, TestResult } from './results.ts';
import { notStarted } from './shipped.ts';

/** The cause kind of a failure on a day whose own files are not all there. */
const missingFileKind = 'missing-file';

// The day whose folder `file` (tree-relative: `01-cache/cache.ts`) lies in.
const dayOfFile = (file: string): Day | undefined => days.find((day) => file.startsWith(`${day.slug}/`));

// The earlier day a failure of `day` points into (its Look at; a file that did not load, the compile step's), if any.
function earlierDayOf(day: Day, test: TestResult, compiled: TestResult | undefined): Day | undefined {
  const lookAt = test.lookAt ?? (test.cause?.kind === 'type-error' ? compiled?.lookAt : undefined);
  const owner = lookAt && dayOfFile(lookAt.file);
  return owner && days.indexOf(owner) < days.indexOf(day) ? owner : undefined;
}

/** The state of `result` graded in `target` (its tests already carry `lookAt`), and the earlier day that blocks it. */
export function dayState(result: DayResult, target: string, all: DayResult[]): { state: DayState; blockedBy?: string } {
  const day = findDay(result.id);
  if (result.passed) return { state: 'passed' };
  if (!day) return { state: 'failing' };
  if (notStarted(day, target)) return { state: 'not-started' };
  const failed = result.tests.filter((test) => test.status === 'failed' && !test.bonus);
  const compiled = failed.find((test) => test.id === compileRequirementId);
  const blockers = failed.map((test) => earlierDayOf(day, test, compiled));
  if (failed.length > 0 && blockers.every(Boolean)) return { state: 'not-reached', blockedBy: blockers[0]!.id };
  // Day 6: only its cascade requirements fail, while an earlier day fails on its own.
  const cascade = new Set(day.cascade ?? []);
  const earlier = all.find((other) => !other.passed && days.findIndex((entry) => entry.id === other.id) < days.indexOf(day));
  if (earlier && failed.length > 0 && failed.every((test) => test.id && cascade.has(test.id))) return { state: 'not-reached', blockedBy: earlier.id };
  return { state: 'failing' };
}

/** The files of `day` that `target` lacks (none when the tree itself is not on this machine). */
export function missingFiles(day: Day, target: string): string[] {
  if (!existsSync(target)) return [];
  return day.files.filter((file) => !existsSync(resolve(target, file)));
}

/** `test` with a missing file of its day as its cause: whatever a check noticed next, the file is not there. */
export function blamedOnMissing(test: TestResult, missing: string[]): TestResult {
  if (test.status !== 'failed' || missing.length === 0) return test;
  const title = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from your tree`;
  return { ...test, cause: { kind: missingFileKind, title }, lookAt: { file: missing[0]! } };
}
