// Day 4 checkpoint inputs drawn from the seed. Each behaviour is asked twice, once from a low range and once from a
// high one, far enough apart that a tester which ignores the option (a constant of its own) fails on every seed.
import { makeRandom } from '../../harness/seed.ts';

/** A low range and a high range, both ends included. */
export type Ranges = readonly [low: readonly [number, number], high: readonly [number, number]];

/** The ranges each option is drawn from; `test/day4-asked.test.ts` proves no constant answer fits a low and a high draw. */
export const ranges = {
  /** Milliseconds: a 1 s tester misses both windows (±10% + 100 ms); so does any other fixed length. */
  durationMs: [
    [600, 700],
    [1_500, 1_800],
  ],
  /** Connections: opened ≤ asked + 1 and at least asked open at once, so a fixed count fits at most one range. */
  connections: [
    [3, 5],
    [12, 16],
  ],
  /** Percent GET: the share seen must be within about 3 points of the one asked. */
  getPercent: [
    [20, 40],
    [60, 90],
  ],
  /** Keys: never more than asked, and about as many as random picks would touch. */
  keySpace: [
    [100, 250],
    [500, 900],
  ],
} as const satisfies Record<string, Ranges>;

/** Draws a whole number from `low` to `high` with `random`. */
export function drawBetween(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One value from each range of `pair`, low first, drawn with `random`. */
export function drawPair(random: () => number, pair: Ranges): [low: number, high: number] {
  return [drawBetween(random, ...pair[0]), drawBetween(random, ...pair[1])];
}

const random = makeRandom();

/** A low and a high value of option `name`, from this run's seed. */
export const askedPair = (name: keyof typeof ranges): [low: number, high: number] => drawPair(random, ranges[name]);

/** A seeded whole number from `low` to `high`, both included. */
export const between = (low: number, high: number): number => drawBetween(random, low, high);
