// Day 4 checkpoint: p50 and p99 are percentiles of the requests' latencies, held against a server whose latency has a
// shape the grader makes: most replies fast, a known share slow (p99 among them), a few slower still (beyond p99).
import { describe, it } from '../support/requirement.ts';
import { recordMetric } from '../support/metrics.ts';
import type { Cause } from '../../harness/cause.ts';
import { between } from './asked.ts';
import { at, base, expectRun, latencyCause, notPercentiles, paced, runAgainst } from './run.ts';
import { fieldSet } from './statements.ts';
import { count } from './story.ts';

/** The cause of a p99 beyond every slow reply: the slowest request, not the 99th percentile. */
const maxAsP99: Cause = { kind: 'p99-is-max', title: 'p99 is the slowest request of the run, not the 99th percentile' };

describe('runLoadTest against the counting server', () => {
  it(
    'reports p50 and p99 as percentiles: with one reply in N held back, p50 stays below the slow replies and p99 reaches them',
    { meta: { id: 'percentiles' } },
    async ({ task }) => {
      // Every Nth command of each connection (8–12%) waits slowMs more: p99 is one of those, p50 is not. The 100th, 200th
      // and 300th commands over all connections wait tailMs more: 3 of the 500 or more a run completes even on a loaded
      // machine (under 1%), too few to be p99, so a p99 that long is the maximum.
      const slowEvery = between(8, 12);
      const slowMs = between(20, 30);
      const [tailEvery, tailCount, tailMs] = [100, 3, 300];
      const run = await runAgainst({ ...paced, slowEvery, slowMs, tailEvery, tailCount, tailMs }, base());
      const { report } = run;
      const fast = paced.latencyMs ?? 0;
      const slowFloor = fast + slowMs;
      recordMetric(task, 'loadtest.slowReplies.p99Ms', { value: report.p99LatencyMs, gate: { op: '>', value: slowFloor } });
      const shape = `1 reply in ${slowEvery} on every connection took ${slowFloor} ms or more (${(100 / slowEvery).toFixed(1)}%), ${tailCount} of all ${count(run.stats.answered)} took ${slowFloor + tailMs} ms or more, the others about ${fast} ms`;
      const figures = `p50LatencyMs ${report.p50LatencyMs}, p99LatencyMs ${report.p99LatencyMs}, avgLatencyMs ${report.avgLatencyMs}`;
      const percentile = `A percentile is read from every request's latency: sort them all, and p50 is the one halfway up, p99 the one 99% of the way up. Here ${shape}: p99 is one of the slow ones, and p50 one of the fast ones.`;
      expectRun(
        run,
        report.p99LatencyMs >= slowFloor * 0.98,
        `p99LatencyMs is ${report.p99LatencyMs} ms, yet ${shape}: 99% of requests cannot all have been faster than ${slowFloor} ms.`,
        {
          expected: `p99LatencyMs ≥ ${slowFloor} (more than 1% of replies took that long)`,
          received: figures,
          fix: `${percentile}\nKeep each request's latency (an array, or a histogram such as hdr-histogram-js), over every connection together, and read the 99th percentile from it; an average, or an average per connection, hides the slow tail p99 is for.`,
          ...latencyCause(run, notPercentiles),
          ...at(fieldSet('p99LatencyMs')),
        },
      );
      expectRun(run, report.p99LatencyMs < tailMs, `p99LatencyMs is ${report.p99LatencyMs} ms, as slow as the ${tailCount} slowest replies: ${shape}.`, {
        expected: `p99LatencyMs from ${slowFloor} to under ${tailMs} ms (the slow replies, not the ${tailCount} slowest)`,
        received: figures,
        fix: `${percentile}\nThe slowest request is the maximum (p100), not p99: read the value 99% of the way up the sorted latencies, sorted[Math.ceil(0.99 * n) - 1], not the last one.`,
        cause: maxAsP99,
        ...at(fieldSet('p99LatencyMs')),
      });
      // The slow replies lift the average by their share × slowMs; the median does not move for them.
      const margin = slowMs / slowEvery / 2;
      const inRange = report.p50LatencyMs >= fast * 0.9 && report.p50LatencyMs < slowMs && report.p50LatencyMs <= report.p99LatencyMs;
      expectRun(
        run,
        inRange && report.p50LatencyMs <= report.avgLatencyMs - margin,
        `p50LatencyMs is ${report.p50LatencyMs} ms beside an average of ${report.avgLatencyMs} ms, yet ${shape}: the middle request was a fast one, well below the average the slow ones lift.`,
        {
          expected: `p50LatencyMs from ${fast} to under ${slowMs} ms, at most p99LatencyMs, and at least ${margin.toFixed(2)} ms below avgLatencyMs (the slow replies lift the average by ${(slowMs / slowEvery).toFixed(2)} ms, not the median)`,
          received: figures,
          fix: `${percentile}\nSort every latency and read the value at 50% for p50 and at 99% for p99, in milliseconds; the average is a figure of its own.`,
          ...latencyCause(run, notPercentiles),
          ...at(fieldSet('p50LatencyMs')),
        },
      );
    },
  );
});
