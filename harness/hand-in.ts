// What the grader hands a day's checkpoint before running it: the runs of the learner's own tests (days 3 and 6), the
// results of the earlier days it re-checks and the best figures on record (day 6). The grader writes a JSON file and
// names it in CACHELINGS_HAND_IN; checkpoints only read it, and never start vitest or the grader themselves.
import { readFileSync } from 'node:fs';
import { CheckError } from './check.ts';
import type { Part } from './files.ts';
import type { LearnerRunResult } from './learner-runs.ts';

/** The environment variable that names the hand-in file. */
export const handInVariable = 'CACHELINGS_HAND_IN';

/** One requirement of an earlier day, as graded. */
export interface HandedTest {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  message: string;
  bonus?: boolean;
  /** The checkpoint file it comes from. */
  file?: string;
}

/** A figure an earlier day measured, and the gate it was held against. */
export interface HandedFigure {
  value: number;
  gate?: { op: '>' | '<'; value: number };
  note?: string;
}

/** One part of an earlier day (its race-stress suites, or the rest with the figures), and whether it was reused. */
export interface HandedPart {
  tests: HandedTest[];
  metrics: Record<string, HandedFigure>;
  cached: boolean;
}

/** The whole hand-in: the learner runs by name (course/days.ts `learnerRuns`); per earlier day id, its parts; and the
 *  best of each figure any recorded run measured. */
export interface HandIn {
  runs: Record<string, LearnerRunResult>;
  earlier: Record<string, Partial<Record<Part, HandedPart>>>;
  best: Record<string, number>;
}

/** The hand-in of this run, or undefined when the checkpoint was started without one (straight through vitest). */
export function readHandIn(env: NodeJS.ProcessEnv = process.env): HandIn | undefined {
  const file = env[handInVariable];
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as HandIn;
  } catch {
    return undefined;
  }
}

/** The one line a requirement fails with when its checkpoint was started without the hand-in (straight through vitest). */
export function noHandIn(dayId: string, what: string): string {
  return `This requirement reads ${what}, which the grader makes first: run \`npm run check ${dayId}\` (vitest alone, or \`npm run ui\`, cannot check it).`;
}

/** The failure of a requirement whose checkpoint started without the hand-in: its cause tells the grader to make the
 *  hand-in and run again (under `--only` it first runs without one, as most requirements need none). */
export function missingHandIn(dayId: string, what: string, runs?: string[]): CheckError {
  return new CheckError(noHandIn(dayId, what), {
    cause: { kind: 'no-hand-in', title: `started without what the grader makes first (${what})`, ...(runs && { runs }) },
  });
}

/** The run `name` of the learner's own files, as the grader handed it in; fails with one line when there is no hand-in. */
export function handedRun(dayId: string, name: string): LearnerRunResult {
  const handIn = readHandIn();
  if (!handIn) throw missingHandIn(dayId, 'a run of your own test files', [name]);
  const run = handIn.runs[name];
  if (!run)
    throw new CheckError(
      `The grader made no "${name}" run of your files for ${dayId} (a file it needs was missing when the check started). Run \`npm run check ${dayId}\` again.`,
    );
  return run;
}
