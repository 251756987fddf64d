// Before a day's checkpoint runs, the grader makes the runs of the learner's own files it declares and runs (or reuses)
// the earlier days it re-checks, and writes what they found to a file the checkpoint reads (harness/hand-in.ts): no
// checkpoint ever starts vitest or the grader.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findDay, type Day, type LearnerRun } from '../course/days.ts';
import type { Part } from '../harness/files.ts';
import type { HandIn } from '../harness/hand-in.ts';
import type { LearnerRunResult } from '../harness/learner-runs.ts';
import { gradeRunVariable, hashDayFolders, runPart } from './earlier-days.ts';
import { runDir } from './leftovers.ts';
import { runLearnerFiles } from './learner-runs.ts';
import { bestFigures } from './progress.ts';

const parts: Part[] = ['other', 'race'];

// The learner runs this process made during one `npm run grade`, by what they ran and the files of the tree: day 6
// reuses day 3's benchmark run of the same code instead of measuring it again seconds later.
const madeThisGrade = new Map<string, LearnerRunResult>();

// What a learner run depends on: its mode and config, the tree, and every file of the tree's day folders.
function runKey(run: LearnerRun, target: string): string {
  const hash = hashDayFolders(createHash('sha256').update(`${run.mode}\0${run.config}\0${target}\0`), target);
  return `${process.env[gradeRunVariable]}:${hash.digest('hex')}`;
}

// Whether `run` can be made on `target`: the file it needs is there (a missing one is reported by the checkpoint).
function canMake(run: LearnerRun, target: string): boolean {
  return !run.needs || existsSync(resolve(target, run.needs));
}

// Runs `run` on `target`, or, within one grade, hands back the same run made earlier on the same files.
async function learnerRun(run: LearnerRun, target: string, signal?: AbortSignal): Promise<LearnerRunResult> {
  if (!process.env[gradeRunVariable]) return runLearnerFiles(run, target, signal);
  const key = runKey(run, target);
  const made = madeThisGrade.get(key) ?? (await runLearnerFiles(run, target, signal));
  if (!signal?.aborted) madeThisGrade.set(key, made);
  return made;
}

/** Makes each learner run `day` declares, runs each earlier day it names (both parts; unchanged passing parts are
 *  reused), and collects the hand-in. With `only` (run names), just those learner runs and no earlier day. */
export async function collectHandIn(day: Day, target: string, seed: number, signal?: AbortSignal, only?: string[]): Promise<HandIn> {
  const handIn: HandIn = { runs: {}, earlier: {}, best: bestFigures(target) };
  for (const run of (day.learnerRuns ?? []).filter((run) => !only || only.includes(run.name))) {
    if (signal?.aborted) return handIn;
    if (!canMake(run, target)) continue;
    handIn.runs[run.name] = await learnerRun(run, target, signal);
  }
  for (const id of only ? [] : (day.earlier ?? [])) {
    const earlier = findDay(id);
    // A day not in the workbook or not in the tree is reported by the checkpoint itself.
    if (!earlier || !existsSync(resolve(target, earlier.slug))) continue;
    const entry: HandIn['earlier'][string] = {};
    for (const part of parts) {
      if (signal?.aborted) return handIn;
      const outcome = await runPart(earlier, part, target, seed, signal);
      if (outcome) entry[part] = { tests: outcome.result.tests, metrics: outcome.result.metrics, cached: outcome.cached };
    }
    handIn.earlier[id] = entry;
  }
  return handIn;
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

/** Writes the hand-in for `day` (with `only`, just those learner runs) to a temporary file and returns its path
 *  (undefined when the day needs none). */
export async function writeHandIn(day: Day, target: string, seed: number, signal?: AbortSignal, only?: string[]): Promise<string | undefined> {
  if (!needsHandIn(day)) return undefined;
  const handIn = await collectHandIn(day, target, seed, signal, only);
  const file = resolve(runDir(), `hand-in-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(handIn));
  return file;
}

/** Removes a hand-in file once its run is over. */
export function removeHandIn(file: string | undefined): void {
  if (file) rmSync(file, { force: true });
}
