// Day 4 checkpoint: the learner's load tester measures latency and its percentiles, sends the mix asked for, and returns a full report.
import { describe, it } from '../support/requirement.ts';
import { recordMetric } from '../support/metrics.ts';
import { askedPair, between } from './asked.ts';
import { base, expectRun, latencyCause, notPercentiles, paced, runAgainst, type Run } from './run.ts';
import { fieldSet, type Statement } from './statements.ts';
import { count } from './story.ts';

describe('runLoadTest against the counting server', () => {
  it('measures latency: 2 ms per command gives an average of 2 ms or more and at most 5,000 ops/s on 10 connections', { meta: { id: 'latency' } }, async ({ task }) => {
    const run = await runAgainst({ latencyMs: 2 }, base());
    const { report, asked } = run;
    const ceiling = (asked.connections / 2) * 1000 * 1.05;
    recordMetric(task, 'loadtest.latency2ms.avgMs', { value: report.avgLatencyMs, gate: { op: '>', value: 2 } });
    recordMetric(task, 'loadtest.latency2ms.opsPerSec', { value: report.opsPerSec, gate: { op: '<', value: ceiling } });
    expectRun(run, report.avgLatencyMs >= 2, `The server took 2 ms or more to answer every command, but the report says avgLatencyMs ${report.avgLatencyMs}.`, {
      expected: 'avgLatencyMs ≥ 2',
      received: `avgLatencyMs ${report.avgLatencyMs}`,
      fix: 'Time each request: t0 = performance.now() just before writing it, latency = performance.now() - t0 when its reply arrives; average over successful operations, in milliseconds.',
      ...latencyCause(run),
      ...at(fieldSet('avgLatencyMs')),
    });
    expectRun(run, report.opsPerSec <= ceiling, `${asked.connections} connections waiting 2 ms per reply cannot do more than ${count(ceiling / 1.05)} ops/s, yet the report says ${count(report.opsPerSec)}.`, {
      expected: `opsPerSec ≤ ${count(ceiling)} (10 connections / 2 ms, plus 5%)`,
      received: `opsPerSec ${count(report.opsPerSec)}`,
      fix: 'Count only replies that arrived, and divide by the real elapsed seconds.',
    });
  });

  it('reports p50 and p99 as percentiles: with one reply in N held back, p50 stays below the slow replies and p99 reaches them', { meta: { id: 'percentiles' } }, async ({ task }) => {
    // By construction: every Nth command of each connection waits `slowMs` more, so more than 1% of replies are slow
    // (p99 is one of them) and most are fast (p50 is not). An average, or a percentile of per-connection averages,
    // spreads the slow replies over all of them and lands far below the slow ones.
    const slowEvery = between(8, 12);
    const slowMs = between(20, 30);
    const run = await runAgainst({ ...paced, slowEvery, slowMs }, base());
    const { report } = run;
    const slowFloor = (paced.latencyMs ?? 0) + slowMs;
    recordMetric(task, 'loadtest.slowReplies.p99Ms', { value: report.p99LatencyMs, gate: { op: '>', value: slowFloor } });
    const shape = `1 reply in ${slowEvery} on every connection took ${slowFloor} ms or more (${(100 / slowEvery).toFixed(1)}% of them), the others about ${paced.latencyMs} ms`;
    const figures = `p50LatencyMs ${report.p50LatencyMs}, p99LatencyMs ${report.p99LatencyMs}, avgLatencyMs ${report.avgLatencyMs}`;
    const percentile = `A percentile is read from every request's latency: sort them all, and p50 is the one halfway up, p99 the one 99% of the way up. ${shape}, so p99 is one of the slow ones and p50 one of the fast ones.`;
    expectRun(run, report.p99LatencyMs >= slowFloor * 0.98, `p99LatencyMs is ${report.p99LatencyMs} ms, yet ${shape}: 99% of requests cannot all have been faster than ${slowFloor} ms.`, {
      expected: `p99LatencyMs ≥ ${slowFloor} (more than 1% of replies took that long)`,
      received: figures,
      fix: `${percentile}\nKeep each request's latency (an array, or a histogram such as hdr-histogram-js), over every connection together, and read the 99th percentile from it; an average, or an average per connection, hides the slow tail p99 is for.`,
      ...latencyCause(run, notPercentiles),
      ...at(fieldSet('p99LatencyMs')),
    });
    expectRun(run, report.p50LatencyMs >= (paced.latencyMs ?? 0) * 0.9 && report.p50LatencyMs < slowMs && report.p50LatencyMs <= report.p99LatencyMs, `p50LatencyMs is ${report.p50LatencyMs} ms, yet ${shape}: the middle request was a fast one.`, {
      expected: `p50LatencyMs from ${paced.latencyMs} to under ${slowMs} ms, and ≤ p99LatencyMs`,
      received: figures,
      fix: `${percentile}\nSort every latency and read the value at 50% for p50 and at 99% for p99, in milliseconds.`,
      ...latencyCause(run, notPercentiles),
      ...at(fieldSet('p50LatencyMs')),
    });
  });

  it('sends the GET/SET mix asked for, over keys spread across the key space', { meta: { id: 'mix' } }, async ({ task }) => {
    // Two asks far apart (few GET over few keys, many GET over many keys): a tester with a mix or key space of its own fits neither both.
    const [fewGets, manyGets] = askedPair('getPercent');
    const [fewKeys, manyKeys] = askedPair('keySpace');
    const asks = [[fewGets, fewKeys], [manyGets, manyKeys]] as const;
    const pooled: Run[][] = [];
    for (const [getPercent, keySpace] of asks) pooled.push(await mixRuns({ connections: 20, durationMs: 800, getRatio: getPercent / 100, keySpace }));
    const report = pooled[1]![0]!.report; // the figures of the second ask (60–90% GET, the guide's kind of mix)
    recordMetric(task, 'loadtest.opsPerSec', { value: report.opsPerSec });
    recordMetric(task, 'loadtest.errors', { value: report.errors });
    recordMetric(task, 'loadtest.avgLatencyMs', { value: report.avgLatencyMs });
    recordMetric(task, 'loadtest.p50Ms', { value: report.p50LatencyMs });
    recordMetric(task, 'loadtest.p99Ms', { value: report.p99LatencyMs });
    for (const runs of pooled) expectMix(runs);
  });

  it('returns a report with every field as a number', { meta: { id: 'report-numbers' } }, async () => {
    const run = await runAgainst(paced, { ...base(), connections: 4, durationMs: 500 });
    const fields = ['durationMs', 'totalOps', 'errors', 'opsPerSec', 'avgLatencyMs', 'p50LatencyMs', 'p99LatencyMs'] as const;
    const bad = fields.filter((field) => typeof run.report[field] !== 'number' || !Number.isFinite(run.report[field]) || run.report[field] < 0);
    expectRun(run, bad.length === 0, `These report fields are missing or not a finite number ≥ 0: ${bad.join(', ')}.`, {
      expected: `{ ${fields.join(', ')} }, all numbers`,
      received: JSON.stringify(run.report),
      fix: 'Return every field of LoadReport; latencies in milliseconds, durationMs in milliseconds.',
    });
  });
});

