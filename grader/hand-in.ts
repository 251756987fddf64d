// The learner runs of a day's hand-in: before a day's checkpoint runs, the grader makes the runs of the learner's own
// files it declares (run-day.ts adds the earlier days it re-checks and writes the file the checkpoint reads,
// harness/hand-in.ts): no checkpoint ever starts vitest or the grader.
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day, LearnerRun } from '../course/days.ts';
import type { LearnerRunResult } from '../harness/learner-runs.ts';
import { gradeRunVariable, hashDayFolders } from './earlier-days.ts';
import { runLearnerFiles } from './learner-runs.ts';

// The learner runs this process made during one `npm run grade`, by what they ran and the files of the tree: day 6
// reuses day 3's benchmark run of the same code instead of measuring it again seconds later.
const madeThisGrade = new Map<string, LearnerRunResult>();

// What a learner run depends on: its mode and config, the tree, and every file of the tree's day folders.
function runKey(run: LearnerRun, target: string): string {
  const hash = hashDayFolders(createHash('sha256').update(`${run.mode}\0${run.config}\0${target}\0`), target);
  return `${process.env[gradeRunVariable]}:${hash.digest('hex')}`;
}

/** Whether `run` can be made on `target`: the file it needs is there (a missing one is reported by the checkpoint). */
export function canMake(run: LearnerRun, target: string): boolean {
  return !run.needs || existsSync(resolve(target, run.needs));
}

/** Runs `run` on `target`, or, within one grade, hands back the same run made earlier on the same files. */
export async function learnerRun(run: LearnerRun, target: string, signal?: AbortSignal): Promise<LearnerRunResult> {
  if (!process.env[gradeRunVariable]) return runLearnerFiles(run, target, signal);
  const key = runKey(run, target);
  const made = madeThisGrade.get(key) ?? (await runLearnerFiles(run, target, signal));
  if (!signal?.aborted) madeThisGrade.set(key, made);
  return made;
}

/** Within one grade: makes the runs of the learner's own tests that `later` days declare (they time nothing) while
 *  other days run, so that those days' hand-ins reuse them. */
export async function prepareTests(later: Day[], target: string): Promise<void> {
  if (!process.env[gradeRunVariable]) return;
  for (const run of later.flatMap((day) => day.learnerRuns ?? [])) {
    if (run.mode === 'test' && canMake(run, target)) await learnerRun(run, target);
  }
}

/** Whether `day`'s checkpoint reads a hand-in: it declares learner runs or earlier days. */
export function needsHandIn(day: Day): boolean {
  return Boolean(day.earlier?.length || day.learnerRuns?.length);
}

/** Removes a hand-in file once its run is over. */
export function removeHandIn(file: string | undefined): void {
  if (file) rmSync(file, { force: true });
}
