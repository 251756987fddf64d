// Day 5 checkpoint: the tuned server still speaks the protocol, clears the load gate, and is measured beside real Redis.
import { afterAll } from 'vitest';
import { withPictures } from '../support/pictures.ts';
import { describe, it } from '../support/requirement.ts';
import { CheckError } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { saturatedCpuPercent, saturationNote } from '../../harness/loadgen.ts';
import { recordGenerator, recordRatio } from './generator-metrics.ts';
import { recordMetric } from '../support/metrics.ts';
import { figure, gates } from '../../course/gates.ts';
import { findTool, installRedis } from '../../harness/redis.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { TcpClient } from '../../harness/tcp-client.ts';
import { batchingSection, learnerServer, ops, serverFile, stopServer } from './helpers.ts';
import {
  agreement,
  crashAware,
  expectAgreement,
  graderFigure,
  heldGate,
  learnerRun,
  type LoadReport,
  loadtestFile,
  type LoadtestModule,
  machineNote,
  maxRuns,
  settlesAt,
  recheckGate,
  session,
  setup,
  sideBySideRun,
  withCrash,
} from './measure.ts';
import { pairedText, round2 } from './paired-text.ts';
import { profileMs, profileServer } from './profile.ts';
import { framesText } from '../../harness/cpu-profile.ts';
import { roundMs, shapes } from './side-by-side.ts';

let learnerBest: number | undefined;

/** The most a server's memory may grow over the rounds: half of what it received, and never less than 4 MiB (the
 *  reference solution grows by about 1 MiB of compiled code and caches; a server that keeps every string it received
 *  holds many times what it received, strings and split arrays included: 115 MiB for 5 MiB received). */
const memoryLimit = (received: number) => Math.max(4 * 1024 * 1024, received / 2);
const kib = (bytes: number) => `${ops(bytes / 1024)} KiB`;

afterAll(stopServer);

describe('Tuned server', () => {
  it(
    'answers SET, GET and DEL exactly as the day-2 protocol says, one by one, pipelined and split across writes',
    { meta: { id: 'day2-protocol' } },
    async () => {
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
    },
  );
});

describe('Memory under load', () => {
  it('keeps its memory flat under load: what a client sent is let go once it is answered', { meta: { id: 'memory-flat' } }, async ({ task }) => {
    const { memory } = await sideBySideRun();
    const { before, after, received } = memory;
    if (before === undefined || after === undefined) {
      throw new CheckError("Your server's process did not report its memory within 15 s of being asked: its event loop was busy all that time.", {
        where: `the connection handler in ${shown(serverFile)}`,
        fix: 'Find the loop that does not return to the event loop (a busy-wait, a synchronous read of a growing buffer).',
      });
    }
    const growth = after - before;
    recordMetric(task, 'load.memoryGrowthKiB', {
      value: Math.round(growth / 1024),
      gate: { op: '<', value: Math.round(memoryLimit(received) / 1024) },
      note: `after a full garbage collection, before and after the side-by-side rounds, which sent your server about ${kib(received)} of commands`,
    });
    if (growth < memoryLimit(received)) return;
    throw new CheckError(
      `Your server's memory grew by ${kib(growth)} while it received about ${kib(received)} of commands (${Math.round((growth / received) * 100)}% of it), measured after a full garbage collection: it keeps what clients sent after answering it, and would grow without bound under a longer run.`,
      {
        expected: `growth under ${kib(memoryLimit(received))}: a server holds only the unfinished tail of each connection's input`,
        received: `${kib(before)} before the rounds, ${kib(after)} after`,
        where: `the connection handler in ${shown(serverFile)}`,
        fix: 'Keep only the unfinished tail of each chunk (after the last newline) for the next one, and walk the new bytes once: no `buffer += chunk` that is never cut, no split of everything received so far.',
      },
    );
  });
});

