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
  /** The line of the test's `it(` in its file, when the run's config keeps task locations. */
  line?: number;
  /** The line of its file where its first error was thrown (the failing `expect`), when the stack names one. */
  errorLine?: number;
}

/** A run stopped because one of the learner's tests kept the event loop busy (day 3's watchdog, blocked.ts). */
export interface BlockedLoop {
  /** The run (project) it happened in. */
  project: string;
  /** The test that was running, and the line of its `it(`. */
  test: string;
  line?: number;
  /** The statement of the learner's file the loop was caught in, read by pausing it (file relative to the tree). */
  at?: { file: string; line: number };
  /** How long the loop had been blocked when the run was stopped. */
  blockedMs: number;
  /** Every test of the file as collected, with its mode (run, skip, todo), so names can be judged without results. */
  collected: { name: string; mode: string }[];
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
  /** Set when a test blocked the event loop and the run was stopped for it. */
  blocked?: BlockedLoop;
}
