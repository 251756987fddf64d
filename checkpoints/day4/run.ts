// Day 4 checkpoint helpers: one run of the learner's runLoadTest against a fresh counting server, and how a run fails.
import { performance } from 'node:perf_hooks';
import { withTimeout } from '../../harness/async.ts';
import type { Cause } from '../../harness/cause.ts';
import { CheckError } from '../../harness/check.ts';
import { startCountingServer, type CountingServerOptions, type CountingStats } from '../../harness/counting-server.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { withPictures } from '../support/pictures.ts';
import { heartbeat, loopHeld } from './event-loop.ts';
import { clockSpin, countOnSend, errorOnClose, type Statement } from './statements.ts';
import { count, hintFor, inWindow, story } from './story.ts';

type LoadModule = typeof import('@learner/04-loadtest/loadtest.ts');
type LoadReport = Awaited<ReturnType<LoadModule['runLoadTest']>>;
const file = '04-loadtest/loadtest.ts';
const where = (name: string) => `${name} in ${shown(file)}`;

/** One run of the learner's runLoadTest against a fresh counting server, and everything both sides saw. */
export interface Run {
  asked: { connections: number; durationMs: number; getRatio: number; keySpace: number };
  report: LoadReport;
  stats: CountingStats;
  wallMs: number;
  /** From the server's first real reply to the moment runLoadTest returned (connecting excluded). */
  sinceFirstReplyMs: number;
  /** Commands the server answered in the last fifth of the asked duration. */
  lateAnswers: number;
  /** Real replies the server had written when runLoadTest returned. */
  answeredByReturn: number;
  /** When runLoadTest was called (performance.now()), the clock of the server's answer times. */
  startedAt: number;
  transcript: string;
}

/** Runs the learner's runLoadTest with `asked` against a counting server configured by `server`. */
export async function runAgainst(server: CountingServerOptions, asked: Run['asked']): Promise<Run> {
  const { runLoadTest } = await learnerModule<LoadModule>(file, ['runLoadTest', 'formatReport']);
  const counting = await startCountingServer(server);
  const options = { host: counting.host, port: counting.port, ...asked };
  const lines = story(server, options);
  const startedAt = performance.now();
  const beats = heartbeat();
  try {
    const limitMs = asked.durationMs * 2 + 2_000;
    const stuck = `runLoadTest, asked for a ${count(asked.durationMs)} ms run, had not returned after ${count(limitMs)} ms (twice the duration, plus 2 s).`;
    const report = await withTimeout(runLoadTest(options), limitMs, stuck).catch((error: unknown) => {
      if (String((error as Error).message).startsWith('not implemented yet')) throw error;
      if (error instanceof CheckError) {
        throw new CheckError(stuck, {
          received: [`nothing after ${count(limitMs)} ms`, ...lines, serverLine(counting.stats)].join('\n'),
          where: where('runLoadTest'),
          fix: 'Stop every connection loop at the deadline, and do not wait for a reply that may never come: close the sockets.\nHint: a run that never ends is usually awaiting a reply on a connection the server closed. Listen for "close" and reject the waiting request, or the await hangs forever.',
          cause: wrongDuration,
        });
      }
      throw new CheckError(`runLoadTest threw: ${(error as Error).message}`, {
        received: [...lines, serverLine(counting.stats)].join('\n'),
        where: where('runLoadTest'),
        fix: hintFor(error),
      });
    });
    const returnedAt = performance.now();
    const held = beats.stop(counting.stats.stalls);
    const wallMs = returnedAt - startedAt;
    const answeredByReturn = counting.answeredBefore(returnedAt);
    await new Promise((done) => setTimeout(done, 50)); // let the server finish what was already on the wire
    const lateAnswers = counting.answeredSince(startedAt + asked.durationMs * 0.8);
    lines.push(`[grader] runLoadTest returned after ${count(wallMs)} ms: ${JSON.stringify(report)}`);
    const s = counting.stats;
    lines.push(serverLine(s));
    lines.push(`[server] ${count(answeredByReturn)} real replies had been written when runLoadTest returned`);
    const sinceFirstReplyMs = returnedAt - (s.answerTimes[0] ?? returnedAt);
    const spin = held && held.to - held.from >= Math.max(300, asked.durationMs * 0.5) ? clockSpin() : undefined;
    if (held && spin) throw loopHeld(held, spin, startedAt, asked.durationMs, lines);
    return { asked, report, stats: s, wallMs, sinceFirstReplyMs, lateAnswers, answeredByReturn, startedAt, transcript: lines.join('\n') };
  } finally {
    beats.stop([]);
    await counting.close();
  }
}

/** What the counting server saw, in one transcript line. */
function serverLine(s: CountingStats): string {
  return `[server] answered ${count(s.answered)} commands (${count(s.gets)} GET, ${count(s.sets)} SET) and ${count(s.errors)} with ERR; ${count(s.opened)} connections opened, at most ${count(s.maxOpen)} at once; ${count(s.drops)} dropped on purpose`;
}

/** Like runAgainst, but a run whose wall time misses the window is repeated once: a busy machine can stall a timer. */
export async function runOnTime(server: CountingServerOptions, asked: Run['asked']): Promise<Run> {
  const run = await runAgainst(server, asked);
  return inWindow(run.wallMs, asked.durationMs) && inWindow(run.report.durationMs, asked.durationMs) ? run : runAgainst(server, asked);
}