describe(`Load gate: half of real Redis on this machine, at most ${figure(gates.load.value)} ops/s (load.gate says the figure held)`, () => {
  it(
    `clears the gate held on this machine with 0 errors under your load tester (best of up to three runs)`,
    { meta: { id: 'load-gate' } },
    async ({ task }) => {
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
      const yoursBusy =
        typeof best.cpuPercent === 'number' && best.cpuPercent > saturatedCpuPercent
          ? ` Your load tester reports it used ${Math.round(best.cpuPercent!)}% of a CPU core: near 100%, it measures itself more than the server.`
          : '';
      const chart = {
        type: 'throughput',
        caption: `The grader's load generator against your server, second by second, beside the gate of ${ops(gate)} ops/s.`,
        draw: (charts: typeof import('../../harness/charts.ts')) => charts.throughputChart([{ server: 'your server', result: grader }], gate),
      };
      throw withPictures(
        new CheckError(
          `${ops(best.opsPerSec)} ops/s is ${Math.round((1 - best.opsPerSec / gate) * 100)}% below the gate: ${ops(gate - best.opsPerSec)} ops/s short of ${ops(gate)}.\n${bottleneck}${yoursBusy}${saturationNote(grader)}${machineNote(redisNow)}`,
          {
            expected: `more than ${ops(gate)} ops/s with 0 errors (${setup}, best of ${reports.length} runs; the gate is ${why})`,
            received: figures,
            where: `the connection handler in ${shown(serverFile)}`,
            fix: `Read ${batchingSection}: one socket.write per chunk of commands instead of one per reply, socket.setNoDelay(true), no logging or console.log per command. Then measure again with npm run loadtest.`,
          },
        ),
        [chart],
      );
    },
  );

  it(
    `keeps half of real Redis's CPU efficiency and a fifth of its pace on one connection, measured side by side in turns by the grader's own load generator`,
    { meta: { id: 'generator-confirms' } },
    async ({ task }) => {
      const server = await learnerServer();
      const run = await sideBySideRun();
      const { decision } = run;
      const versus = run.reference === 'redis' ? 'real Redis' : "the workbook's reference server (redis-server is missing)";
      // The grader's own figure for your server in the day's load; the verdict is on the ratios below, not on this figure.
      recordMetric(task, 'load.grader.opsPerSec', {
        value: Math.round(run.yoursPlain),
        note: `the median of ${run.rounds} runs of ${roundMs} ms in the day's load, in turns with ${versus}`,
      });
      recordMetric(task, 'load.sideBySide.ratio', {
        value: round2(decision.ratio),
        gate: { op: '>', value: run.decidedBy.share ?? 0 },
        note: `against ${versus}: ${pairedText(run)}`,
      });
      const plainRun = run.byShape.plain.runs.at(-1)!;
      recordGenerator(task, plainRun.yours);
      recordMetric(task, 'load.grader.cpuPercent', { value: Math.round(plainRun.yours.cpuPercent) });
      // The over-reporting check always runs: without the gate test's figure (`--only`), one run of your load tester here.
      const reported = learnerBest ?? (await learnerRun(server)).opsPerSec;
      if (reported > agreement * run.yoursPlain) await expectAgreement(server.port, run.yoursPlain, reported);
      if (decision.verdict === 'clears') return;
      // Where the server's time went: a CPU profile of it under the pipelined load, its top functions in your files.
      // (Not for a miss in pace on one connection: a server that waits spends no CPU a profile could show.)
      const waits = decision.verdict === 'misses' && run.decidedBy.measure === 'pace';
      const frames = waits ? [] : ((await profileServer(server).catch(() => undefined)) ?? []);
      const profiled = frames.length
        ? `\nWhere your server's CPU went (a CPU profile of it during a ${profileMs / 1000} s pipelined run; share of its busy time, innermost function of your files):\n${framesText(frames, shown)}`
        : '';
      const pictures = frames.length
        ? [
            {
              type: 'cpu-profile',
              caption: "Your server's functions by their share of its CPU during a pipelined run (a V8 CPU profile, as node --cpu-prof writes).",
              draw: (charts: typeof import('../../harness/charts.ts')) => charts.profileChart(frames),
            },
          ]
        : [];
      const expected = `${shapes.flatMap((shape) => (shape.share === undefined ? [] : [`more than ${shape.share}× ${shape.measure === 'cpu' ? `the commands ${versus} serves per millisecond of its CPU` : 'its pace'} under "${shape.what}"`])).join(', and ')}: ${run.rounds} rounds of ${roundMs} ms runs in turns, decided with 99% confidence`;
      if (decision.verdict === 'too-close') {
        throw withPictures(
          new CheckError(
            `Too close to call on this machine right now: after ${run.rounds} rounds your server stands at ${decision.ratio.toFixed(2)}× ${versus} under "${run.decidedBy.what}" (99% sure it lies between ${decision.low.toFixed(2)}× and ${decision.high.toFixed(2)}×), and the gate, ${run.decidedBy.share}×, lies inside that range.${profiled}`,
            {
              expected,
              received: pairedText(run),
              where: `the connection handler in ${shown(serverFile)}`,
              fix: `Check again when the machine is quieter (close other programs, wait for other jobs); if it stays this close, read ${batchingSection}: a little less work per command settles it.`,
            },
          ),
          pictures,
        );
      }
      const weak = run.decidedBy;
      const why =
        weak.name === 'pipelined'
          ? 'With many commands per write, what your server spends on each command shows: it used more than twice the CPU time per command that the reference did. A write, a log line, an object or a re-split buffer per command costs more than the command itself.'
          : "With one request in flight on one connection, each reply's delay shows: a reply that waits (on a timer, a queue or a flush) caps the connection, however idle the server is.";
      const measured = weak.measure === 'pace' ? 'the pace' : 'the commands per millisecond of CPU';
      throw withPictures(
        new CheckError(
          `Your server kept ${decision.ratio.toFixed(2)}× ${measured} of ${versus} side by side (99% sure it lies between ${decision.low.toFixed(2)}× and ${decision.high.toFixed(2)}×): below the gate of ${weak.share}×, under "${weak.what}".\n${why}${profiled}`,
          {
            expected,
            received: pairedText(run),
            where: `the connection handler in ${shown(serverFile)}`,
            fix: `Read ${batchingSection}.`,
          },
        ),
        pictures,
      );
    },
  );
});

describe('Side by side with real Redis', () => {
  it('runs the same load against a private Redis and reports both figures and their ratio', { meta: { id: 'redis-beside' } }, async (context) => {
    if (!findTool('redis-server')) return context.skip(installRedis);
    // The side-by-side rounds already ran the day's load against both, in turns: their median run is reported.
    const run = await sideBySideRun();
    const runs = run.byShape.plain.runs;
    const middle = [...runs].sort((a, b) => a.yours.opsPerSec / a.theirs.opsPerSec - b.yours.opsPerSec / b.theirs.opsPerSec)[Math.floor(runs.length / 2)]!;
    recordRatio(context.task, middle.yours, middle.theirs);
  });
});
