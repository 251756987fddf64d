// Day 4 (04-loadtest): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { whenItFails, type Day } from '../day.ts';

/** The "When it fails" entries of days/04-loadtest/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  reportDisagreesServer: 'Your report disagrees with what the server counted',
  connectionsPerRequest: 'Connections are opened per request, or one after another',
  runTooShortOrLong: 'The run does not last as long as asked',
  errorsUncounted: 'The tester reports 0 errors while the server logs errors',
  droppedConnectionStops: 'A dropped connection stops the run or is miscounted',
  latencyFiguresInconsistent: 'Latency figures do not add up',
  notPercentiles: 'p50 and p99 are not percentiles of the latencies',
  loopBlocked: 'The event loop was blocked: nothing else could run',
  cutoffAsErrors: 'Requests cut off at the deadline are counted as errors',
  mixOrKeysWrong: 'The GET/SET mix or the keys are not what was asked',
  reportFieldNan: 'A report field is `NaN`, a string or missing',
  resultsBlockDiffers: "The results block does not match the guide's",
  npmRunLoadtest: '`npm run loadtest` prints a stack trace or exits with the wrong code',
});

export const day4: Day = {
  id: 'day4',
  slug: '04-loadtest',
  title: 'Load testing tool',
  files: ['04-loadtest/loadtest.ts', '04-loadtest/main.ts'],
  exports: { '04-loadtest/loadtest.ts': ['runLoadTest', 'formatReport'] },
  checkpoints: [
    'checkpoints/day4/honesty.test.ts',
    'checkpoints/day4/overrun.test.ts',
    'checkpoints/day4/measures.test.ts',
    'checkpoints/day4/percentiles.test.ts',
    'checkpoints/day4/report.test.ts',
    'checkpoints/day4/cli.test.ts',
  ],
  bonus: ['checkpoints/day4/workers.bonus.test.ts'],
  testTimeoutMs: 45_000,
  timeLimitSec: 120,
  hints: [
    'How do you count safely? Go needs `atomic.AddUint64` because goroutines run at the same time. Node runs all your connection loops on ' +
      'one event loop, one callback at a time, so a plain `totalOps += 1` can never be lost. Only when you spread connections over worker_threads ' +
      'do several threads share a counter: then put it in a SharedArrayBuffer and use `Atomics.add(counters, 0, 1)`. Either way, count an ' +
      'operation when its reply arrives, and an `ERR` reply or a dropped connection as an error.',
    'How do you time it? Take `const start = performance.now()` once, have each connection loop stop sending once `performance.now() - ' +
      'start >= durationMs`, and measure the elapsed time at the end. Throughput is `totalOps / (elapsedMs / 1000)`. For latency, note `performance.now()` just before writing ' +
      'a request and again when its reply arrives; keep the differences (or a histogram) for the average, p50 and p99.',
    'How do many connections run at once? Write one async function that opens a socket, then loops (send a command, await its reply, count ' +
      'it) until the deadline, keeping the same socket open the whole time. Start one per connection and wait for all of them with `await ' +
      'Promise.all(loops)`. Each loop has at most one request in flight, so replies come back in the order you sent them.',
    'What are p50 and p99? Not averages: sort the latency of every request of the run (all connections together) and read the value halfway ' +
      'up for p50 and 99% of the way up for p99. If one request in ten is slow, p99 is a slow one however fast the rest are; an average, ' +
      'or an average per connection, spreads those slow requests thin and hides them. Keep every latency in one array, or count them in a ' +
      'histogram (hdr-histogram-js does both p50 and p99), and read the percentiles once, at the end.',
    'How do you wait for the deadline? Not with `while (performance.now() < deadline) {}`: Node runs your code and every socket on one ' +
      'thread, so a loop that never awaits holds that thread, and no reply, timer or connection gets a turn until it ends. Java would park ' +
      'a thread; Node awaits a promise: `await new Promise((done) => setTimeout(done, durationMs))`, or let each connection loop check the ' +
      'deadline before it sends and `await Promise.all(loops)`.',
    'What happens to the requests in flight at the deadline? Each connection has at most one, and when you close the sockets it never gets ' +
      'its reply. It did not fail, and it did not complete: count it neither as an operation nor as an error. Set a `stopped` flag before ' +
      "you close the sockets, and have the 'close' handler count a lost request as an error only while the run was not stopped.",
  ],
  hintFor: {
    'counts-unanswered': 0,
    'wrong-duration': 1,
    'latency-not-timed': 1,
    'connection-per-request': 2,
    'not-percentiles': 3,
    'p99-is-max': 3,
    percentiles: 3,
    'event-loop-blocked': 4,
    'counts-cutoff-as-errors': 5,
  },
  explain: {
    'exact-count': guide.reportDisagreesServer,
    connections: guide.connectionsPerRequest,
    duration: guide.runTooShortOrLong,
    overrun: guide.runTooShortOrLong,
    'err-replies': guide.errorsUncounted,
    'dropped-connection': guide.droppedConnectionStops,
    latency: guide.latencyFiguresInconsistent,
    percentiles: guide.notPercentiles,
    mix: guide.mixOrKeysWrong,
    'report-numbers': guide.reportFieldNan,
    'results-block': guide.resultsBlockDiffers,
    'cli-run': guide.npmRunLoadtest,
    'cli-bad-options': guide.npmRunLoadtest,
    'workers-honest': 'none', // a stretch: its failure says what to do, and the scored formats leave it out
  },
  // The --workers stretch counts like the required runs, over threads: it runs only once they count honestly.
  preconditions: [
    { requirement: 'exact-count', needs: 'runLoadTest reports exactly the operations the server answered', files: ['checkpoints/day4/workers.bonus.test.ts'] },
    { requirement: 'connections', needs: 'runLoadTest opens the connections asked for and keeps them open', files: ['checkpoints/day4/workers.bonus.test.ts'] },
    { requirement: 'duration', needs: 'runLoadTest runs for the duration asked', files: ['checkpoints/day4/workers.bonus.test.ts'] },
    { requirement: 'err-replies', needs: 'runLoadTest counts ERR replies as errors', files: ['checkpoints/day4/workers.bonus.test.ts'] },
  ],
  causes: {
    'connection-per-request': guide.connectionsPerRequest,
    'wrong-duration': guide.runTooShortOrLong,
    'counts-unanswered': guide.reportDisagreesServer,
    'counts-cutoff-as-errors': guide.cutoffAsErrors,
    'latency-not-timed': guide.latencyFiguresInconsistent,
    'not-percentiles': guide.notPercentiles,
    'p99-is-max': guide.notPercentiles,
    'event-loop-blocked': guide.loopBlocked,
  },
};
