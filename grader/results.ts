// The shapes of a graded run: what `--json` writes and what the renderers print (docs/architecture.md).
import type { Integrity } from './integrity.ts';

import type { FailureAdvice } from './advice.ts';

/** One requirement of a day, as graded. */
export interface TestResult {
  /** The `describe` block it belongs to, e.g. "Cache". */
  group: string;
  /** The requirement as a sentence. */
  name: string;
  /** Its short stable id (`split-writes`), unique within the day; absent for run-level entries (a file that did not load). */
  id?: string;
  status: 'passed' | 'failed' | 'skipped';
  /** The checkpoint file it comes from (e.g. `checkpoints/day1/rwlock.race.test.ts`); absent for run-level failures. */
  file?: string;
  /** True for a stretch requirement (the day's `bonus` files): reported, but a failure does not fail the day. */
  bonus?: boolean;
  /** Learner-facing explanation of a failure (empty when passed); `not run — needs: …` when a precondition failed. */
  message: string;
  durationMs: number;
  /** What went wrong, when the checkpoint observed it; failures of one cause are reported together. */
  cause?: TestCause;
  /** On a failure: what it says beyond its headline, field by field, as the checkpoint gave it (`where` is what the
   *  message's "Look at:" line shows). */
  advice?: FailureAdvice;
  /** On a failure: the learner's file it points at and the line, as data: set by the step that knows them (the compile
   *  step, with an absolute path), else derived from `advice.where` (grader/identity.ts lookAtOf); in the report,
   *  relative to the tree. */
  lookAt?: LookAt;
  /** In the report, on a failure: the cause as the terminal shows it (its "Why this happens" entry, else the cause). */
  why?: { title: string; guide?: string };
}

/** Where a failure points in the learner's tree: `01-cache/cache.ts`, line 12 (absent when the advice names none). */
export interface LookAt {
  file: string;
  line?: number;
}

/** Where a learner stands on a day: it passes; it fails; its files are all still the scaffold as shipped; or it
 *  fails only because an earlier day's files do (a compile error there, day 6's cascade). */
export type DayState = 'passed' | 'failing' | 'not-started' | 'not-reached';

/** The observed cause of a failure: `kind` a short stable id, `title` in words, `guide` the entry that explains it. */
export interface TestCause {
  kind: string;
  title: string;
  guide?: string;
  /** For `no-hand-in` only: the learner runs the requirement reads (the grader then makes just those). */
  runs?: string[];
}

/** A measured figure and the gate it was held against, if any. */
export interface MetricResult {
  value: number;
  gate?: { op: '>' | '<'; value: number };
  /** Something the learner should know about how the figure was obtained (e.g. a benchmark over one fixed key). */
  note?: string;
}

/** One day, as graded. */
export interface DayResult {
  id: string;
  title: string;
  passed: boolean;
  tests: TestResult[];
  metrics: Record<string, MetricResult>;
  durationMs: number;
  /** True when `npm run skip-to` brought this day's files from solutions/ (and no `reset` since). */
  fromSolutions?: true;
  /** In the report: where the learner stands on the day (grader/day-state.ts), and the earlier day that blocks it. */
  state?: DayState;
  blockedBy?: string;
}

/** The JSON report of `check --json` and `grade --json`. */
export interface Report {
  version: 1;
  target: string;
  /** Who and what (grader/identity.ts): absent from reports of older workbooks. */
  learner?: string;
  commit?: { sha: string; dirty: boolean };
  at?: string;
  grader?: { version: string; commit?: string };
  seed: number;
  passed: boolean;
  days: DayResult[];
  /** The tamper check, the days that are the shipped solution's, and (as written) the digest (grader/integrity.ts). */
  integrity?: Integrity;
}
