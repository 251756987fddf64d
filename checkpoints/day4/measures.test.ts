// Day 4 checkpoint: the learner's load tester measures latency, sends the mix asked for, and returns a full report.
import { describe, it } from 'vitest';
import { recordMetric } from '../support/metrics.ts';
import { base, between, expectRun, paced, runAgainst } from './run.ts';
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
    });
    expectRun(run, report.p50LatencyMs >= 1.9 && report.p99LatencyMs >= report.p50LatencyMs, 'p50 and p99 must come from the same measured latencies (here all 2 ms or more), with p50 ≤ p99.', {
      expected: 'p50LatencyMs ≥ 2 (allowing for rounding) and p99LatencyMs ≥ p50LatencyMs',
      received: `p50LatencyMs ${report.p50LatencyMs}, p99LatencyMs ${report.p99LatencyMs}`,
      fix: 'Keep every latency (or a histogram of them), sort, and read the value at 50% and at 99%.',
    });
    expectRun(run, report.opsPerSec <= ceiling, `${asked.connections} connections waiting 2 ms per reply cannot do more than ${count(ceiling / 1.05)} ops/s, yet the report says ${count(report.opsPerSec)}.`, {
      expected: `opsPerSec ≤ ${count(ceiling)} (10 connections / 2 ms, plus 5%)`,
      received: `opsPerSec ${count(report.opsPerSec)}`,
      fix: 'Count only replies that arrived, and divide by the real elapsed seconds.',
    });
  });

  it('sends the GET/SET mix asked for, over keys spread across the key space', { meta: { id: 'mix' } }, async ({ task }) => {
    const getRatio = between(30, 90) / 100;
    const keySpace = between(200, 600);
    // At least 10,000 commands: a slow tester gets up to three runs, pooled (at full speed, one 0.8 s run sends 15,000 or more).
    const asked = { connections: 20, durationMs: 800, getRatio, keySpace };
    const runs = [await runAgainst({}, asked)];
    const sent = () => runs.reduce((sum, one) => sum + one.stats.gets + one.stats.sets, 0);
    while (sent() < 10_000 && runs.length < 3) runs.push(await runAgainst({}, asked));
    const run = runs[0]!;
    const report = run.report;
    const stats = { gets: runs.reduce((sum, one) => sum + one.stats.gets, 0), sets: runs.reduce((sum, one) => sum + one.stats.sets, 0), keys: new Set(runs.flatMap((one) => [...one.stats.keys.keys()])) };
    recordMetric(task, 'loadtest.opsPerSec', { value: report.opsPerSec });
    recordMetric(task, 'loadtest.errors', { value: report.errors });
    recordMetric(task, 'loadtest.avgLatencyMs', { value: report.avgLatencyMs });
    recordMetric(task, 'loadtest.p50Ms', { value: report.p50LatencyMs });
    recordMetric(task, 'loadtest.p99Ms', { value: report.p99LatencyMs });
    const total = stats.gets + stats.sets;
    expectRun(run, total >= 1_000, `Only ${count(total)} GET and SET commands reached the server in ${runs.length} runs of ${asked.durationMs / 1000} s.`, {
      expected: 'at least 10,000 commands (1,000 at the very least)',
      received: `${count(stats.gets)} GET, ${count(stats.sets)} SET`,
      fix: 'Send GET key and SET key value commands, as fast as the replies come back.',
    });
    const share = stats.gets / total;
    // ±3 points; below 10,000 commands (a very slow machine) the band widens to 4 standard deviations of chance.
    const band = Math.max(0.03, 4 * Math.sqrt((getRatio * (1 - getRatio)) / total));
    expectRun(run, Math.abs(share - getRatio) <= band, `Asked for ${Math.round(getRatio * 100)}% GET; the server saw ${(share * 100).toFixed(1)}% GET.`, {
      expected: `${Math.round(getRatio * 100)}% GET, ±${(band * 100).toFixed(1)} points, over ${count(total)} commands`,
      received: `${count(stats.gets)} GET, ${count(stats.sets)} SET`,
      fix: 'For each command draw Math.random(): below getRatio send GET, otherwise SET.',
    });
    const distinct = stats.keys.size;
    const expectedDistinct = keySpace * (1 - Math.exp(-total / keySpace));
    expectRun(run, distinct <= keySpace && distinct >= expectedDistinct * 0.9, `Asked for ${keySpace} keys; your commands used ${count(distinct)} different keys.`, {
      expected: `about ${count(expectedDistinct)} different keys, never more than ${keySpace}`,
      received: `${count(distinct)} different keys, e.g. ${[...stats.keys].slice(0, 3).join(', ')}`,
      fix: 'Pick each key at random: `key:${Math.floor(Math.random() * keySpace)}`.',
    });
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
