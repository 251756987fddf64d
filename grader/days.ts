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
  {
    id: 'day3',
    slug: '03-testing',
    title: 'Testing & benchmarking',
    files: ['03-testing/cache.race.test.ts', '03-testing/cache.bench.ts'],
    checkpoints: ['checkpoints/day3/race-tests.test.ts', 'checkpoints/day3/bench.test.ts', 'checkpoints/day3/throughput.test.ts'],
    // One test runs the learner's tests in a nested vitest (five projects, ~3 s) or their benchmarks (~3 s);
    // each nested run stops itself after 45 s, so a checkpoint test needs a little more than that.
    testTimeoutMs: 55_000,
    timeLimitSec: 180,
    hints: [
      'Race test structure: how do you start 100 tasks at once and wait for all of them? Go starts 100 goroutines in a loop and waits with `wg.Wait()`. Here, call an async function 100 times without awaiting each call, keep the promises, and `await Promise.all(promises)`: that line is your `wg.Wait()`. Inside each task, write (and read) its keys with an `await pause()` now and then (`setImmediate` from node:timers/promises) so the tasks really take turns. The checks come after Promise.all resolves: every key, with its exact value.',
      "Benchmark structure: Go's `BenchmarkGet` fills the cache, calls `b.ResetTimer()` so setup is not timed, and loops `b.N` times. With vitest bench, put the setup in the `describe` body (it runs once, untimed) and only the work in `bench('GET', () => { … }, { time: 300, throws: true })`. vitest times every call, and one Map lookup takes about as long as reading the clock, so let each call do 1,000 GETs over different keys and read ops/s as hz × 1,000. `b.RunParallel` has no direct counterpart: one event loop runs one call at a time (see Part B).",
      "Your tests pass, but the grader says they did not notice a planted bug? Ask what each test would see if one write in a hundred vanished, or if get answered with another key's value. A test that only checks that nothing threw, or that a value is defined, cannot tell. Which exact value should each key hold after all the tasks finish?",
      'GET below 100,000 ops/s? What does your get do when 10,000 keys are stored: one Map lookup, or a walk over every entry? Does it copy the store, print a line, or await anything? The grader measures it again with 100 keys and says whether it slows down as the cache grows.',
    ],
  },
  // @day4
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
