// The seed of a run: GRADER_SEED when the learner gives one (to replay a failure), otherwise a fresh one.
import { UsageError } from './args.ts';

/** The seed for this run, validated. */
export function runSeed(): number {
  const given = process.env.GRADER_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`GRADER_SEED must be a whole number such as 12345, got "${given}".`);
  return seed;
}
