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
  // @day4
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
