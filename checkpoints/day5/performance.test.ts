// Day 5 checkpoint: the tuned server still speaks the protocol, clears the load gate, and is measured beside real Redis.
import { afterAll } from 'vitest';
import { withPictures } from '../support/pictures.ts';
import { describe, it } from '../support/requirement.ts';
import { CheckError } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { prefill, runLoad, saturatedCpuPercent, saturationNote, type LoadResult } from '../../harness/loadgen.ts';
import { recordGenerator, recordRatio } from './generator-metrics.ts';
import { recordMetric } from '../support/metrics.ts';
import { figure, gates } from '../../course/gates.ts';
import { findTool, installRedis, startRedis } from '../../harness/redis.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { TcpClient } from '../../harness/tcp-client.ts';
import { batchingSection, learnerServer, ops, serverFile, stopServer } from './helpers.ts';
import { agreement, crashAware, expectAgreement, graderFigure, heldGate, learnerRun, load, type LoadReport, loadtestFile, type LoadtestModule, machineNote, maxRuns, measuredThisRun, settlesAt, recheckGate, serverErrors, session, setup, withCrash } from './measure.ts';

let learnerBest: number | undefined;

afterAll(stopServer);

describe('Tuned server', () => {
  it('answers SET, GET and DEL exactly as the day-2 protocol says, one by one, pipelined and split across writes', { meta: { id: 'day2-protocol' } }, async () => {
    const server = await learnerServer();
    const [key, other] = randomWords(makeRandom(), 2) as [string, string];
    const where = `the connection handler in ${shown(serverFile)}`;
    const fix = 'Keep day 2 behaviour while tuning: frame lines across chunks, answer every line in order, end each reply with "\\n".';
    const client = await TcpClient.connect(server.port, { where });
    try {
      await session(client, key, other, fix);
    } catch (error) {
      throw await withCrash(error, server);
    } finally {
      client.destroy();
    }
  });
});

