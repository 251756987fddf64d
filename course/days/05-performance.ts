// Day 5 (05-performance): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { whenItFails, type Day } from '../day.ts';
import { figure, gates } from '../gates.ts';

/** The "When it fails" entries of days/05-performance/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  tuningBrokeDay: 'Tuning broke the day-2 protocol',
  farBelowLoad: 'Far below the load gate',
  belowRedis: 'Below half of Redis, side by side',
  tooClose: 'Too close to call on this machine right now',
  memoryGrows: 'Memory grows under load',
  loadTesterGraders: "Your load tester and the grader's disagree",
  errorsUnderLoad: 'Errors under load: the gate needs 0 errors',
});

export const day5: Day = {
  id: 'day5',
  slug: '05-performance',
  title: `Over ${figure(gates.load.value)} ops/s, side by side with real Redis`,
  files: ['05-performance/server.ts', '05-performance/resp.ts'],
  checkpoints: ['checkpoints/day5/performance.test.ts'],
  bonus: ['checkpoints/day5/resp.bonus.test.ts'],
  testTimeoutMs: 45_000,
  timeLimitSec: 150,
  hints: [
    'Batching writes: how many times does your server call `socket.write` for one `data` chunk? Each call is a trip into the kernel, and ' +
      'under load one chunk often carries many commands. Collect the replies to every line of the chunk in one string and write it once — ' +
      'or call `socket.cork()` before the loop and `socket.uncork()` after it, which batches for you.',
    "Is a small reply waiting before it leaves? Unless told otherwise a socket may hold a small write back (Nagle's algorithm) until more " +
      'data comes or the other side acknowledges. Call `socket.setNoDelay(true)` on every accepted socket: request/reply protocols such as ' +
      "Redis's always do.",
    'What runs for every single line? A `console.log` per command is a synchronous write to a terminal or pipe, often dearer than the command ' +
      'itself; so are a regex split, `JSON.stringify` of each command, and re-splitting the whole buffer on every chunk. Take logging out ' +
      'of the hot path (or log a count once a second) and touch each byte once.',
    'How to read the figures? Throughput (ops/s) is work finished per second; latency is how long one request waited. With one request in ' +
      'flight per connection, throughput ≈ connections ÷ latency. On two cores your server and your load tester own one core each: once the ' +
      "server's core is full, more connections only lengthen the queue — latency rises, ops/s stays flat. Measure real Redis under the same " +
      'client before calling a figure slow.',
    'Did the tuning change what is answered? One `data` chunk can hold several commands (a pipelining client sends them in one write) and ' +
      'can end in the middle of one. Loop over every complete line of the chunk, in order, collecting the replies; keep the unfinished tail ' +
      'for the next chunk; then write the collected replies once. Answering only the first line of a chunk, or parsing the chunk as if it ' +
      'were one line, passes a one-by-one session and fails under load.',
  ],
  hintFor: {
    'day2-protocol': 4,
    'memory-flat': 2,
    'load-gate': 0,
    'generator-confirms': 2,
    'over-reports': 3,
  },
  // A server that does not start, or no longer speaks the day-2 protocol, makes every measurement after it meaningless.
  preconditions: [
    { requirement: 'day2-protocol', needs: 'the tuned server starts and answers the day-2 protocol, one by one, pipelined and split across writes' },
    // A server that keeps everything it was sent slows down as it grows: its speed figures would only repeat that cause.
    { requirement: 'memory-flat', needs: "the server's memory stays flat under load", files: ['checkpoints/day5/performance.test.ts'] },
  ],
  explain: {
    'day2-protocol': guide.tuningBrokeDay,
    'memory-flat': guide.memoryGrows,
    'load-gate': guide.farBelowLoad,
    'generator-confirms': guide.belowRedis,
    'redis-beside': guide.errorsUnderLoad,
    'resp-ping': 'none',
    'redis-cli': 'none',
    'redis-benchmark': 'none',
    'drives-redis': 'none',
  },
  causes: {
    'over-reports': guide.loadTesterGraders,
    'connection-reset': guide.errorsUnderLoad,
    'server-crashed': guide.errorsUnderLoad,
  },
};