/** Runs the tester with `asked` until the runs together sent 5,000 commands, three runs at most: a slow tester's runs
 *  are pooled (at full speed one 0.8 s run sends 15,000 or more). */
async function mixRuns(asked: Run['asked']): Promise<Run[]> {
  const runs = [await runAgainst({}, asked)];
  const sent = () => runs.reduce((sum, one) => sum + one.stats.gets + one.stats.sets, 0);
  while (sent() < 5_000 && runs.length < 3) runs.push(await runAgainst({}, asked));
  return runs;
}

/** Fails unless the pooled `runs` sent the GET share and used the keys their ask named. */
function expectMix(runs: Run[]): void {
  const run = runs[0]!;
  const { getRatio, keySpace, durationMs } = run.asked;
  const gets = runs.reduce((sum, one) => sum + one.stats.gets, 0);
  const sets = runs.reduce((sum, one) => sum + one.stats.sets, 0);
  const keys = new Set(runs.flatMap((one) => [...one.stats.keys.keys()]));
  const total = gets + sets;
  const asked = `getRatio ${getRatio}, keySpace ${keySpace}`;
  expectRun(run, total >= 1_000, `Only ${count(total)} GET and SET commands reached the server in ${runs.length} runs of ${durationMs / 1000} s.`, {
    expected: 'at least 5,000 commands (1,000 at the very least)',
    received: `${count(gets)} GET, ${count(sets)} SET`,
    fix: 'Send GET key and SET key value commands, as fast as the replies come back.',
  });
  const share = gets / total;
  // ±3 points; below 5,000 commands (a very slow machine) the band widens to 4 standard deviations of chance.
  const band = Math.max(0.03, 4 * Math.sqrt((getRatio * (1 - getRatio)) / total));
  expectRun(run, Math.abs(share - getRatio) <= band, `Asked for ${Math.round(getRatio * 100)}% GET (${asked}); the server saw ${(share * 100).toFixed(1)}% GET.`, {
    expected: `${Math.round(getRatio * 100)}% GET, ±${(band * 100).toFixed(1)} points, over ${count(total)} commands`,
    received: `${count(gets)} GET, ${count(sets)} SET`,
    fix: 'Read options.getRatio, and for each command draw Math.random(): below getRatio send GET, otherwise SET.',
  });
  const expectedDistinct = keySpace * (1 - Math.exp(-total / keySpace));
  expectRun(run, keys.size <= keySpace && keys.size >= expectedDistinct * 0.9, `Asked for ${keySpace} keys (${asked}); your commands used ${count(keys.size)} different keys.`, {
    expected: `about ${count(expectedDistinct)} different keys, never more than ${keySpace}`,
    received: `${count(keys.size)} different keys, e.g. ${[...keys].slice(0, 3).join(', ')}`,
    fix: 'Read options.keySpace, and pick each key at random: `key:${Math.floor(Math.random() * keySpace)}`.',
  });
}

/** A Look at line for `statement` when the learner's file shows it (else the check names runLoadTest). */
function at(statement: Statement | undefined): { where?: string } {
  return statement ? { where: statement.where } : {};
}
