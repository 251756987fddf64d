// Before a day's checkpoint runs, the grader makes the runs of the learner's own files it declares and runs (or reuses)
// the earlier days it re-checks, and writes what they found to a file the checkpoint reads (harness/hand-in.ts): no
// checkpoint ever starts vitest or the grader.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { findDay, type Day } from '../course/days.ts';
import type { Part } from '../harness/files.ts';
import type { HandIn } from '../harness/hand-in.ts';
import { runPart } from './earlier-days.ts';
import { runLearnerFiles } from './learner-runs.ts';
import { bestFigures } from './progress.ts';

const parts: Part[] = ['other', 'race'];

/** Makes each learner run `day` declares, runs each earlier day it names (both parts; unchanged passing parts are
 *  reused), and collects the hand-in. */
export async function collectHandIn(day: Day, target: string, seed: number, signal?: AbortSignal): Promise<HandIn> {
  const handIn: HandIn = { runs: {}, earlier: {}, best: bestFigures(target) };
  for (const run of day.learnerRuns ?? []) {
    if (signal?.aborted) return handIn;
    // A missing file is reported by the checkpoint itself, in its own words.
    if (run.needs && !existsSync(resolve(target, run.needs))) continue;
    handIn.runs[run.name] = await runLearnerFiles(run, target, signal);
  }
  for (const id of day.earlier ?? []) {
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

/** Whether `day`'s checkpoint reads a hand-in: it declares learner runs or earlier days. */
export function needsHandIn(day: Day): boolean {
  return Boolean(day.earlier?.length || day.learnerRuns?.length);
}

/** Writes the hand-in for `day` to a temporary file and returns its path (undefined when the day needs none). */
export async function writeHandIn(day: Day, target: string, seed: number, signal?: AbortSignal): Promise<string | undefined> {
  if (!needsHandIn(day)) return undefined;
  const handIn = await collectHandIn(day, target, seed, signal);
  const file = resolve(tmpdir(), `cachelings-hand-in-${process.pid}-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(handIn));
  return file;
}

/** Removes a hand-in file once its run is over. */
export function removeHandIn(file: string | undefined): void {
  if (file) rmSync(file, { force: true });
}
