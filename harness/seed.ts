// Seeded random data: the grader prints GRADER_SEED so a failure can be replayed exactly.
import { freshSeed, givenSeed } from './grader-seed.ts';

/** The seed of this run: GRADER_SEED when given, otherwise one picked now. */
export const seed = givenSeed() ?? freshSeed();

/** A small fast PRNG (mulberry32) returning numbers in [0, 1). */
export function makeRandom(start: number = seed): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['apple', 'berry', 'cedar', 'delta', 'ember', 'fjord', 'grape', 'haze', 'iris', 'jade', 'kite', 'lemon', 'maple', 'nova', 'olive', 'pearl'];

/** `count` distinct random words such as `maple-4821`, from `random`. */
export function randomWords(random: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    out.add(`${words[Math.floor(random() * words.length)]}-${Math.floor(random() * 10_000)}`);
  }
  return [...out];
}
