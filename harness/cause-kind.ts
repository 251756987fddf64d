// The names of what went wrong: a stable kind and its one-line title (harness/cause.ts finds them; CheckError carries one).

/** The causes the support code can name. The grader links each kind to one guide entry (the manifest's `causes`). */
export type CauseKind =
  | 'server-not-started'
  | 'start-never-resolves'
  | 'server-crashed'
  | 'connection-reset'
  | 'no-reply'
  | 'no-newline'
  | 'no-line-limit'
  | 'reply-mismatch'
  | 'handleLine-wrong'
  | 'line-in-pieces'
  | 'cr-kept'
  | 'other-client-waits'
  | 'missing-not-undefined'
  | 'lock-overlap'
  | 'released-early'
  | 'tasks-outlived-test'
  | 'test-cannot-fail'
  | 'event-loop-blocked'
  | 'bench-result-unused'
  | 'bench-one-key'
  | 'not-judged'
  | 'connection-per-request'
  | 'wrong-duration'
  | 'counts-unanswered'
  | 'over-reports'
  | 'counts-cutoff-as-errors'
  | 'latency-not-timed'
  | 'not-percentiles'
  | 'p99-is-max'
  | 'close-incomplete'
  | 'port-in-use'
  | 'shared-buffer'
  | 'module-not-loaded'
  | 'learner-exited'
  | 'import-leaves-tree'
  | 'not-implemented'
  | 'type-error'
  | 'no-hand-in';

/** The cause a failure carries: `kind` is stable (the class view groups by it), `title` says it in words. */
export interface Cause {
  kind: CauseKind;
  title: string;
  /** For `no-hand-in`: the learner runs (course/days.ts `learnerRuns`) the requirement reads, when it reads only those. */
  runs?: string[];
}
