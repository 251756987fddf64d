// What the grader hands a day's checkpoint before running it: the results of the earlier days it re-checks and the
// best figures on record (day 6). The grader writes a JSON file and names it in CACHELINGS_HAND_IN; checkpoints read it.
import { readFileSync } from 'node:fs';
import type { Part } from './files.ts';

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

/** The whole hand-in: per earlier day id, its parts; and the best of each figure any recorded run measured. */
export interface HandIn {
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
