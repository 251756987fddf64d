// The manifest: every day of the workbook, in order. The CLI, the tests, CI and the docs read only this.

/** One day of the workbook. Paths are relative to a tree laid out like days/ (or to the repo for checkpoints). */
export interface Day {
  /** Short id used on the command line: `day1`. `1` and `01-cache` are accepted too. */
  id: string;
  /** Folder name inside days/ and solutions/. */
  slug: string;
  /** Title shown in reports. */
  title: string;
  /** Files the learner edits, relative to the tree (e.g. `01-cache/cache.ts`). */
  files: string[];
  /** Checkpoint suites run by the grader, relative to the repo root. */
  checkpoints: string[];
  /** Stretch suites, run after the checkpoints: their failures are reported but do not fail the day. */
  bonus?: string[];
  /** Time one checkpoint test may take before it is called stuck, in milliseconds. */
  testTimeoutMs: number;
  /** Time the whole day may take before the grader stops it, in seconds. */
  timeLimitSec: number;
  /** Question-style hints, revealed one at a time by `npm run hint`. */
  hints: string[];
}

export const days: Day[] = [
  {
    id: 'day1',
    slug: '01-cache',
    title: 'Core cache data structure',
    files: ['01-cache/cache.ts', '01-cache/rwlock.ts'],
    checkpoints: ['checkpoints/day1/cache.test.ts', 'checkpoints/day1/rwlock.race.test.ts'],
    testTimeoutMs: 5_000,
    timeLimitSec: 60,
    hints: [
      'Which data structure? JavaScript has a built-in hash table made for this: `Map<string, string>`. Prefer it to a plain object, where a key such as "__proto__" or "constructor" is not an ordinary key. Keep it in a private field so each `new Cache()` owns its own.',
      'Why is a Map not "thread-safe"? Go crashes with "fatal error: concurrent map writes"; JavaScript never will, because only one callback runs at a time and a single `map.set` cannot be interrupted. The danger is a read-modify-write that contains an `await`: read, await, write, and another task changed the value in between. That lost update is what the lock is for.',
      'Which primitive? Go has `sync.RWMutex`: many readers OR one writer, never both. Build the same for async code: `read(fn)` (Go\'s `RLock`) lets readers share; `write(fn)` (Go\'s `Lock`) waits until it is alone. Keep a count of readers inside, a flag for a writer inside, and a queue of waiters; while a writer waits, new readers queue behind it so it is not starved.',
      'How to structure it? A class wraps the Map; its methods are the only way in. In RWLock, run the caller\'s function as `try { return await fn(); } finally { release(); }` so a throwing `fn` still lets the next waiter in, and its error still reaches the caller.',
    ],
  },
  {
    id: 'day2',
    slug: '02-server',
    title: 'TCP server',
    files: ['02-server/protocol.ts', '02-server/server.ts'],
    checkpoints: [
      'checkpoints/day2/protocol.test.ts',
      'checkpoints/day2/clients.test.ts',
      'checkpoints/day2/lifecycle.test.ts',
      'checkpoints/day2/server.race.test.ts',
    ],
    bonus: ['checkpoints/day2/stretch.test.ts'],
    testTimeoutMs: 10_000,
    timeLimitSec: 120,
    hints: [
      'Which function listens on a TCP port? Go has `net.Listen` and an `Accept` loop; Node has `createServer` from "node:net": `const server = createServer((socket) => { … })`, then `server.listen(port, host, callback)`. There is no accept loop to write: Node calls your function once for every new connection. With port 0 the system picks a free port, and `(server.address() as AddressInfo).port` tells you which.',
      'How do clients run at the same time? Go starts one goroutine per connection. Node has one event loop that serves every socket, and the function you gave createServer is each connection\'s own handler: the variables it creates (such as the bytes not yet answered) belong to that client alone. A client holds up the others only if a handler blocks the loop (a long synchronous loop), or if all connections share one buffer. The cache, on the other hand, is created once and shared by every handler.',
      'How do you read one line at a time? Go\'s `bufio.Scanner` has no twin on a socket: a \'data\' chunk can hold half a line, or five lines, or end inside a multi-byte character. Keep the bytes not yet used in a Buffer, append each chunk, and while it contains "\\n" cut one line off the front and decode it. `node:readline` (`createInterface({ input: socket })`) looks tempting, but it has no length limit, takes a lone "\\r" for a line end, and hands you the half-sent last line as a whole one when the client disconnects; count the bytes yourself and drop what is left when the socket closes.',
      'How do you split a command into words? Go\'s `strings.Fields(line)` becomes `line.trim().split(/\\s+/)` (or split on " " and drop the empty words). Compare `words[0].toUpperCase()` with "SET", "GET", "DEL", check `words.length` before using an argument, and answer anything else with one line starting "ERR ": a throw inside a \'data\' handler takes the whole server down.',
    ],
  },
  {
    id: 'day3',
    slug: '03-testing',
    title: 'Testing & benchmarking',
    files: ['03-testing/cache.race.test.ts', '03-testing/cache.bench.ts'],
    checkpoints: ['checkpoints/day3/race-tests.test.ts', 'checkpoints/day3/bench.test.ts', 'checkpoints/day3/throughput.test.ts'],
    // One test runs the learner's tests in a nested vitest (five projects, ~3 s) or their benchmarks (~3 s).
    testTimeoutMs: 40_000,
    timeLimitSec: 150,
    hints: [
      'Race test structure: how do you start 100 tasks at once and wait for all of them? Go starts 100 goroutines in a loop and waits with `wg.Wait()`. Here, call an async function 100 times without awaiting each call, keep the promises, and `await Promise.all(promises)`: that line is your `wg.Wait()`. Inside each task, write (and read) its keys with an `await pause()` now and then (`setImmediate` from node:timers/promises) so the tasks really take turns. The checks come after Promise.all resolves: every key, with its exact value.',
      "Benchmark structure: Go's `BenchmarkGet` fills the cache, calls `b.ResetTimer()` so setup is not timed, and loops `b.N` times. With vitest bench, put the setup in the `describe` body (it runs once, untimed) and only the work in `bench('GET', () => { … }, { time: 300, throws: true })`. vitest times every call, and one Map lookup takes about as long as reading the clock, so let each call do 1,000 GETs over different keys and read ops/s as hz × 1,000. `b.RunParallel` has no direct counterpart: one event loop runs one call at a time (see Part B).",
      "Your tests pass, but the grader says they did not notice a planted bug? Ask what each test would see if one write in a hundred vanished, or if get answered with another key's value. A test that only checks that nothing threw, or that a value is defined, cannot tell. Which exact value should each key hold after all the tasks finish?",
      'GET below 100,000 ops/s? What does your get do when 10,000 keys are stored: one Map lookup, or a walk over every entry? Does it copy the store, print a line, or await anything? The grader measures it again with 100 keys and says whether it slows down as the cache grows.',
    ],
  },
  {
    id: 'day4',
    slug: '04-loadtest',
    title: 'Load testing tool',
    files: ['04-loadtest/loadtest.ts', '04-loadtest/main.ts'],
    checkpoints: ['checkpoints/day4/loadtest.test.ts', 'checkpoints/day4/report.test.ts', 'checkpoints/day4/cli.test.ts'],
    testTimeoutMs: 45_000,
    timeLimitSec: 120,
    hints: [
      'How do you count safely? Go needs `atomic.AddUint64` because goroutines run at the same time. Node runs all your connection loops on one event loop, one callback at a time, so a plain `totalOps += 1` can never be lost. Only when you spread connections over worker_threads do several threads share a counter: then put it in a SharedArrayBuffer and use `Atomics.add(counters, 0, 1)`. Either way, count an operation when its reply arrives, and an `ERR` reply or a dropped connection as an error.',
      'How do you time it? Take `const start = performance.now()` once, run until `performance.now() - start >= durationMs`, and measure the elapsed time at the end. Throughput is `totalOps / (elapsedMs / 1000)`. For latency, note `performance.now()` just before writing a request and again when its reply arrives; keep the differences (or a histogram) for the average, p50 and p99.',
      'How do many connections run at once? Write one async function that opens a socket, then loops (send a command, await its reply, count it) until the deadline, keeping the same socket open the whole time. Start one per connection and wait for all of them with `await Promise.all(loops)`. Each loop has at most one request in flight, so replies come back in the order you sent them.',
    ],
  },
  // @day5
  {
    id: 'day6',
    slug: '06-docs',
    title: 'Documentation & validation',
    files: ['06-docs/project/examples/library.ts', '06-docs/project/examples/server.ts'],
    checkpoints: ['checkpoints/day6/checklist.test.ts'],
    // Step 2 re-runs the checkpoints of days 1–5 (unchanged, passing days are reused, like `go test`'s cache).
    testTimeoutMs: 240_000,
    timeLimitSec: 600,
    hints: [
      'Which four questions must your README answer? What does the cache do, how do I run it, how do I test it, and how fast is it? For the last one, quote the figures the grader measured (`npm run grade` prints them under each day), not the ones you hope for: a figure more than 50% away from the measured one is flagged.',
      'A step of the checklist shows ✗ and you want more detail? Every line ends with the command that shows it: run that command by hand (`npm run typecheck`, `npx prettier --check days`, `npm run check day3`, `npm start`). What does it print that the one-line summary leaves out?',
      'Prettier says a file is not formatted? Run `npx prettier --write` on the file it names, then look at `git diff`: what did it change? Formatting is not taste here; it is the same rule for everyone, like `go fmt`.',
      'The lint found a `console.log` in library code or an export nothing uses? Who reads that line: the user of your library, or you while debugging? A library should stay quiet; printing belongs in `main.ts` or an example. An export nothing imports and the checkpoint does not require is not part of your API: drop the `export`, or the code.',
      'Does an example say what it prints? Put the lines it should print under a `// Expected output:` comment at its end, run it with `node --import tsx days/06-docs/project/examples/library.ts`, and compare. Does it also end by itself, closing the server it started?',
      'Stuck on the reflection? Think back to the moment you were most stuck this week: what was the question you could not answer, and what answered it? That is your "hardest", and often your "learned". What did you expect to be slow that was fast, or simple that was not?',
    ],
  },
];

/** Finds a day by `day1`, `1`, `01` or `01-cache`; undefined when nothing matches. */
export function findDay(name: string): Day | undefined {
  const wanted = name.trim().toLowerCase();
  return days.find((day) => {
    const number = String(dayNumber(day));
    return [day.id, day.slug, number, number.padStart(2, '0')].includes(wanted);
  });
}

/** The day after `day`, if any. */
export function nextDay(day: Day): Day | undefined {
  return days[days.indexOf(day) + 1];
}

/** The day's number, read from its folder name (`01-cache` is day 1). */
export function dayNumber(day: Day): number {
  return Number.parseInt(day.slug, 10);
}
