// The report the learner's day-4 load tester returns (docs/architecture.md), declared here so neither the checkpoints
// nor the grader depend on the learner's own types.

/** What `runLoadTest` resolves to. */
export interface LoadReport {
  durationMs: number;
  totalOps: number;
  errors: number;
  opsPerSec: number;
  avgLatencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  /** Optional: the tool's own CPU use over the run, in percent of one core. */
  cpuPercent?: number;
}