describe(`Load gate: ${figure(gates.load.value)} ops/s, or half of real Redis where Redis is slower (see load.gate)`, () => {
  it(`clears ${figure(gates.load.value)} ops/s with 0 errors under your load tester (best of up to three runs)`, { meta: { id: 'load-gate' } }, async ({ task }) => {
    await learnerModule<LoadtestModule>(loadtestFile, ['runLoadTest']); // a missing or broken load tester fails here, at once
    // Then the gate: Redis is calibrated while your server is stopped, so a server busy in the background cannot lower it.
    const { value: calibrated, why: calibratedWhy } = await heldGate();
    const server = await learnerServer();
    // The sentence names the guide's figure; the gate this machine held, and why, go beside the figures.
    recordMetric(task, 'load.gate', { value: calibrated, note: calibratedWhy });
    const reports: LoadReport[] = [];
    let gate = calibrated;
    // Best of three, ended early by a clean run a fifth above the gate (the verdict is settled; each run costs 2.5 s of
    // both cores); on a miss, up to two more runs, so that a busy moment on the machine is not held against you.
    const cleared = (by = 1) => reports.some((report) => report.errors === 0 && report.opsPerSec > gate * by);
    while (!cleared(settlesAt) && (reports.length < 3 || (reports.length < maxRuns && !cleared()))) {
      const report = await learnerRun(server);
      reports.push(report);
    }
    const clean = reports.filter((report) => report.errors === 0);
    const best = (clean.length ? clean : reports).reduce((a, b) => (b.opsPerSec > a.opsPerSec ? b : a));
    learnerBest = best.opsPerSec;
    recordMetric(task, 'load.opsPerSec', { value: Math.round(best.opsPerSec), gate: { op: '>', value: gate } });
    recordMetric(task, 'load.errors', { value: best.errors, gate: { op: '<', value: 1 } });
    recordMetric(task, 'load.p50Ms', { value: best.p50LatencyMs });
    recordMetric(task, 'load.p99Ms', { value: best.p99LatencyMs });
    const figures = reports.map((report) => `${ops(report.opsPerSec)} ops/s (${report.errors} errors)`).join(', ');
    if (clean.length === 0) {
      throw new CheckError(`Every run counted errors; the gate needs 0 errors.${server.crash() ? `\n${server.crash()}` : ''}`, {
        expected: '0 errors in at least one of three runs',
        received: figures,
        where: `the connection handler in ${shown(serverFile)} (or how ${shown(loadtestFile)} counts errors)`,
        fix: 'Run `npm run loadtest` against your tuned server and look at the first error: a dropped connection, an ERR reply, or replies out of order.',
      });
    }
    if (best.opsPerSec > gate) return;
    // Missed: measure Redis again; if the machine slowed since the calibration, hold the gate at half of it now.
    const { gate: rechecked, redisNow } = await recheckGate();
    gate = rechecked.value;
    const why = rechecked.why;
    if (gate < calibrated) {
      recordMetric(task, 'load.gate', { value: gate, note: why });
      recordMetric(task, 'load.opsPerSec', { value: Math.round(best.opsPerSec), gate: { op: '>', value: gate } });
      if (best.opsPerSec > gate) return;
    }
    const grader = await crashAware(graderFigure(server.port, 1), server);
    const seen = `The grader's own load generator measured ${ops(grader.opsPerSec)} ops/s against the same server`;
    const toolAdvice = `look for per-request promises, string building or logging in ${shown(loadtestFile)}`;
    const bottleneck =
      grader.opsPerSec > gate
        ? `${seen}, so the bottleneck is your load tester: ${toolAdvice}.`
        : grader.opsPerSec > 1.3 * best.opsPerSec
          ? `${seen}: your server falls short, and your load tester costs more per request than it should (${toolAdvice}).`
          : `${seen}, so the server is the bottleneck.`;
    const yoursBusy = typeof best.cpuPercent === 'number' && best.cpuPercent > saturatedCpuPercent ? ` Your load tester reports it used ${Math.round(best.cpuPercent!)}% of a CPU core: near 100%, it measures itself more than the server.` : '';
    const chart = { type: 'throughput', caption: `The grader's load generator against your server, second by second, beside the gate of ${ops(gate)} ops/s.`, draw: (charts: typeof import('../../harness/charts.ts')) => charts.throughputChart([{ server: 'your server', result: grader }], gate) };
    throw withPictures(new CheckError(`${ops(best.opsPerSec)} ops/s is ${Math.round((1 - best.opsPerSec / gate) * 100)}% below the gate: ${ops(gate - best.opsPerSec)} ops/s short of ${ops(gate)}.\n${bottleneck}${yoursBusy}${saturationNote(grader)}${machineNote(redisNow)}`, {
      expected: `more than ${ops(gate)} ops/s with 0 errors (${setup}, best of ${reports.length} runs; the gate is ${why})`,
      received: figures,
      where: `the connection handler in ${shown(serverFile)}`,
      fix: `Read ${batchingSection}: one socket.write per chunk of commands instead of one per reply, socket.setNoDelay(true), no logging or console.log per command. Then measure again with npm run loadtest.`,
    }), [chart]);
  });

  it("is confirmed by the grader's own load generator against the same server", { meta: { id: 'generator-confirms' } }, async ({ task }) => {
    const { value: calibrated } = await heldGate();
    const server = await learnerServer();
    // A server that dies under the generator's load is told by what it died of (withCrash), not as the generator's error.
    const best = await crashAware(graderFigure(server.port, 2, 2, calibrated), server);
    recordMetric(task, 'load.grader.opsPerSec', { value: Math.round(best.opsPerSec), gate: { op: '>', value: calibrated } });
    // The generator shares the machine with the server: when every thread of it used a whole core, its figure is a
    // floor, and the report says so (on a machine with cores to spare it runs on several, so that it is not the limit).
    recordMetric(task, 'load.grader.cpuPercent', { value: Math.round(best.cpuPercent) });
    recordGenerator(task, best);
    if (best.errors > 0) throw serverErrors(best, server);
    measuredThisRun.yours = { server, result: best };
    // Without the gate test's figure (`--only`), one run of your load tester here: the over-reporting check always runs.
    const reported = learnerBest ?? (await learnerRun(server)).opsPerSec;
    if (reported > agreement * best.opsPerSec) await expectAgreement(server.port, best.opsPerSec, reported);
    if (best.opsPerSec > calibrated) return;
    // As above: a machine that slowed since the calibration gets a gate measured now.
    const { gate: rechecked, redisNow } = await recheckGate();
    const { value: gate, why } = rechecked;
    recordMetric(task, 'load.grader.opsPerSec', { value: Math.round(best.opsPerSec), gate: { op: '>', value: gate }, ...(gate < calibrated && { note: `the gate is ${why}` }) });
    if (best.opsPerSec > gate) return;
    throw new CheckError(`The grader's own load generator measured ${ops(best.opsPerSec)} ops/s against your server: ${Math.round((1 - best.opsPerSec / gate) * 100)}% below the gate, ${ops(gate - best.opsPerSec)} ops/s short.${saturationNote(best)}${machineNote(redisNow)}`, {
      expected: `more than ${ops(gate)} ops/s (${setup}, best of ${best.runs} runs; the gate is ${why})`,
      received: `${ops(best.opsPerSec)} ops/s; your load tester reported ${ops(reported)} ops/s`,
      where: `the connection handler in ${shown(serverFile)}`,
      fix: `Read ${batchingSection}.`,
    });
  });
});

describe('Side by side with real Redis', () => {
  it('runs the same load against a private Redis and reports both figures and their ratio', { meta: { id: 'redis-beside' } }, async (context) => {
    if (!findTool('redis-server')) return context.skip(installRedis);
    const server = await learnerServer();
    // The calibration (Redis, your server stopped) and the cross-check (your server) already ran this load: reuse them.
    const { redis: calibrated, yours: checked } = measuredThisRun;
    if (calibrated && checked?.server === server && !server.crash()) return recordRatio(context.task, checked.result, calibrated);
    const redis = await startRedis();
    try {
      await prefill({ port: server.port, keySpace: load.keySpace, replies: 'text' });
      await prefill({ port: redis.port, keySpace: load.keySpace, replies: 'resp' });
      let yours: LoadResult | undefined;
      let theirs: LoadResult | undefined;
      // Alternate the two servers so that a noisy moment on the machine does not land on one side only.
      for (let run = 0; run < 2; run += 1) {
        const a = await crashAware(runLoad({ ...load, port: server.port, durationMs: 2000, replies: 'text', seed: run + 1 }), server);
        const b = await runLoad({ ...load, port: redis.port, durationMs: 2000, replies: 'resp', seed: run + 1 });
        if (a.errors > 0) throw serverErrors(a, server);
        if (b.errors > 0) throw new Error(`real Redis answered with errors (${b.firstError}); this is a problem of the grader, not of your code`);
        if (!yours || a.opsPerSec > yours.opsPerSec) yours = a;
        if (!theirs || b.opsPerSec > theirs.opsPerSec) theirs = b;
      }
      recordRatio(context.task, yours!, theirs!);
    } finally {
      redis.stop();
    }
  });
});
