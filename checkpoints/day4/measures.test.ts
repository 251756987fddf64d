// Day 4 checkpoint: the learner's load tester measures latency, sends the mix asked for, and returns a full report.
import { describe, it } from '../support/requirement.ts';
import { recordMetric } from '../support/metrics.ts';
import { askedPair } from './asked.ts';
import { at, base, expectRun, latencyCause, paced, runAgainst, type Run } from './run.ts';
import { fieldSet } from './statements.ts';
import { count } from './story.ts';

describe('runLoadTest against the counting server', () => {
  it(
    'measures latency: 2 ms per command gives an average of 2 ms or more and at most 5,000 ops/s on 10 connections',
    { meta: { id: 'latency' } },
    async ({ task }) => {
      const run = await runAgainst({ latencyMs: 2 }, base());
      const { report, asked } = run;
      const ceiling = (asked.connections / 2) * 1000 * 1.05;
      recordMetric(task, 'loadtest.latency2ms.avgMs', { value: report.avgLatencyMs, gate: { op: '>', value: 2 } });
      recordMetric(task, 'loadtest.latency2ms.opsPerSec', { value: report.opsPerSec, gate: { op: '<', value: ceiling } });
      expectRun(
        run,
        report.avgLatencyMs >= 2,
        `The server took 2 ms or more to answer every command, but the report says avgLatencyMs ${report.avgLatencyMs}.`,
        {
          expected: 'avgLatencyMs ≥ 2',
          received: `avgLatencyMs ${report.avgLatencyMs}`,
          fix: 'Time each request: t0 = performance.now() just before writing it, latency = performance.now() - t0 when its reply arrives; average over successful operations, in milliseconds.',
          ...latencyCause(run),
          ...at(fieldSet('avgLatencyMs')),
        },
      );
      expectRun(
        run,
        report.opsPerSec <= ceiling,
        `${asked.connections} connections waiting 2 ms per reply cannot do more than ${count(ceiling / 1.05)} ops/s, yet the report says ${count(report.opsPerSec)}.`,
        {
          expected: `opsPerSec ≤ ${count(ceiling)} (10 connections / 2 ms, plus 5%)`,
          received: `opsPerSec ${count(report.opsPerSec)}`,
          fix: 'Count only replies that arrived, and divide by the real elapsed seconds.',
        },
      );
    },
  );

  it('sends the GET/SET mix asked for, over keys spread across the key space', { meta: { id: 'mix' } }, async ({ task }) => {
    // Two asks far apart (few GET over few keys, many GET over many keys): a tester with a mix or key space of its own fits neither both.
    const [fewGets, manyGets] = askedPair('getPercent');
    const [fewKeys, manyKeys] = askedPair('keySpace');
    const asks = [
      [fewGets, fewKeys],
      [manyGets, manyKeys],
    ] as const;
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
  expectRun(
    run,
    Math.abs(share - getRatio) <= band,
    `Asked for ${Math.round(getRatio * 100)}% GET (${asked}); the server saw ${(share * 100).toFixed(1)}% GET.`,
    {
      expected: `${Math.round(getRatio * 100)}% GET, ±${(band * 100).toFixed(1)} points, over ${count(total)} commands`,
      received: `${count(gets)} GET, ${count(sets)} SET`,
      fix: 'Read options.getRatio, and for each command draw Math.random(): below getRatio send GET, otherwise SET.',
    },
  );
  const expectedDistinct = keySpace * (1 - Math.exp(-total / keySpace));
  expectRun(
    run,
    keys.size <= keySpace && keys.size >= expectedDistinct * 0.9,
    `Asked for ${keySpace} keys (${asked}); your commands used ${count(keys.size)} different keys.`,
    {
      expected: `about ${count(expectedDistinct)} different keys, never more than ${keySpace}`,
      received: `${count(keys.size)} different keys, e.g. ${[...keys].slice(0, 3).join(', ')}`,
      fix: 'Read options.keySpace, and pick each key at random: `key:${Math.floor(Math.random() * keySpace)}`.',
    },
  );
}
