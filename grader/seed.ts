// The seed of a run: GRADER_SEED when the learner gives one (to replay a failure), otherwise a fresh one.
import { freshSeed, givenSeed } from '../harness/grader-seed.ts';
import { UsageError } from './args.ts';

/** The seed for this run, validated (harness/seed.ts reads GRADER_SEED; a bad value is a usage error, exit 2). */
export function runSeed(): number {
  try {
    return givenSeed() ?? freshSeed();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
