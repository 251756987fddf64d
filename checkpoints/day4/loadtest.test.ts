// Day 4 checkpoint: the learner's load tester runs against the grader's counting server, and what it reports must be true.
import { performance } from 'node:perf_hooks';
import { describe, it } from 'vitest';
import { withTimeout } from '../support/async.ts';
import { CheckError, expectTrue } from '../support/check.ts';
import { startCountingServer, type CountingServerOptions, type CountingStats } from '../support/counting-server.ts';
import { learnerModule, shown } from '../support/learner.ts';
import { recordMetric } from '../support/metrics.ts';
import { makeRandom } from '../support/seed.ts';
import { count, hintFor, inWindow, story } from './story.ts';

type LoadModule = typeof import('@learner/04-loadtest/loadtest.ts');
type LoadReport = Awaited<ReturnType<LoadModule['runLoadTest']>>;
const file = '04-loadtest/loadtest.ts';
const where = (name: string) => `${name} in ${shown(file)}`;
const random = makeRandom();
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** One run of the learner's runLoadTest against a fresh counting server, and everything both sides saw. */
interface Run {
  asked: { connections: number; durationMs: number; getRatio: number; keySpace: number };
  report: LoadReport;
  stats: CountingStats;
  wallMs: number;
  /** Commands the server answered in the last fifth of the asked duration. */
  lateAnswers: number;
  /** Real replies the server had written when runLoadTest returned. */
  answeredByReturn: number;
  transcript: string;
}

async function runAgainst(server: CountingServerOptions, asked: Run['asked']): Promise<Run> {
  const { runLoadTest } = await learnerModule<LoadModule>(file, ['runLoadTest', 'formatReport']);
  const counting = await startCountingServer(server);
  const options = { host: counting.host, port: counting.port, ...asked };
  const lines = story(server, options);
  const startedAt = performance.now();
  try {
    const limitMs = asked.durationMs * 2 + 2_000;
    const stuck = `runLoadTest did not return within twice the duration asked (${asked.durationMs} ms).`;
    const report = await withTimeout(runLoadTest(options), limitMs, stuck).catch((error: unknown) => {
      if (String((error as Error).message).startsWith('not implemented yet')) throw error;
      if (error instanceof CheckError) {
        throw new CheckError(stuck, {
          received: [`nothing after ${count(limitMs)} ms`, ...lines, serverLine(counting.stats)].join('\n'),
          where: where('runLoadTest'),
          fix: 'Stop every connection loop at the deadline, and do not wait for a reply that may never come: close the sockets.\nHint: a run that never ends is usually awaiting a reply on a connection the server closed. Listen for "close" and reject the waiting request, or the await hangs forever.',
        });
      }
      throw new CheckError(`runLoadTest threw: ${(error as Error).message}`, { received: [...lines, serverLine(counting.stats)].join('\n'), where: where('runLoadTest'), fix: hintFor(error) });
    });
    const returnedAt = performance.now();
    const wallMs = returnedAt - startedAt;
    const answeredByReturn = counting.answeredBefore(returnedAt);
    await new Promise((done) => setTimeout(done, 50)); // let the server finish what was already on the wire
    const lateAnswers = counting.answeredSince(startedAt + asked.durationMs * 0.8);
    lines.push(`[grader] runLoadTest returned after ${count(wallMs)} ms: ${JSON.stringify(report)}`);
    const s = counting.stats;
    lines.push(serverLine(s));
    lines.push(`[server] ${count(answeredByReturn)} real replies had been written when runLoadTest returned`);
    return { asked, report, stats: s, wallMs, lateAnswers, answeredByReturn, transcript: lines.join('\n') };
  } finally {
    await counting.close();
  }
}

/** What the counting server saw, in one transcript line. */
function serverLine(s: CountingStats): string {
  return `[server] answered ${count(s.answered)} commands (${count(s.gets)} GET, ${count(s.sets)} SET) and ${count(s.errors)} with ERR; ${count(s.opened)} connections opened, at most ${count(s.maxOpen)} at once; ${count(s.drops)} dropped on purpose`;
}

