// The planted bugs the learner's race tests are run against (day 3). Each swaps one learner module for a mutant.

/** One planted bug: which learner module it replaces, the mutant file, and how it is described to the learner. */
export interface Mutant {
  /** Project name in the run of the learner's race tests (race.config.ts). */
  name: string;
  /** The learner module it replaces, relative to the tree. */
  replaces: '01-cache/cache.ts' | '01-cache/rwlock.ts';
  /** File in checkpoints/day3/mutants/. */
  file: string;
  /** "a cache that loses writes" — completes "your race tests did not notice …". */
  described: string;
  /** A question that points at the missing check. */
  question: string;
  /** What to add to the tests. */
  fix: string;
  /** The required race test whose name promises to catch it: that test must fail against it on its own. */
  caughtBy: string;
}

/** The three race tests day 3 requires, by name (the scaffold's). */
export const requiredTests = {
  writes: 'writes 100 keys from 100 tasks at once',
  readersWriters: 'runs 50 writers and 50 readers at once without corrupting a value',
  counter: 'loses no update when 100 tasks increment a counter through RWLock.write',
};

export const mutants: Mutant[] = [
  {
    name: 'loses-writes',
    replaces: '01-cache/cache.ts',
    file: 'loses-writes.ts',
    described: 'a cache that loses writes (it drops every 100th set)',
    question: 'what would you check after all the writers finish?',
    fix: 'After Promise.all resolves, read back every key your tasks wrote and expect its exact value (all 10,000 of them).',
    caughtBy: requiredTests.writes,
  },
  {
    name: 'wrong-key',
    replaces: '01-cache/cache.ts',
    file: 'wrong-key.ts',
    described: "a cache that returns another key's value",
    question: 'does each key come back with the value written for that key, or only with some value?',
    fix: 'Compare with the exact value: expect(cache.get(key)).toBe(valueFor(key)), not toBeDefined().',
    caughtBy: requiredTests.writes,
  },
  {
    name: 'writer-beside-readers',
    replaces: '01-cache/rwlock.ts',
    file: 'writer-beside-readers.ts',
    described: 'a lock that lets a writer in beside readers',
    question: 'can a reader inside RWLock.read see a value change between two of its reads, with an await in between?',
    fix: 'Inside lock.read, read a value, await pause(), read it again, and expect both reads to match while writers change it through lock.write. Start readers first, or interleave them with writers: a writer must arrive while readers already hold the lock.',
    caughtBy: requiredTests.readersWriters,
  },
  {
    name: 'lost-update',
    replaces: '01-cache/rwlock.ts',
    file: 'lost-update.ts',
    described: 'a read-modify-write that loses updates (the lock lets go at the first await inside fn)',
    question: 'after 100 increments through RWLock.write, each with an await between the read and the write, what must the counter say?',
    fix: 'Inside lock.write: read the counter, await pause(), set it to the number + 1; after all 100 tasks, expect exactly "100".',
    caughtBy: requiredTests.counter,
  },
];
