// The shape of a day of the manifest, and the helpers its entries are written with (course/days/*.ts).
import { githubAnchor } from './anchor.ts';

/** One day of the workbook. Paths are relative to a tree laid out like days/ (or to the repo for checkpoints). */
export interface Day {
  /** Short id used on the command line: `day1`. `1` and `01-cache` are accepted too. */
  id: string;
  /** Folder name inside days/ and solutions/. */
  slug: string;
  /** Title shown in reports. */
  title: string;
  /** Files the learner edits, relative to the tree (e.g. `01-cache/cache.ts`). */
  files: string[];
  /**
   * The exports the checkpoints load from the learner's files, file → names (docs/architecture.md's learner-facing
   * modules). Day 6 counts them as used, and their files as library code that must not print (course/derived.ts);
   * the lint checks the scaffold, the solution, CHECKPOINT.md and docs/architecture.md name each.
   */
  exports?: Record<string, string[]>;
  /** Checkpoint suites run by the grader, relative to the repo root. */
  checkpoints: string[];
  /** Stretch suites, run after the checkpoints: their failures are reported but do not fail the day. */
  bonus?: string[];
  /** Time one checkpoint test may take before it is called stuck, in milliseconds. */
  testTimeoutMs: number;
  /** Time the whole day may take before the grader stops it, in seconds. */
  timeLimitSec: number;
  /** Question-style hints, revealed one at a time by `npm run hint`. */
  hints: string[];
  /**
   * Which hint addresses a failure: a cause kind (harness/cause.ts) or a requirement's id → the hint's index (from 0).
   * When the last check failed, `npm run hint` shows that hint first; the cause wins over the requirement.
   */
  hintFor?: Record<string, number>;
  /**
   * Why a checkpoint test fails: the requirement's id (`it('…', { meta: { id } }, …)`) → a `###` entry of the guide's "When it fails" section
   * (`anchor` as GitHub makes it, `title` the heading's text), or 'none' on purpose. The key `(a check that hangs)`
   * is used for any test that did not finish. Every checkpoint test needs one (test/explain.test.ts).
   */
  explain?: Record<string, Explanation | 'none'>;
  /**
   * Why a failure happened, when the checkpoint observed its cause (harness/cause.ts): cause kind → the
   * one guide entry that explains it. It wins over `explain`; a kind not listed falls back to the requirement's entry.
   */
  causes?: Partial<Record<string, Explanation | 'none'>>;
  /** False when the day's checkpoint runs tsc itself (day 6); otherwise `check` compiles the day's files first. */
  typecheck?: boolean;
  /** Requirements the others depend on, in run order: when one fails, its dependents are not run. */
  preconditions?: Precondition[];
  /** Set when some requirements re-check earlier days' work, so they can hold before this day is started. */
  rechecks?: string;
  /** Earlier days the grader runs (or reuses) before this day's checkpoint and hands it the results of (day 6). */
  earlier?: string[];
  /** The requirement ids that fail whenever one of `earlier` fails (the class view shows them as one cascade). */
  cascade?: string[];
  /** Runs of the learner's own test or benchmark files the grader makes before this day's checkpoint and hands in. */
  learnerRuns?: LearnerRun[];
}

/** A vitest run of the learner's own files; the checkpoint reads its result by `name` (harness/hand-in.ts). */
export interface LearnerRun {
  name: string;
  /** `vitest run` or `vitest bench --run`. */
  mode: 'test' | 'bench';
  /** The vitest config that picks the learner's files, relative to the repo (it reads CACHELINGS_TARGET). */
  config: string;
  /** A file of the tree the run needs, if any: without it the run is not made (the checkpoint says it is missing). */
  needs?: string;
  /** How long the run may take before it is stopped, in milliseconds. */
  limitMs: number;
  /**
   * Made once per variant when set: each in a process of its own, alike in every way the learner's tests can see, the
   * config alone told which variant it is (day 3: the learner's own code, then each planted bug). Each result carries
   * its variant as `project`.
   */
  variants?: string[];
}

/** A requirement the rest of a day depends on (the server starts; handleLine answers the basic session). */
export interface Precondition {
  /** The requirement's id (declared beside its sentence in the checkpoint). */
  requirement: string;
  /** What it establishes, shown as `not run — needs: <needs>`. */
  needs: string;
  /** The checkpoint files whose requirements depend on it (default: every file of the day, bonus included). */
  files?: string[];
  /** `describe` groups of those files that do not depend on it. */
  exceptGroups?: string[];
}

/** A link from a failing requirement to the guide entry that explains it. */
export interface Explanation {
  anchor: string;
  title: string;
}

/** A hint's code, shown after its words by `npm run hint` and folded with them in the guide. */
export function code(...lines: string[]): string {
  return `\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\``;
}

/** Guide entries by a short name, each title's anchor made as GitHub makes it: `{ name: 'Heading' }` → `{ name: { anchor, title } }`. */
export function whenItFails<K extends string>(titles: Record<K, string>): Record<K, Explanation> {
  return Object.fromEntries(Object.entries<string>(titles).map(([name, title]) => [name, { anchor: githubAnchor(title), title }])) as Record<K, Explanation>;
}