/** Like runAgainst, but a run whose wall time misses the window is repeated once: a busy machine can stall a timer. */
async function runOnTime(server: CountingServerOptions, asked: Run['asked']): Promise<Run> {
  const run = await runAgainst(server, asked);
  return inWindow(run.wallMs, asked.durationMs) && inWindow(run.report.durationMs, asked.durationMs) ? run : runAgainst(server, asked);
}

/** Fails with the run's transcript under what was received. */
function expectRun(run: Run, condition: boolean, headline: string, advice: { expected: string; received: string; fix: string; where?: string }): void {
  expectTrue(condition, headline, { ...advice, received: `${advice.received}\n${run.transcript}`, where: advice.where ?? where('runLoadTest') });
}

const base = () => ({ connections: 10, durationMs: 1_000, getRatio: 0.8, keySpace: 1_000 });

describe('runLoadTest against the counting server', () => {
  it('reports exactly the operations the server answered', async () => {
    // Replies to the commands of the last 150 ms come only after the deadline: they are not operations of this run.
    const run = await runAgainst({ latencyMs: 1, holdFromMs: 850, holdForMs: 400 }, base());
    const { report, asked } = run;
    const answered = run.answeredByReturn;
    expectRun(run, report.totalOps <= answered, `Your report counts ${count(report.totalOps - answered)} operations whose replies had not arrived when runLoadTest returned.`, {
      expected: `totalOps ≤ ${count(answered)} (the replies the server had written by then)`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'Count an operation after its reply arrives, not when you send it. A request still in flight at the deadline is not an operation.',
    });
    expectRun(run, answered - report.totalOps <= asked.connections, `Your report misses ${count(answered - report.totalOps)} operations the server answered.`, {
      expected: `totalOps from ${count(answered - asked.connections)} to ${count(answered)} (at most one request per connection can be in flight at the deadline)`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'Count every reply that arrives before the deadline, on every connection.',
    });
    expectRun(run, report.errors === 0, `The server answered every command without ERR and dropped nothing, yet the report says ${count(report.errors)} errors.`, {
      expected: 'errors 0',
      received: `errors ${count(report.errors)}`,
      fix: 'Only a reply starting "ERR " or a lost connection is an error; "(nil)" is a normal answer (a miss). Requests you cut off at the deadline (by closing the sockets) did not fail: count them neither as operations nor as errors.',
    });
    const expectedRate = report.totalOps / (report.durationMs / 1000);
    expectRun(run, Math.abs(report.opsPerSec - expectedRate) <= expectedRate * 0.01 + 1, 'opsPerSec is not totalOps divided by the elapsed seconds.', {
      expected: `${count(expectedRate)} ops/s (${count(report.totalOps)} / ${(report.durationMs / 1000).toFixed(3)} s)`,
      received: `${count(report.opsPerSec)} ops/s`,
      fix: 'opsPerSec = totalOps / (durationMs / 1000), with durationMs measured by performance.now() around the run.',
    });
  });

  it('opens the connections asked for, side by side, and keeps each open across requests', async () => {
    const connections = between(6, 14);
    const run = await runAgainst({}, { ...base(), connections, durationMs: 700 });
    const { stats } = run;
    expectRun(run, stats.opened <= connections + 1, `Your tester opened ${count(stats.opened)} connections for ${count(stats.answered)} operations; ${connections} were asked for.`, {
      expected: `${connections} connections, each used for many requests`,
      received: `${count(stats.opened)} connections opened`,
      fix: 'Open each connection once before the clock starts and send every request of its loop on it, like a persistent HTTP connection.',
    });
    expectRun(run, stats.maxOpen >= connections, `Only ${stats.maxOpen} of the ${connections} connections were open at the same time.`, {
      expected: `${connections} connections open at once`,
      received: `at most ${stats.maxOpen} open at once (${stats.opened} opened in all)`,
      fix: 'Start every connection loop before awaiting any of them: Promise.all(loops), not one loop after the other.',
    });
    const idle = stats.perConnection.filter((answered) => answered < 2).length;
    expectRun(run, idle === 0, `${idle} of your connections carried fewer than two requests.`, {
      expected: 'every connection used again and again until the deadline',
      received: `requests per connection: ${stats.perConnection.join(', ')}`,
      fix: 'Each connection loop sends, waits for the reply, and sends again until the deadline.',
    });
  });

  it('runs for the duration asked, within 10%, and keeps the load on to the end', async () => {
    const durationMs = between(1_000, 1_400);
    const run = await runOnTime({}, { ...base(), durationMs });
    expectRun(run, inWindow(run.wallMs, durationMs), `runLoadTest ran for ${count(run.wallMs)} ms; ${durationMs} ms were asked for.`, {
      expected: `${count(durationMs * 0.9)} to ${count(durationMs * 1.1 + 100)} ms (±10%, plus 100 ms to open and close connections)`,
      received: `${count(run.wallMs)} ms`,
      fix: 'Compute the deadline once (performance.now() + durationMs) and have every loop stop when it has passed.',
    });
    expectRun(run, inWindow(run.report.durationMs, durationMs), `The report says the run lasted ${count(run.report.durationMs)} ms.`, {
      expected: `durationMs within 10% of ${durationMs}, as measured by you`,
      received: `durationMs ${count(run.report.durationMs)}`,
      fix: 'Report the elapsed time you measured with performance.now(), in milliseconds.',
    });
    expectRun(run, run.lateAnswers > 0, 'The server got no commands in the last fifth of the run.', {
      expected: 'commands arriving until the deadline',
      received: 'none after 80% of the duration',
      fix: 'Keep sending until the deadline; do not send a fixed number of commands and then wait.',
    });
  });

  it('counts ERR replies as errors, not as operations, and still ends on time', async () => {
    const every = between(7, 13);
    const run = await runOnTime({ errorEvery: every }, base());
    const { report, stats, asked } = run;
    expectRun(run, report.errors <= stats.errors && stats.errors - report.errors <= asked.connections, `The report says ${count(report.errors)} errors; the server answered ${count(stats.errors)} commands with ERR.`, {
      expected: `errors from ${count(stats.errors - asked.connections)} to ${count(stats.errors)}`,
      received: `errors ${count(report.errors)}`,
      fix: 'A reply that starts with "ERR " is an error: count it in errors, not in totalOps, and do not retry the command. Requests you cut off at the deadline are not errors.',
    });
    expectRun(run, report.totalOps <= stats.answered && stats.answered - report.totalOps <= asked.connections, `The report says ${count(report.totalOps)} operations; the server answered ${count(stats.answered)} without ERR.`, {
      expected: `totalOps from ${count(stats.answered - asked.connections)} to ${count(stats.answered)}`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'An ERR reply is not a successful operation: count it only in errors.',
    });
    expectRun(run, inWindow(run.wallMs, asked.durationMs), `With ERR replies, runLoadTest ran for ${count(run.wallMs)} ms; ${asked.durationMs} ms were asked for.`, {
      expected: `${count(asked.durationMs * 0.9)} to ${count(asked.durationMs * 1.1 + 100)} ms`,
      received: `${count(run.wallMs)} ms`,
      fix: 'An error ends one request, not the connection loop or the run.',
    });
  });

  it('counts a dropped connection as an error, opens a new one and keeps going until the deadline', async () => {
    const every = between(40, 80);
    const run = await runOnTime({ dropEvery: every }, { ...base(), connections: 5 });
    const { report, stats, asked } = run;
    expectRun(run, report.errors >= stats.drops - asked.connections && report.errors >= 1, `The server dropped ${count(stats.drops)} connections; the report says ${count(report.errors)} errors.`, {
      expected: `at least ${count(Math.max(1, stats.drops - asked.connections))} errors (one per request lost with its connection)`,
      received: `errors ${count(report.errors)}`,
      fix: "When the socket closes ('close' or 'error') with a request still waiting, reject that request and count one error.",
    });
    expectRun(run, report.errors <= stats.drops + asked.connections, `The report counts ${count(report.errors)} errors for ${count(stats.drops)} dropped connections.`, {
      expected: `at most ${count(stats.drops + asked.connections)} errors`,
      received: `errors ${count(report.errors)}`,
      fix: 'Count one error per request lost, not one per loop turn on a dead socket: open a new connection before sending again.',
    });
    expectRun(run, report.totalOps <= stats.answered, 'The report counts operations the server never answered.', {
      expected: `totalOps ≤ ${count(stats.answered)}`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'Count an operation only when its reply arrives.',
    });
    expectRun(run, run.lateAnswers > 0 && inWindow(run.wallMs, asked.durationMs), 'After the server dropped connections, the load did not go on until the deadline.', {
      expected: `commands until the deadline, and a run of ${count(asked.durationMs * 0.9)} to ${count(asked.durationMs * 1.1 + 100)} ms`,
      received: `${count(run.lateAnswers)} commands in the last fifth; the run took ${count(run.wallMs)} ms`,
      fix: 'Count the error, open a new connection and keep looping until the deadline (count the error, do not retry the lost request).',
    });
  });

  it('measures latency: 2 ms per command gives an average of 2 ms or more and at most 5,000 ops/s on 10 connections', async ({ task }) => {
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

  it('sends the GET/SET mix asked for, over keys spread across the key space', async ({ task }) => {
    const getRatio = between(30, 90) / 100;
    const keySpace = between(200, 600);
    // At least 10,000 commands: a slow tester gets up to three runs, pooled.
    const runs = [await runAgainst({}, { connections: 20, durationMs: 1_500, getRatio, keySpace })];
    const sent = () => runs.reduce((sum, one) => sum + one.stats.gets + one.stats.sets, 0);
    while (sent() < 10_000 && runs.length < 3) runs.push(await runAgainst({}, { connections: 20, durationMs: 1_500, getRatio, keySpace }));
    const run = runs[0]!;
    const report = run.report;
    const stats = { gets: runs.reduce((sum, one) => sum + one.stats.gets, 0), sets: runs.reduce((sum, one) => sum + one.stats.sets, 0), keys: new Set(runs.flatMap((one) => [...one.stats.keys.keys()])) };
    recordMetric(task, 'loadtest.opsPerSec', { value: report.opsPerSec });
    recordMetric(task, 'loadtest.errors', { value: report.errors });
    recordMetric(task, 'loadtest.avgLatencyMs', { value: report.avgLatencyMs });
    recordMetric(task, 'loadtest.p50Ms', { value: report.p50LatencyMs });
    recordMetric(task, 'loadtest.p99Ms', { value: report.p99LatencyMs });
    const total = stats.gets + stats.sets;
    expectRun(run, total >= 1_000, `Only ${count(total)} GET and SET commands reached the server in ${runs.length} runs of 1.5 s.`, {
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

  it('returns a report with every field as a number', async () => {
    const run = await runAgainst({}, { ...base(), connections: 4, durationMs: 500 });
    const fields = ['durationMs', 'totalOps', 'errors', 'opsPerSec', 'avgLatencyMs', 'p50LatencyMs', 'p99LatencyMs'] as const;
    const bad = fields.filter((field) => typeof run.report[field] !== 'number' || !Number.isFinite(run.report[field]) || run.report[field] < 0);
    expectRun(run, bad.length === 0, `These report fields are missing or not a finite number ≥ 0: ${bad.join(', ')}.`, {
      expected: `{ ${fields.join(', ')} }, all numbers`,
      received: JSON.stringify(run.report),
      fix: 'Return every field of LoadReport; latencies in milliseconds, durationMs in milliseconds.',
    });
  });
});
