// Runs one day as graded: makes its hand-in first (the learner's own runs and the earlier days it re-checks, each
// earlier day through runPart, so a pass of the same code is reused), then its checkpoint (vitest-run.ts).
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findDay, type Day } from '../course/days.ts';
import type { Part } from '../harness/files.ts';
import type { HandIn } from '../harness/hand-in.ts';
import { compileRequirementId } from './compile.ts';
import { cacheKey, dayPart, partOf, readCached, writeCached, type PartResult } from './earlier-days.ts';
import { canMake, learnerRun, needsHandIn, removeHandIn } from './hand-in.ts';
import { runDir } from './leftovers.ts';
import { bestFigures } from './progress.ts';
import type { DayResult } from './results.ts';
import { runCheckpoint, type RunOptions } from './vitest-run.ts';

const parts: Part[] = ['other', 'race'];

/** Runs `day`'s checkpoint files against `options.target` and returns what happened. */
export async function runDay(day: Day, options: RunOptions): Promise<DayResult> {
  // Days 3 and 6: the runs of the learner's own files and the earlier days come first (hand-in.ts); the checkpoint
  // reads what they found and starts no vitest of its own. Under --only, most selected requirements need none of it:
  // run without, and make the hand-in and run again only when a selected requirement asked for it.
  // When every requirement that asked names the learner runs it reads, only those runs are made.
  let runs: string[] | undefined;
  if (options.only !== undefined) {
    const first = await runCheckpoint(day, options, undefined);
    const asked = first.tests.filter((test) => test.cause?.kind === 'no-hand-in').map((test) => test.cause!);
    if (asked.length === 0 || options.signal?.aborted) return first;
    if (asked.every((cause) => cause.runs)) runs = [...new Set(asked.flatMap((cause) => cause.runs!))];
  }
  const handIn = await writeHandIn(day, options.target, options.seed, options.signal, runs);
  try {
    return await runCheckpoint(day, options, handIn);
  } finally {
    removeHandIn(handIn);
  }
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

/** Writes the hand-in for `day` (with `only`, just those learner runs) to a temporary file and returns its path
 *  (undefined when the day needs none). */
export async function writeHandIn(day: Day, target: string, seed: number, signal?: AbortSignal, only?: string[]): Promise<string | undefined> {
  if (!needsHandIn(day)) return undefined;
  const handIn = await collectHandIn(day, target, seed, signal, only);
  const file = resolve(runDir(), `hand-in-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(handIn));
  return file;
}

// runDay passes its environment on; when called from a vitest worker (the workbook's tests), its variables must not leak.
function withoutVitestEnv<T>(start: () => T): T {
  const saved = Object.entries(process.env).filter(([name]) => name.startsWith('VITEST') || name === 'TEST' || name === 'NODE_OPTIONS');
  for (const [name] of saved) delete process.env[name];
  try {
    return start();
  } finally {
    for (const [name, value] of saved) process.env[name] = value;
  }
}

/** Runs `part` of `day` against `target` (or reuses a pass of the same code); undefined when the part has no files. */
export async function runPart(day: Day, part: Part, target: string, seed: number, signal?: AbortSignal): Promise<PartResult | undefined> {
  const subset = dayPart(day, part);
  if (!subset) return undefined;
  const key = cacheKey(subset, target);
  const cached = readCached(key);
  if (cached) return { result: cached, cached: true };
  // A run of the whole day covers both parts.
  const whole = readCached(cacheKey(day, target));
  if (whole) return { result: partOf(whole, part), cached: true };
  const result = await withoutVitestEnv(() => runDay(subset, { target, seed, signal }));
  if (result.passed) writeCached(key, result);
  return { result, cached: false };
}

/** Every checkpoint of `day` against `target`: the non-race part, then the race-stress part, as one result. */
export async function runWholeDay(day: Day, target: string, seed: number): Promise<PartResult> {
  const whole = readCached(cacheKey(day, target));
  if (whole) return { result: whole, cached: true };
  const parts = [await runPart(day, 'other', target, seed), await runPart(day, 'race', target, seed)].filter((part) => part !== undefined);
  const results = parts.map((part) => part.result);
  return {
    cached: parts.length > 0 && parts.every((part) => part.cached),
    result: {
      id: day.id,
      title: day.title,
      passed: results.every((result) => result.passed),
      // Each part's run has the compile step; the day counts it once.
      tests: results.flatMap((result, index) => (index === 0 ? result.tests : result.tests.filter((test) => test.id !== compileRequirementId))),
      metrics: Object.assign({}, ...results.map((result) => result.metrics)),
      durationMs: results.reduce((sum, result) => sum + result.durationMs, 0),
    },
  };
}
