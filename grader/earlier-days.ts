// Runs earlier days' checkpoints for a later day (day 6's hand-in, hand-in.ts) or a command (`npm run share`).
// Like `go test`'s cache: a part of a day that passed is not run again while its code, its checkpoints and the grader
// are unchanged, and within one `npm run grade` day 6 reuses what days 1–5 just found, failures too.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dayNumber, type Day } from '../course/days.ts';
import { inPart, listFiles, type Part } from '../harness/files.ts';
import { verdictInputFiles } from './checksums.ts';
import { root } from './paths.ts';
import { seal, sealedJson, unsealJson } from './seal.ts';
import { stateDir } from './state.ts';
import type { DayResult } from './results.ts';

/** A part of a day as graded, and whether it was reused from an earlier run of the same code. */
export interface PartResult {
  result: DayResult;
  cached: boolean;
}

const maxAgeMs = 24 * 60 * 60 * 1000;

/** `day` restricted to the checkpoint files of `part`, or undefined when it has none. */
export function dayPart(day: Day, part: Part): Day | undefined {
  const checkpoints = day.checkpoints.filter((file) => inPart(file, part));
  if (checkpoints.length === 0) return undefined;
  // Bonus suites run once, with the other part.
  return part === 'race' ? { ...day, checkpoints, bonus: [] } : { ...day, checkpoints };
}

/** Adds to `hash` every file (name and content) of the target's day folders, those of days 1..`upTo` only if given. */
export function hashDayFolders(hash: Hash, target: string, upTo = Infinity): Hash {
  const folders = readdirSync(target).filter((name) => /^\d\d-/.test(name) && Number.parseInt(name, 10) <= upTo);
  for (const folder of folders.sort()) {
    for (const file of listFiles(resolve(target, folder))) {
      hash
        .update(`${folder}/${file}\0`)
        .update(readFileSync(resolve(target, folder, file)))
        .update('\0');
    }
  }
  return hash;
}

/** The cache key: the day, every verdict input of the repo at `base`, and every file of the target's days 1..N. */
export function cacheKey(day: Day, target: string, base = root): string {
  // Keyed by the grader's seal too: code that can hash the tree still cannot name the file the grader would read.
  const hash = createHash('sha256')
    .update(seal('cache-key'))
    .update(`${day.id}\0${day.checkpoints.join('\0')}\0${(day.bonus ?? []).join('\0')}\0`);
  for (const file of verdictInputFiles(base))
    hash
      .update(`${file}\0`)
      .update(readFileSync(resolve(base, file)))
      .update('\0');
  return hashDayFolders(hash, target, dayNumber(day)).digest('hex').slice(0, 32);
}

// Passing results live in the grader's state folder (.cachelings/checked/), one file per key.
const cacheDir = () => resolve(stateDir(), 'checked');

/** Names one `npm run grade`: its day 6 reuses the earlier days' results of that same run, failures included. */
export const gradeRunVariable = 'CACHELINGS_GRADE_RUN';

export function writeCached(key: string, result: DayResult): void {
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(resolve(cacheDir(), `${key}.json`), sealedJson({ at: Date.now(), run: process.env[gradeRunVariable], result }));
}

/** Remembers a run of a whole day (`check`, `grade`) so day 6 and `share` need not run it again: a pass for a
 *  day, a failure only for the rest of the same grade run. */
export function rememberResult(day: Day, target: string, result: DayResult): void {
  if (result.passed || process.env[gradeRunVariable]) writeCached(cacheKey(day, target), result);
}

export function readCached(key: string): DayResult | undefined {
  const file = resolve(cacheDir(), `${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const saved = unsealJson<{ at: number; run?: string; result: DayResult }>(readFileSync(file, 'utf8'));
    if (saved === 'forged') return undefined; // not written by this grader: run the day
    if (Date.now() - saved.at >= maxAgeMs) return undefined;
    const sameGrade = saved.run !== undefined && saved.run === process.env[gradeRunVariable];
    return saved.result.passed || sameGrade ? saved.result : undefined;
  } catch {
    return undefined;
  }
}

/** The requirements of a whole-day result that belong to `part` (race-stress files, or the rest with the figures). */
export function partOf(result: DayResult, part: Part): DayResult {
  const tests = result.tests.filter((test) => inPart(test.file ?? '', part));
  const passed = tests.every((test) => test.status !== 'failed' || test.bonus);
  return { ...result, tests, passed, metrics: part === 'other' ? result.metrics : {} };
}
