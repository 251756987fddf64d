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
  // @day2 (each later day replaces its marker with its entry, keeping the order)
  // @day3
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
  // @day6
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
