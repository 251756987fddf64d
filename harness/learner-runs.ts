// What a run of the learner's own test or benchmark files produced (the grader makes it before the checkpoint,
// grader/learner-runs.ts, and hands it in; the checkpoint judges it). No vitest here: these are plain shapes.

/** One learner test or benchmark in one project (the learner's own code, or a mutant). */
export interface LearnerTest {
  project: string;
  /** The learner's test file, relative to the tree (e.g. `03-testing/cache.race.test.ts`). */
  file: string;
  name: string;
  /** The suites and the test, joined by spaces (as vitest's JSON report names it). */
  fullName: string;
  /** passed, failed, skipped, pending, or todo. */
  state: string;
  errors: string[];
  /** Benchmarks only: calls per second, when the benchmark produced a figure. */
  hz?: number;
  /** Race tests only: the test returned while its tasks still used the lock or the cache (day 3's outlived.ts). */
  outlived?: { lockCalls: number; laterCacheCalls: number };
}

/** What the run's reporter wrote. */
export interface LearnerResults {
  tests: LearnerTest[];
  /** Errors that stopped a whole file or suite (it did not load, a benchmark threw), per project and file. */
  fileErrors: { project: string; file: string; errors: string[] }[];
}

/** A whole run of the learner's files. */
export interface LearnerRunResult {
  /** undefined when the run wrote no results (it was stopped, or vitest failed before reporting). */
  results?: LearnerResults;
  /** Everything vitest printed, without colours. */
  output: string;
  exitCode: number | null;
  /** Set when the run was stopped for taking longer than its limit. */
  timedOutAfterMs?: number;
}