/** Fails with the run's transcript under what was received. */
export function expectRun(
  run: Run,
  condition: boolean,
  headline: string,
  advice: { expected: string; received: string; fix: string; where?: string; cause?: Cause },
): void {
  if (condition) return;
  const seen = advice.cause ? { cause: advice.cause } : runCause(run);
  const cause = seen.cause;
  const failure = new CheckError(headline, {
    ...advice,
    received: `${advice.received}\n${run.transcript}`,
    where: advice.where ?? seen.where ?? where('runLoadTest'),
    ...(cause && { cause }),
  });
  throw withPictures(failure, [
    {
      type: 'the run, as the server saw it',
      caption: `Commands the counting server answered, per 100 ms, for a run of ${count(run.asked.durationMs)} ms asked.`,
      draw: (charts) =>
        charts.answersChart(
          run.stats.answerTimes.map((time) => time - run.startedAt),
          run.asked.durationMs,
          run.wallMs,
        ),
    },
  ]);
}

/** The cause a run shows whatever the requirement checks (most of day 4's bugs break several requirements at once),
 *  with the statement to look at when the file shows it. */
function runCause(run: Run): { cause?: Cause; where?: string } {
  if (opensPerRequest(run)) return { cause: perRequest };
  if (farOff(run.wallMs, run.asked.durationMs)) return { cause: wrongDuration };
  if (countsUnanswered(run))
    return { cause: { kind: 'counts-unanswered', title: 'the report counts operations whose replies had not arrived' }, where: countOnSend()?.where };
  if (countsCutoff(run)) return { cause: cutoffAsErrors, where: errorOnClose()?.where };
  return {};
}

/** Whether the report counts more errors than the server made (ERR replies and drops), by at most one a connection:
 *  the requests the tester itself cut off at the deadline. */
function countsCutoff(run: Run): boolean {
  const over = run.report.errors - run.stats.errors - run.stats.drops;
  return over > 0 && over <= run.asked.connections;
}

/** The cause of errors counted for the requests the tester cut off itself. */
const cutoffAsErrors: Cause = { kind: 'counts-cutoff-as-errors', title: 'the requests cut off at the deadline are counted as errors' };

/** Whether the report counts requests still in flight when the run ended: more operations than real replies, by
 *  at most one a connection (a tester that counts ERR replies as operations is over by about the ERR count), or by
 *  more than the real and ERR replies together. */
export function countsUnanswered(run: Run): boolean {
  const over = run.report.totalOps - run.answeredByReturn;
  return (over > 0 && over <= run.asked.connections) || run.report.totalOps > run.answeredByReturn + run.stats.errors;
}

/** Whether a run of `ms` is far from the `askedMs` it was asked for: under three quarters, or over one and a half
 *  times plus 100 ms. A busy machine makes a run late by a fraction (so a requirement may still fail it, on its own
 *  words); only a miss this large is blamed on the tester's duration in the requirements that fail beside it. */
function farOff(ms: number, askedMs: number): boolean {
  return ms < askedMs * 0.75 || ms > askedMs * 1.5 + 100;
}

/** The cause of a run that stops long before or after the duration asked. */
const wrongDuration: Cause = { kind: 'wrong-duration', title: 'the run does not last the duration asked' };

/** The cause of a tester that opens a connection for (almost) every request: no connection lives long enough. */
export const perRequest: Cause = { kind: 'connection-per-request', title: 'the tester opens a new connection for (almost) every request' };

/** Whether `run` looks like a connection per request: far more connections than asked, each used once or twice. */
export function opensPerRequest(run: Run): boolean {
  const { opened, answered } = run.stats;
  return opened > run.asked.connections * 3 && answered <= opened * 2;
}

/** The cause of latencies reported as 0 for a run that answered requests: nothing was timed. */
const untimed: Cause = { kind: 'latency-not-timed', title: 'the report gives 0 ms latencies: no request was timed' };

/** The cause of a p50 or p99 that is not read from the run's latencies (an average, or a percentile of averages). */
export const notPercentiles: Cause = { kind: 'not-percentiles', title: 'p50 and p99 are not percentiles of the latencies measured' };

/** The cause of a latency failure: `untimed` when every latency is 0 over a run with operations, else `otherwise`. */
export function latencyCause(run: Run, otherwise?: Cause): { cause?: Cause } {
  const { report } = run;
  if (report.totalOps > 0 && report.avgLatencyMs === 0 && report.p50LatencyMs === 0 && report.p99LatencyMs === 0) return { cause: untimed };
  return otherwise ? { cause: otherwise } : {};
}

/** A Look at line for `statement` when the learner's file shows it (else the check names runLoadTest). */
export function at(statement: Statement | undefined): { where?: string } {
  return statement ? { where: statement.where } : {};
}

/** A server that answers each command after 1 ms, as a real one on a network would: these honesty checks need
 *  thousands of commands, not the machine's full speed, and leave the CPU to whatever else runs. */
export const paced: CountingServerOptions = { latencyMs: 1 };

/** The options most runs use: 10 connections, 1 s, 80% GET over 1,000 keys. */
export const base = () => ({ connections: 10, durationMs: 1_000, getRatio: 0.8, keySpace: 1_000 });
