// The one reader of GRADER_SEED, validated: the grader's runSeed (a bad value is a usage error) and the checkpoints'
// `seed` (harness/seed.ts) both read it here.

/** The one reader of GRADER_SEED: the seed it gives, or undefined when it is unset or empty; a value that is not a whole
 *  number from 0 up throws, naming it. */
export function givenSeed(value = process.env.GRADER_SEED): number | undefined {
  if (value === undefined || value === '') return undefined;
  const given = Number(value);
  if (!Number.isInteger(given) || given < 0) throw new RangeError(`GRADER_SEED must be a whole number such as 12345, got "${value}".`);
  return given;
}

/** A seed picked now, for a run given none. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
