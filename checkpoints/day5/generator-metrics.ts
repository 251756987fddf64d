// Day 5's figures about the grader's generator itself: how many threads it ran on and how busy each was, and the
// ratio to Redis, given plainly only when the generator was not the limit on either side.
import { saturated, sharesText, type LoadResult } from '../../harness/loadgen.ts';
import { recordMetric } from '../support/metrics.ts';

type Task = Parameters<typeof recordMetric>[0];

/** Records `load.grader.workers`, each worker's `load.grader.worker<N>.cpuPercent`, and `load.grader.cpuSaturated`
 *  (1 when every worker used more than 90% of a core: the figure is then a floor for the server). */
export function recordGenerator(task: Task, result: LoadResult): void {
  recordMetric(task, 'load.grader.workers', { value: result.workers });
  result.workerCpuPercent.forEach((share, i) => recordMetric(task, `load.grader.worker${i + 1}.cpuPercent`, { value: Math.round(share) }));
  const full = saturated(result);
  const note = `every thread of the grader's generator used more than 90% of a core (${sharesText(result)}): load.grader.opsPerSec is a floor for your server, not its figure`;
  recordMetric(task, 'load.grader.cpuSaturated', { value: full ? 1 : 0, ...(full && { note }) });
}

/** The ratio of `yours` to `theirs` (Redis) for the report: plain when neither run saturated the generator; marked as
 *  a floor or a ceiling when one did; withheld (no value) when both did, since both figures are then the generator's. */
export function redisRatio(yours: LoadResult, theirs: LoadResult): { value?: number; note?: string } {
  const value = Math.round((yours.opsPerSec / theirs.opsPerSec) * 100) / 100;
  const [mine, redis] = [saturated(yours), saturated(theirs)];
  if (!mine && !redis) return { value };
  if (mine && redis) {
    return {
      note: `no ratio: the grader's generator was saturated in both runs (${sharesText(yours)} of a core against your server, ${sharesText(theirs)} against Redis), so both figures are its own limit, not the servers'. Measure again on a quieter machine, or one with more cores`,
    };
  }
  if (mine)
    return {
      value,
      note: `a floor: the grader's generator was saturated against your server (${sharesText(yours)} of a core), so your server's figure, and this ratio, may be higher`,
    };
  return {
    value,
    note: `a ceiling: the grader's generator was saturated against Redis (${sharesText(theirs)} of a core), so Redis may be faster than measured and the ratio lower`,
  };
}

/** The side-by-side figures: your server's, Redis's, and their ratio (or `redis.ratioWithheld` and why). */
export function recordRatio(task: Task, yours: LoadResult, theirs: LoadResult): void {
  recordMetric(task, 'redis.yours.opsPerSec', { value: Math.round(yours.opsPerSec) });
  recordMetric(task, 'redis.load.opsPerSec', { value: Math.round(theirs.opsPerSec) });
  const { value, note } = redisRatio(yours, theirs);
  if (value === undefined) return recordMetric(task, 'redis.ratioWithheld', { value: 1, note });
  recordMetric(task, 'redis.ratio', { value, ...(note && { note }) });
}
