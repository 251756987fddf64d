// Measured figures reported by a checkpoint test; the grader copies them into the report's `metrics`.

/** A figure and, when it is held against one, the gate it must pass. */
export interface Metric {
  value: number;
  gate?: { op: '>' | '<'; value: number };
  /** Something the learner should know about how the figure was obtained (e.g. a benchmark over one fixed key). */
  note?: string;
}

declare module 'vitest' {
  interface TaskMeta {
    metrics?: Record<string, Metric>;
  }
}

/** Records `name` = `value` on the running test (pass `task` from the test context). */
export function recordMetric(task: { meta: { metrics?: Record<string, Metric> } }, name: string, metric: Metric): void {
  task.meta.metrics = { ...task.meta.metrics, [name]: metric };
}
