// Day 4 checkpoint: the learner's load tester counts honestly — operations, connections, duration, ERR replies and drops.
import { describe, it } from '../support/requirement.ts';
import { firstCrashSince, watchCrashes } from '../../harness/crashes.ts';
import { askedPair, between } from './asked.ts';
import { base, countsUnanswered, expectRun, opensPerRequest, paced, perRequest, runAgainst, runOnTime } from './run.ts';
import { count, inWindow } from './story.ts';

describe('runLoadTest against the counting server', () => {
  it('reports exactly the operations the server answered', { meta: { id: 'exact-count' } }, async () => {
    // Replies to the commands of the last 150 ms come only after the deadline: they are not operations of this run.
    const run = await runAgainst({ latencyMs: 1, holdFromMs: 850, holdForMs: 400 }, base());
    const { report, asked } = run;
    const answered = run.answeredByReturn;
    expectRun(
      run,
      report.totalOps <= answered,
      `Your report counts ${count(report.totalOps - answered)} operations whose replies had not arrived when runLoadTest returned.`,
      {
        expected: `totalOps ≤ ${count(answered)} (the replies the server had written by then)`,
        received: `totalOps ${count(report.totalOps)}`,
        fix: 'Count an operation after its reply arrives, not when you send it. A request still in flight at the deadline is not an operation.',
      },
    );
    expectRun(run, answered - report.totalOps <= asked.connections, `Your report misses ${count(answered - report.totalOps)} operations the server answered.`, {
      expected: `totalOps from ${count(answered - asked.connections)} to ${count(answered)} (at most one request per connection can be in flight at the deadline)`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'Count every reply that arrives before the deadline, on every connection.',
    });
    expectRun(
      run,
      report.errors === 0,
      `The server answered every command without ERR and dropped nothing, yet the report says ${count(report.errors)} errors.`,
      {
        expected: 'errors 0',
        received: `errors ${count(report.errors)}`,
        fix: 'Only a reply starting "ERR " or a lost connection is an error; "(nil)" is a normal answer (a miss). Requests you cut off at the deadline (by closing the sockets) did not fail: count them neither as operations nor as errors.',
      },
    );
    const expectedRate = report.totalOps / (report.durationMs / 1000);
    expectRun(run, Math.abs(report.opsPerSec - expectedRate) <= expectedRate * 0.01 + 1, 'opsPerSec is not totalOps divided by the elapsed seconds.', {
      expected: `${count(expectedRate)} ops/s (${count(report.totalOps)} / ${(report.durationMs / 1000).toFixed(3)} s)`,
      received: `${count(report.opsPerSec)} ops/s`,
      fix: 'opsPerSec = totalOps / (durationMs / 1000), with durationMs measured by performance.now() around the run.',
    });
  });

  it('opens the connections asked for, side by side, and keeps each open across requests', { meta: { id: 'connections' } }, async () => {
    // Two counts far apart: a tester that opens a fixed number of its own fits neither both.
    for (const connections of askedPair('connections')) {
      const run = await runAgainst(paced, { ...base(), connections, durationMs: 600 });
      const { stats } = run;
      expectRun(
        run,
        stats.opened <= connections + 1,
        `Your tester opened ${count(stats.opened)} connections for ${count(stats.answered)} operations; ${connections} were asked for.`,
        {
          expected: `${connections} connections, each used for many requests`,
          received: `${count(stats.opened)} connections opened`,
          fix: 'Open options.connections connections once before the clock starts and send every request of its loop on it, like a persistent HTTP connection.',
          ...(opensPerRequest(run) ? { cause: perRequest } : {}),
        },
      );
      expectRun(run, stats.maxOpen >= connections, `Only ${stats.maxOpen} of the ${connections} connections asked for were open at the same time.`, {
        expected: `${connections} connections open at once`,
        received: `at most ${stats.maxOpen} open at once (${stats.opened} opened in all)`,
        fix: 'Open as many connections as options.connections asks, and start every connection loop before awaiting any of them: Promise.all(loops), not one loop after the other.',
      });
      const idle = stats.perConnection.filter((answered) => answered < 2).length;
      expectRun(run, idle === 0, `${idle} of your connections carried fewer than two requests.`, {
        expected: 'every connection used again and again until the deadline',
        received: `requests per connection: ${stats.perConnection.join(', ')}`,
        fix: 'Each connection loop sends, waits for the reply, and sends again until the deadline.',
      });
    }
  });

  it('runs for the duration asked, within 10%, and keeps the load on to the end', { meta: { id: 'duration' } }, async () => {
    // A short run and a long one: a tester that ignores durationMs (a fixed second of its own) fits neither both.
    for (const durationMs of askedPair('durationMs')) {
      const run = await runOnTime(paced, { ...base(), durationMs });
      expectRun(run, inWindow(run.wallMs, durationMs), `runLoadTest ran for ${count(run.wallMs)} ms; ${count(durationMs)} ms were asked for.`, {
        expected: `${count(durationMs * 0.9)} to ${count(durationMs * 1.1 + 100)} ms (±10%, plus 100 ms to open and close connections)`,
        received: `${count(run.wallMs)} ms`,
        fix: 'Compute the deadline once from options.durationMs (performance.now() + durationMs) and have every loop stop when it has passed.',
      });
      expectRun(
        run,
        inWindow(run.report.durationMs, durationMs),
        `The report says the run lasted ${count(run.report.durationMs)} ms; ${count(durationMs)} ms were asked for.`,
        {
          expected: `durationMs within 10% of ${count(durationMs)}, as measured by you`,
          received: `durationMs ${count(run.report.durationMs)}`,
          fix: 'Report the elapsed time you measured with performance.now(), in milliseconds.',
        },
      );
      expectRun(run, run.lateAnswers > 0, `The server got no commands in the last fifth of a ${count(durationMs)} ms run.`, {
        expected: 'commands arriving until the deadline',
        received: 'none after 80% of the duration',
        fix: 'Keep sending until the deadline; do not send a fixed number of commands and then wait.',
      });
    }
  });

  it('counts ERR replies as errors, not as operations, and still ends on time', { meta: { id: 'err-replies' } }, async () => {
    const every = between(7, 13);
    const run = await runOnTime({ ...paced, errorEvery: every }, base());
    const { report, stats, asked } = run;
    expectRun(
      run,
      report.errors <= stats.errors && stats.errors - report.errors <= asked.connections,
      `The report says ${count(report.errors)} errors; the server answered ${count(stats.errors)} commands with ERR.`,
      {
        expected: `errors from ${count(stats.errors - asked.connections)} to ${count(stats.errors)}`,
        received: `errors ${count(report.errors)}`,
        fix: 'A reply that starts with "ERR " is an error: count it in errors, not in totalOps, and do not retry the command. Requests you cut off at the deadline are not errors.',
      },
    );
    expectRun(
      run,
      report.totalOps <= stats.answered && stats.answered - report.totalOps <= asked.connections,
      `The report says ${count(report.totalOps)} operations; the server answered ${count(stats.answered)} without ERR.`,
      {
        expected: `totalOps from ${count(stats.answered - asked.connections)} to ${count(stats.answered)}`,
        received: `totalOps ${count(report.totalOps)}`,
        fix: countsUnanswered(run)
          ? 'Count an operation when its reply arrives, not when you send it: the requests still in flight at the deadline were counted.'
          : 'An ERR reply is not a successful operation: count it only in errors.',
      },
    );
    expectRun(
      run,
      inWindow(run.wallMs, asked.durationMs),
      `With ERR replies, runLoadTest ran for ${count(run.wallMs)} ms; ${asked.durationMs} ms were asked for.`,
      {
        expected: `${count(asked.durationMs * 0.9)} to ${count(asked.durationMs * 1.1 + 100)} ms`,
        received: `${count(run.wallMs)} ms`,
        fix: 'An error ends one request, not the connection loop or the run.',
      },
    );
  });

  it('counts a dropped connection as an error, opens a new one and keeps going until the deadline', { meta: { id: 'dropped-connection' } }, async () => {
    let every = between(40, 80);
    watchCrashes();
    const since = Date.now();
    let run = await runOnTime({ ...paced, dropEvery: every }, { ...base(), connections: 5 });
    if (run.stats.drops === 0 && !opensPerRequest(run)) {
      // A machine so busy that no connection reached its Nth command dropped nothing: again, with a drop it reaches.
      every = Math.max(3, Math.floor(Math.max(0, ...run.stats.perConnection) / 2));
      run = await runOnTime({ ...paced, dropEvery: every }, { ...base(), connections: 5 });
    }
    const { report, stats, asked } = run;
    const crash = firstCrashSince(since);
    // The server drops a connection after its N-th command: with one connection per request it never gets there.
    expectRun(
      run,
      !opensPerRequest(run),
      `Your tester opened ${count(stats.opened)} connections for ${count(stats.answered)} operations, so no connection lived long enough to be dropped.`,
      {
        expected: `${asked.connections} long-lived connections, each dropped by the server after about ${every} commands`,
        received: `${count(stats.opened)} connections opened, ${count(stats.drops)} dropped`,
        fix: 'Keep each connection open across requests first (see the first ✗ about connections); this requirement can then drop them.',
        cause: perRequest,
      },
    );
    expectRun(
      run,
      crash === undefined,
      'Your load tester let an error escape when the server reset a connection; run from the command line, the tool would have crashed.',
      {
        expected: 'no uncaught exception: a reset connection is one error in the report',
        received: `${crash?.name}: ${crash?.message}`,
        fix: "Listen for 'error' on every connected socket (not only while connecting). 'close' follows it, so the 'close' handler can fail the waiting requests.",
      },
    );
    expectRun(
      run,
      report.errors >= stats.drops - asked.connections && report.errors >= 1,
      `The server dropped ${count(stats.drops)} connections; the report says ${count(report.errors)} errors.`,
      {
        expected: `at least ${count(Math.max(1, stats.drops - asked.connections))} errors (one per request lost with its connection)`,
        received: `errors ${count(report.errors)}`,
        fix: "When the socket closes ('close' or 'error') with a request still waiting, reject that request and count one error.",
      },
    );
    expectRun(
      run,
      report.errors <= stats.drops + asked.connections,
      `The report counts ${count(report.errors)} errors for ${count(stats.drops)} dropped connections.`,
      {
        expected: `at most ${count(stats.drops + asked.connections)} errors`,
        received: `errors ${count(report.errors)}`,
        fix: 'Count one error per request lost, not one per loop turn on a dead socket: open a new connection before sending again.',
      },
    );
    expectRun(run, report.totalOps <= stats.answered, 'The report counts operations the server never answered.', {
      expected: `totalOps ≤ ${count(stats.answered)}`,
      received: `totalOps ${count(report.totalOps)}`,
      fix: 'Count an operation only when its reply arrives.',
    });
    expectRun(
      run,
      run.lateAnswers > 0 && inWindow(run.wallMs, asked.durationMs),
      'After the server dropped connections, the load did not go on until the deadline.',
      {
        expected: `commands until the deadline, and a run of ${count(asked.durationMs * 0.9)} to ${count(asked.durationMs * 1.1 + 100)} ms`,
        received: `${count(run.lateAnswers)} commands in the last fifth; the run took ${count(run.wallMs)} ms`,
        fix: 'Count the error, open a new connection and keep looping until the deadline (count the error, do not retry the lost request).',
      },
    );
  });
});
