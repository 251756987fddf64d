// Day 3 (03-testing): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { code, whenItFails, type Day } from '../day.ts';
import { figure, gates } from '../gates.ts';

/** The "When it fails" entries of days/03-testing/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  testsNotFound: 'The grader cannot find your three tests',
  ownTestFails: 'Your own test fails against your own code',
  plantedBugUnnoticed: 'A planted bug goes unnoticed: your tests check too little',
  raceBugUnnoticed: 'A lost update or a writer beside readers goes unnoticed',
  benchReportsNoFigure: '`vitest bench` reports no figure for GET, SET or mixed',
  benchmarkFarBelow: 'A benchmark far below the gate',
  valueWrongUnder: 'A value is wrong under the mixed 80/20 load',
  raceTestsUnfinished: 'The race tests did not finish',
  testBlockedLoop: 'A race test blocked the event loop',
  testCannotFail: 'A required test passes against the bug its name promises to catch',
  benchFarAbove: 'A benchmark figure far above what the grader measured',
});

export const day3: Day = {
  id: 'day3',
  slug: '03-testing',
  title: 'Testing & benchmarking',
  files: ['03-testing/cache.race.test.ts', '03-testing/cache.bench.ts'],
  checkpoints: ['checkpoints/day3/race-tests.test.ts', 'checkpoints/day3/bench.test.ts', 'checkpoints/day3/throughput.test.ts'],
  // The learner's race tests (five runs side by side: their own code, then each mutant) and benchmarks, run by the
  // grader first; race-tests.test.ts and bench.test.ts judge what came back.
  learnerRuns: [
    {
      name: 'race-tests',
      mode: 'test',
      config: 'checkpoints/day3/race.config.ts',
      needs: '03-testing/cache.race.test.ts',
      limitMs: 45_000,
      // The learner's own code, then each planted bug of checkpoints/day3/mutants.ts, in processes alike but for it.
      variants: ['own', 'loses-writes', 'wrong-key', 'writer-beside-readers', 'lost-update'],
    },
    { name: 'bench', mode: 'bench', config: 'checkpoints/day3/bench.config.ts', needs: '03-testing/cache.bench.ts', limitMs: 45_000 },
  ],
  // Each run above takes ~3 s and is stopped at its limit before the checkpoint starts (grader/learner-runs.ts);
  // the limit of one checkpoint test dates from when a test waited for them and could now be lower.
  testTimeoutMs: 55_000,
  timeLimitSec: 180,
  hints: [
    'Race test structure: how do you start 100 tasks at once and wait for all of them? Go starts 100 goroutines in a loop and waits with ' +
      '`wg.Wait()`. Here, call an async function 100 times without awaiting each call, keep the promises, and `await Promise.all(promises)`: ' +
      'that line is your `wg.Wait()`. Inside each task, write (and read) its keys with an `await pause()` now and then (`setImmediate` from ' +
      'node:timers/promises) so the tasks really take turns. The checks come after Promise.all resolves: every key, with its exact value.' +
      code(
        'const tasks = Array.from({ length: 100 }, async (_, id) => {',
        '  // ... write and read, with `await pause()` now and then ...',
        '});',
        'await Promise.all(tasks); // wait for all tasks, like wg.Wait()',
      ),
    "Benchmark structure: Go's `BenchmarkGet` fills the cache, calls `b.ResetTimer()` so setup is not timed, and loops `b.N` times. With " +
      "vitest bench, put the setup in the `describe` body (it runs once, untimed) and only the work in `bench('GET', () => { … }, { time: " +
      '300, throws: true })`. vitest times every call, and one Map lookup takes about as long as reading the clock, so let each call do 1,000 ' +
      'GETs over different keys and read ops/s as hz × 1,000. `b.RunParallel` has no direct counterpart: one event loop runs one call at ' +
      'a time (see Part B).' +
      code(
        "describe('Cache with 10,000 keys', () => {",
        '  const cache = new Cache();',
        '  const keys = Array.from({ length: 10_000 }, (_, i) => `key:${i}`);',
        "  for (const key of keys) cache.set(key, 'value'); // setup: not timed",
        '  let next = 0;',
        "  bench('GET', () => {",
        '    for (let i = 0; i < 1_000; i += 1) {',
        '      cache.get(keys[next]!); // a different key each time, not one hot key',
        '      next = (next + 1) % keys.length;',
        '    }',
        '  }, { time: 300, throws: true });',
        '});',
      ),
    'Your tests pass, but the grader says they did not notice a planted bug? Ask what each test would see if one write in a hundred vanished, ' +
      "or if get answered with another key's value. A test that only checks that nothing threw, or that a value is defined, cannot tell. " +
      'Which exact value should each key hold after all the tasks finish?',
    `GET below ${figure(gates.get.value)} ops/s? What does your get do when 10,000 keys are stored: one Map lookup, or a walk over every ` +
      `entry? Does it copy the store, print a line, or await anything? The grader measures it again with 100 keys and says whether it slows ` +
      `down as the cache grows.`,
    'Your lock tests pass against a broken lock? A broken RWLock can only show itself at an `await` inside the function you hand ' +
      'to `lock.write` or `lock.read`: before that await, nothing else runs anyway. Where in your counter task is the await between ' +
      'reading the counter and writing it back? Where in your reader is the await between its two reads, while writers change the values?',
    'Each required test must catch, on its own, the bug its name promises: the counter test a lost update, the readers-writers test a ' +
      'writer let in beside readers, the 100-keys test a lost or wrong value. Another test catching it does not count, because then ' +
      'this one proves nothing. Run the test alone in your head against the broken code: which line of it would fail, and why?',
    "Waiting for your tasks in a loop (`while (finished < 100) {}`, a latch as Java's CountDownLatch, a spin on a flag)? In Java the " +
      'tasks run on other threads while you spin; here they run on the same thread, only once your code returns to the event loop, so a ' +
      'loop that never awaits waits forever. Which line hands control back? `await Promise.all(tasks)` is the latch.',
    'Your benchmark reports more than the grader measured on the same Cache? Does every call do its 1,000 GETs over different keys, or ' +
      'one key read again and again (a key picked once, outside the loop)? Is each result used (counted, compared), or could the engine ' +
      "drop a lookup nobody reads? A figure ten times the grader's measures something other than your cache.",
  ],
  // A planted bug is judged only against tests that pass on the learner's own code.
  preconditions: [
    {
      requirement: 'own-tests-pass',
      needs: 'your race tests pass against your own Cache and RWLock (only then can a planted bug make them fail)',
      files: ['checkpoints/day3/race-tests.test.ts'],
    },
  ],
  hintFor: {
    'required-tests': 0,
    'own-tests-pass': 0,
    'tasks-outlived-test': 0,
    'not-judged': 0,
    'bench-runs': 1,
    'notice-loses-writes': 2,
    'notice-wrong-key': 2,
    'notice-writer-beside-readers': 4,
    'notice-lost-update': 4,
    'get-gate': 3,
    'set-gate': 3,
    'test-cannot-fail': 5,
    'event-loop-blocked': 6,
    'bench-result-unused': 7,
    'bench-one-key': 7,
  },
  explain: {
    'required-tests': guide.testsNotFound,
    'own-tests-pass': guide.ownTestFails,
    'notice-loses-writes': guide.plantedBugUnnoticed,
    'notice-wrong-key': guide.plantedBugUnnoticed,
    'notice-writer-beside-readers': guide.raceBugUnnoticed,
    'notice-lost-update': guide.raceBugUnnoticed,
    'bench-runs': guide.benchReportsNoFigure,
    'get-gate': guide.benchmarkFarBelow,
    'set-gate': guide.benchmarkFarBelow,
    'mixed-load': guide.valueWrongUnder,
    '(a check that hangs)': guide.raceTestsUnfinished,
  },
  // The message names that cause and its fix; the requirement's entry (tests that check too little) would mislead.
  causes: {
    'tasks-outlived-test': 'none',
    'not-judged': 'none',
    'event-loop-blocked': guide.testBlockedLoop,
    'test-cannot-fail': guide.testCannotFail,
    'bench-result-unused': guide.benchFarAbove,
    'bench-one-key': guide.benchFarAbove,
  },
};
