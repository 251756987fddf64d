// The manifest: every day of the workbook, in order. The CLI, the tests, CI and the docs read only this.
import { figure, gates } from './gates.ts';

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
  /**
   * The exports the checkpoints load from the learner's files, file → names (docs/architecture.md's learner-facing
   * modules). Day 6 counts them as used, and their files as library code that must not print (course/derived.ts);
   * the lint checks the scaffold, the solution, CHECKPOINT.md and docs/architecture.md name each.
   */
  exports?: Record<string, string[]>;
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
  /**
   * Which hint addresses a failure: a cause kind (harness/cause.ts) or a requirement's id → the hint's index (from 0).
   * When the last check failed, `npm run hint` shows that hint first; the cause wins over the requirement.
   */
  hintFor?: Record<string, number>;
  /**
   * Why a checkpoint test fails: the requirement's id (`it('…', { meta: { id } }, …)`) → a `###` entry of the guide's "When it fails" section
   * (`anchor` as GitHub makes it, `title` the heading's text), or 'none' on purpose. The key `(a check that hangs)`
   * is used for any test that did not finish. Every checkpoint test needs one (test/explain.test.ts).
   */
  explain?: Record<string, Explanation | 'none'>;
  /**
   * Why a failure happened, when the checkpoint observed its cause (harness/cause.ts): cause kind → the
   * one guide entry that explains it. It wins over `explain`; a kind not listed falls back to the requirement's entry.
   */
  causes?: Partial<Record<string, Explanation | 'none'>>;
  /** False when the day's checkpoint runs tsc itself (day 6); otherwise `check` compiles the day's files first. */
  typecheck?: boolean;
  /** Requirements the others depend on, in run order: when one fails, its dependents are not run. */
  preconditions?: Precondition[];
  /** Set when some requirements re-check earlier days' work, so they can hold before this day is started. */
  rechecks?: string;
  /** Earlier days the grader runs (or reuses) before this day's checkpoint and hands it the results of (day 6). */
  earlier?: string[];
  /** The requirement ids that fail whenever one of `earlier` fails (the class view shows them as one cascade). */
  cascade?: string[];
  /** Runs of the learner's own test or benchmark files the grader makes before this day's checkpoint and hands in. */
  learnerRuns?: LearnerRun[];
}

/** A vitest run of the learner's own files; the checkpoint reads its result by `name` (harness/hand-in.ts). */
export interface LearnerRun {
  name: string;
  /** `vitest run` or `vitest bench --run`. */
  mode: 'test' | 'bench';
  /** The vitest config that picks the learner's files, relative to the repo (it reads CACHELINGS_TARGET). */
  config: string;
  /** A file of the tree the run needs, if any: without it the run is not made (the checkpoint says it is missing). */
  needs?: string;
  /** How long the run may take before it is stopped, in milliseconds. */
  limitMs: number;
}

/** A requirement the rest of a day depends on (the server starts; handleLine answers the basic session). */
export interface Precondition {
  /** The requirement's id (declared beside its sentence in the checkpoint). */
  requirement: string;
  /** What it establishes, shown as `not run — needs: <needs>`. */
  needs: string;
  /** The checkpoint files whose requirements depend on it (default: every file of the day, bonus included). */
  files?: string[];
  /** `describe` groups of those files that do not depend on it. */
  exceptGroups?: string[];
}

/** A link from a failing requirement to the guide entry that explains it. */
export interface Explanation {
  anchor: string;
  title: string;
}

/** A hint's code, shown after its words by `npm run hint` and folded with them in the guide. */
function code(...lines: string[]): string {
  return `\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\``;
}

export const days: Day[] = [
  {
    id: 'day1',
    slug: '01-cache',
    title: 'Core cache data structure',
    files: ['01-cache/cache.ts', '01-cache/rwlock.ts'],
    exports: { '01-cache/cache.ts': ['Cache'], '01-cache/rwlock.ts': ['RWLock'] },
    checkpoints: ['checkpoints/day1/cache.test.ts', 'checkpoints/day1/rwlock.race.test.ts'],
    testTimeoutMs: 5_000,
    timeLimitSec: 60,
    hints: [
      'Which data structure? JavaScript has a built-in hash table made for this: `Map<string, string>`. Prefer it to a plain object, where a key such as "__proto__" or "constructor" is not an ordinary key. Keep it in a private field so each `new Cache()` owns its own.',
      'Why is a Map not "thread-safe"? Go crashes with "fatal error: concurrent map writes"; JavaScript never will, because only one callback runs at a time and a single `map.set` cannot be interrupted. The danger is a read-modify-write that contains an `await`: read, await, write, and another task changed the value in between. That lost update is what the lock is for.',
      'Which primitive? Go has `sync.RWMutex`: many readers OR one writer, never both. Build the same for async code: `read(fn)` (Go\'s `RLock`) lets readers share; `write(fn)` (Go\'s `Lock`) waits until it is alone. Keep a count of readers inside, a flag for a writer inside, and a queue of waiters; while a writer waits, new readers queue behind it so it is not starved.',
      'How to structure it? A class wraps the Map; its methods are the only way in. In RWLock, run the caller\'s function as `try { return await fn(); } finally { release(); }` so a throwing `fn` still lets the next waiter in, and its error still reaches the caller.',
    ],
    hintFor: {
      'missing-not-undefined': 0,
      'caches-apart': 0,
      'odd-keys': 0,
      'no-lost-update': 1,
      'lock-overlap': 2,
      'released-early': 2,
      'readers-share': 2,
      'writer-first': 2,
      'release-on-throw': 3,
      'lock-returns': 3,
    },
    explain: {
      'stores-keys': { anchor: 'get-does-not-return-what-set-stored', title: '`get` does not return what `set` stored' },
      'delete-forgets': { anchor: 'delete-leaves-the-key-behind-or-answers-wrongly', title: '`delete` leaves the key behind, or answers wrongly' },
      'set-replaces': { anchor: 'get-does-not-return-what-set-stored', title: '`get` does not return what `set` stored' },
      'missing-is-undefined': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
      'empty-not-missing': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
      'delete-answers': { anchor: 'delete-leaves-the-key-behind-or-answers-wrongly', title: '`delete` leaves the key behind, or answers wrongly' },
      'caches-apart': { anchor: 'a-key-set-in-one-cache-shows-up-in-another', title: 'A key set in one cache shows up in another' },
      'odd-keys': { anchor: 'keys-like-__proto__-or-constructor-come-back-wrong', title: 'Keys like `__proto__` or `constructor` come back wrong' },
      'lock-returns': { anchor: 'read-or-write-resolves-to-undefined', title: '`read` or `write` resolves to undefined' },
      'readers-share': { anchor: 'readers-take-turns-instead-of-sharing', title: 'Readers take turns instead of sharing' },
      'writer-alone': { anchor: 'a-writer-is-inside-the-lock-with-someone-else', title: 'A writer is inside the lock with someone else' },
      'writer-first': { anchor: 'a-waiting-writer-is-overtaken-by-new-readers', title: 'A waiting writer is overtaken by new readers' },
      'release-on-throw': { anchor: 'after-a-function-throws-the-lock-stays-taken', title: 'After a function throws, the lock stays taken' },
      'no-lost-update': { anchor: 'a-lost-update-100-increments-end-below-100', title: 'A lost update: 100 increments end below 100' },
      '(a check that hangs)': { anchor: 'a-check-hangs-did-not-finish-within-n-s', title: 'A check hangs: "did not finish within N s"' },
    },
    causes: {
      'lock-overlap': { anchor: 'a-writer-is-inside-the-lock-with-someone-else', title: 'A writer is inside the lock with someone else' },
      'released-early': { anchor: 'the-lock-is-released-before-your-function-finishes', title: 'The lock is released before your function finishes' },
      'missing-not-undefined': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
    },
    preconditions: [
      { requirement: 'stores-keys', needs: 'Cache.set stores a value and Cache.get returns it', files: ['checkpoints/day1/cache.test.ts'] },
      { requirement: 'lock-returns', needs: 'RWLock.read and RWLock.write resolve to what the function returns', files: ['checkpoints/day1/rwlock.race.test.ts'] },
    ],
  },
  {
    id: 'day2',
    slug: '02-server',
    title: 'TCP server',
    files: ['02-server/protocol.ts', '02-server/server.ts'],
    exports: { '02-server/protocol.ts': ['handleLine'], '02-server/server.ts': ['startServer'] },
    checkpoints: [
      'checkpoints/day2/protocol.test.ts',
      'checkpoints/day2/clients.test.ts',
      'checkpoints/day2/lifecycle.test.ts',
      'checkpoints/day2/server.race.test.ts',
    ],
    bonus: ['checkpoints/day2/stretch.test.ts'],
    // The race-stress tests take about 2 s on a quiet machine and 10 s on a loaded one; nothing else waits on these limits.
    testTimeoutMs: 20_000,
    timeLimitSec: 180,
    hints: [
      'Which function listens on a TCP port? Go has `net.Listen` and an `Accept` loop; Node has `createServer` from "node:net": `const server = createServer((socket) => { … })`, then `server.listen(port, host, callback)`. There is no accept loop to write: Node calls your function once for every new connection. With port 0 the system picks a free port, and `(server.address() as AddressInfo).port` tells you which.',
      'How do clients run at the same time? Go starts one goroutine per connection. Node has one event loop that serves every socket, and the function you gave createServer is each connection\'s own handler: the variables it creates (such as the bytes not yet answered) belong to that client alone. A client holds up the others only if a handler blocks the loop (a long synchronous loop), or if all connections share one buffer. The cache, on the other hand, is created once and shared by every handler.',
      'How do you read one line at a time? Go\'s `bufio.Scanner` has no twin on a socket: a \'data\' chunk can hold half a line, or five lines, or end inside a multi-byte character. Keep the bytes not yet used in a Buffer, append each chunk, and while it contains "\\n" cut one line off the front and decode it. `node:readline` (`createInterface({ input: socket })`) looks tempting, but it has no length limit, takes a lone "\\r" for a line end, and hands you the half-sent last line as a whole one when the client disconnects; count the bytes yourself and drop what is left when the socket closes.',
      'How do you split a command into words? Go\'s `strings.Fields(line)` becomes `line.trim().split(/\\s+/)` (or split on " " and drop the empty words). Compare `words[0].toUpperCase()` with "SET", "GET", "DEL", check `words.length` before using an argument, and answer anything else with one line starting "ERR ": a throw inside a \'data\' handler takes the whole server down.',
    ],
    hintFor: {
      'server-not-started': 0,
      'start-never-resolves': 0,
      'shared-buffer': 1,
      'other-client-waits': 1,
      'shared-cache': 1,
      'line-in-pieces': 2,
      'cr-kept': 2,
      'no-line-limit': 2,
      'vanished-half-line': 2,
      'handleLine-wrong': 3,
      'connection-reset': 3,
    },
    explain: {
      'starts': { anchor: 'econnrefused-nothing-is-listening-there-yet', title: '`ECONNREFUSED`: nothing is listening there yet' },
      'handle-basics': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'blank-is-null': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'seed-session': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'any-case': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'crlf': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'unknown-command': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'wrong-arity': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'blank-ignored': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'utf8': { anchor: 'a-multi-byte-character-split-between-two-chunks-is-garbled', title: 'A multi-byte character split between two chunks is garbled' },
      'split-writes': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'byte-at-a-time': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'pipelined': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'split-mid-word': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'split-character': { anchor: 'a-multi-byte-character-split-between-two-chunks-is-garbled', title: 'A multi-byte character split between two chunks is garbled' },
      'shared-cache': { anchor: 'clients-do-not-see-each-others-keys', title: 'Clients do not see each other\'s keys' },
      'two-clients': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'half-line-waits-alone': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'line-limit': { anchor: 'a-line-over-64-kib-is-not-refused', title: 'A line over 64 KiB is not refused' },
      'long-line': { anchor: 'a-line-over-64-kib-is-not-refused', title: 'A line over 64 KiB is not refused' },
      'binary-garbage': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'invalid-utf8': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'vanished-kept': { anchor: 'a-client-that-vanished-mid-command', title: 'A client that vanished mid-command' },
      'vanished-half-line': { anchor: 'a-client-that-vanished-mid-command', title: 'A client that vanished mid-command' },
      'given-cache': { anchor: 'clients-do-not-see-each-others-keys', title: 'Clients do not see each other\'s keys' },
      'close-disconnects': { anchor: 'close-hangs-or-leaves-the-port-busy', title: '`close()` hangs or leaves the port busy' },
      'close-frees-port': { anchor: 'eaddrinuse-the-port-is-already-taken', title: '`EADDRINUSE`: the port is already taken' },
      'close-leaves-nothing': { anchor: 'close-hangs-or-leaves-the-port-busy', title: '`close()` hangs or leaves the port busy' },
      'loopback-only': { anchor: 'the-server-listens-on-every-interface', title: 'The server listens on every interface' },
      'race-writers': { anchor: 'race-stress-a-reply-went-to-the-wrong-line-or-a-value-came-back-cut-short', title: 'Race-stress: a reply went to the wrong line, or a value came back cut short' },
      'race-readers-writers': { anchor: 'race-stress-a-reply-went-to-the-wrong-line-or-a-value-came-back-cut-short', title: 'Race-stress: a reply went to the wrong line, or a value came back cut short' },
      'quoted-values': 'none',
      'ping': 'none',
      'quit': 'none',
      '(a check that hangs)': { anchor: 'no-reply-arrives-no-reply-within-n-ms', title: 'No reply arrives: "no reply within N ms"' },
    },
    causes: {
      'server-not-started': { anchor: 'econnrefused-nothing-is-listening-there-yet', title: '`ECONNREFUSED`: nothing is listening there yet' },
      'start-never-resolves': { anchor: 'startserver-never-resolves', title: '`startServer` never resolves' },
      'connection-reset': { anchor: 'econnreset-epipe-or-eof-the-server-dropped-the-connection', title: '`ECONNRESET`, `EPIPE` or EOF: the server dropped the connection' },
      'no-reply': { anchor: 'no-reply-arrives-no-reply-within-n-ms', title: 'No reply arrives: "no reply within N ms"' },
      'no-line-limit': { anchor: 'a-line-over-64-kib-is-not-refused', title: 'A line over 64 KiB is not refused' },
      'no-newline': { anchor: 'no-reply-arrives-no-reply-within-n-ms', title: 'No reply arrives: "no reply within N ms"' },
      'handleLine-wrong': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'line-in-pieces': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'other-client-waits': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'shared-buffer': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'cr-kept': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'close-incomplete': { anchor: 'close-hangs-or-leaves-the-port-busy', title: '`close()` hangs or leaves the port busy' },
      'port-in-use': { anchor: 'eaddrinuse-the-port-is-already-taken', title: '`EADDRINUSE`: the port is already taken' },
    },
    preconditions: [
      { requirement: 'starts', needs: 'startServer resolves with { port, close } and a client can connect', exceptGroups: ['handleLine'] },
      { requirement: 'handle-basics', needs: 'handleLine answers SET, GET, DEL and GET of a missing key', exceptGroups: ['handleLine'] },
      { requirement: 'seed-session', needs: 'the server answers SET, GET and DEL over TCP, one reply line each', exceptGroups: ['Start', 'handleLine'] },
      // Many clients and the race-stress suites send lines in pieces, pipelined, over connections that share one cache.
      { requirement: 'split-writes', needs: 'the server keeps an unfinished line for the next chunk', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
      { requirement: 'pipelined', needs: 'the server answers lines sent in one write, in order', files: ['checkpoints/day2/server.race.test.ts'] },
      { requirement: 'two-clients', needs: 'the server serves two clients at once', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
      { requirement: 'shared-cache', needs: 'every connection shares one cache', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
    ],
  },
  {
    id: 'day3',
    slug: '03-testing',
    title: 'Testing & benchmarking',
    files: ['03-testing/cache.race.test.ts', '03-testing/cache.bench.ts'],
    checkpoints: ['checkpoints/day3/race-tests.test.ts', 'checkpoints/day3/bench.test.ts', 'checkpoints/day3/throughput.test.ts'],
    // The learner's race tests (as five projects: their own code, then each mutant) and benchmarks, run by the grader
    // first; race-tests.test.ts and bench.test.ts judge what came back.
    learnerRuns: [
      { name: 'race-tests', mode: 'test', config: 'checkpoints/day3/race.config.ts', needs: '03-testing/cache.race.test.ts', limitMs: 45_000 },
      { name: 'bench', mode: 'bench', config: 'checkpoints/day3/bench.config.ts', needs: '03-testing/cache.bench.ts', limitMs: 45_000 },
    ],
    // Each run above takes ~3 s and is stopped at its limit before the checkpoint starts (grader/learner-runs.ts);
    // the limit of one checkpoint test dates from when a test waited for them and could now be lower.
    testTimeoutMs: 55_000,
    timeLimitSec: 180,
    hints: [
      'Race test structure: how do you start 100 tasks at once and wait for all of them? Go starts 100 goroutines in a loop and waits with `wg.Wait()`. Here, call an async function 100 times without awaiting each call, keep the promises, and `await Promise.all(promises)`: that line is your `wg.Wait()`. Inside each task, write (and read) its keys with an `await pause()` now and then (`setImmediate` from node:timers/promises) so the tasks really take turns. The checks come after Promise.all resolves: every key, with its exact value.' +
      code(
        'const tasks = Array.from({ length: 100 }, async (_, id) => {',
        '  // ... write and read, with `await pause()` now and then ...',
        '});',
        'await Promise.all(tasks); // wait for all tasks, like wg.Wait()',
      ),
      "Benchmark structure: Go's `BenchmarkGet` fills the cache, calls `b.ResetTimer()` so setup is not timed, and loops `b.N` times. With vitest bench, put the setup in the `describe` body (it runs once, untimed) and only the work in `bench('GET', () => { … }, { time: 300, throws: true })`. vitest times every call, and one Map lookup takes about as long as reading the clock, so let each call do 1,000 GETs over different keys and read ops/s as hz × 1,000. `b.RunParallel` has no direct counterpart: one event loop runs one call at a time (see Part B)." +
      code(
        'describe(\'Cache with 10,000 keys\', () => {',
        '  const cache = new Cache();',
        '  const keys = Array.from({ length: 10_000 }, (_, i) => `key:${i}`);',
        '  for (const key of keys) cache.set(key, \'value\'); // setup: not timed',
        '  let next = 0;',
        '  bench(\'GET\', () => {',
        '    for (let i = 0; i < 1_000; i += 1) {',
        '      cache.get(keys[next]!); // a different key each time, not one hot key',
        '      next = (next + 1) % keys.length;',
        '    }',
        '  }, { time: 300, throws: true });',
        '});',
      ),
      "Your tests pass, but the grader says they did not notice a planted bug? Ask what each test would see if one write in a hundred vanished, or if get answered with another key's value. A test that only checks that nothing threw, or that a value is defined, cannot tell. Which exact value should each key hold after all the tasks finish?",
      `GET below ${figure(gates.get.value)} ops/s? What does your get do when 10,000 keys are stored: one Map lookup, or a walk over every entry? Does it copy the store, print a line, or await anything? The grader measures it again with 100 keys and says whether it slows down as the cache grows.`,
    ],
    // A planted bug is judged only against tests that pass on the learner's own code.
    preconditions: [{ requirement: 'own-tests-pass', needs: 'your race tests pass against your own Cache and RWLock (only then can a planted bug make them fail)', files: ['checkpoints/day3/race-tests.test.ts'] }],
    hintFor: {
      'required-tests': 0,
      'tasks-outlived-test': 0,
      'bench-runs': 1,
      'notice-loses-writes': 2,
      'notice-wrong-key': 2,
      'notice-writer-beside-readers': 2,
      'notice-lost-update': 2,
      'get-gate': 3,
    },
    explain: {
      'required-tests': { anchor: 'the-grader-cannot-find-your-three-tests', title: 'The grader cannot find your three tests' },
      'own-tests-pass': { anchor: 'your-own-test-fails-against-your-own-code', title: 'Your own test fails against your own code' },
      'notice-loses-writes': { anchor: 'a-planted-bug-goes-unnoticed-your-tests-check-too-little', title: 'A planted bug goes unnoticed: your tests check too little' },
      'notice-wrong-key': { anchor: 'a-planted-bug-goes-unnoticed-your-tests-check-too-little', title: 'A planted bug goes unnoticed: your tests check too little' },
      'notice-writer-beside-readers': { anchor: 'a-lost-update-or-a-writer-beside-readers-goes-unnoticed', title: 'A lost update or a writer beside readers goes unnoticed' },
      'notice-lost-update': { anchor: 'a-lost-update-or-a-writer-beside-readers-goes-unnoticed', title: 'A lost update or a writer beside readers goes unnoticed' },
      'bench-runs': { anchor: 'vitest-bench-reports-no-figure-for-get-set-or-mixed', title: '`vitest bench` reports no figure for GET, SET or mixed' },
      'get-gate': { anchor: 'a-benchmark-far-below-the-gate', title: 'A benchmark far below the gate' },
      'set-gate': { anchor: 'a-benchmark-far-below-the-gate', title: 'A benchmark far below the gate' },
      'mixed-load': { anchor: 'a-value-is-wrong-under-the-mixed-8020-load', title: 'A value is wrong under the mixed 80/20 load' },
      '(a check that hangs)': { anchor: 'the-race-tests-did-not-finish', title: 'The race tests did not finish' },
    },
    // The message names that cause and its fix; the requirement's entry (tests that check too little) would mislead.
    causes: { 'tasks-outlived-test': 'none', 'not-judged': 'none' },
  },
  {
    id: 'day4',
    slug: '04-loadtest',
    title: 'Load testing tool',
    files: ['04-loadtest/loadtest.ts', '04-loadtest/main.ts'],
    exports: { '04-loadtest/loadtest.ts': ['runLoadTest', 'formatReport'] },
    checkpoints: ['checkpoints/day4/honesty.test.ts', 'checkpoints/day4/overrun.test.ts', 'checkpoints/day4/measures.test.ts', 'checkpoints/day4/report.test.ts', 'checkpoints/day4/cli.test.ts'],
    bonus: ['checkpoints/day4/workers.bonus.test.ts'],
    testTimeoutMs: 45_000,
    timeLimitSec: 120,
    hints: [
      'How do you count safely? Go needs `atomic.AddUint64` because goroutines run at the same time. Node runs all your connection loops on one event loop, one callback at a time, so a plain `totalOps += 1` can never be lost. Only when you spread connections over worker_threads do several threads share a counter: then put it in a SharedArrayBuffer and use `Atomics.add(counters, 0, 1)`. Either way, count an operation when its reply arrives, and an `ERR` reply or a dropped connection as an error.',
      'How do you time it? Take `const start = performance.now()` once, run until `performance.now() - start >= durationMs`, and measure the elapsed time at the end. Throughput is `totalOps / (elapsedMs / 1000)`. For latency, note `performance.now()` just before writing a request and again when its reply arrives; keep the differences (or a histogram) for the average, p50 and p99.',
      'How do many connections run at once? Write one async function that opens a socket, then loops (send a command, await its reply, count it) until the deadline, keeping the same socket open the whole time. Start one per connection and wait for all of them with `await Promise.all(loops)`. Each loop has at most one request in flight, so replies come back in the order you sent them.',
    ],
    hintFor: { 'counts-unanswered': 0, 'wrong-duration': 1, 'connection-per-request': 2 },
    explain: {
      'exact-count': { anchor: 'your-report-disagrees-with-what-the-server-counted', title: 'Your report disagrees with what the server counted' },
      'connections': { anchor: 'connections-are-opened-per-request-or-one-after-another', title: 'Connections are opened per request, or one after another' },
      'duration': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'overrun': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'err-replies': { anchor: 'the-tester-reports-0-errors-while-the-server-logs-errors', title: 'The tester reports 0 errors while the server logs errors' },
      'dropped-connection': { anchor: 'a-dropped-connection-stops-the-run-or-is-miscounted', title: 'A dropped connection stops the run or is miscounted' },
      'latency': { anchor: 'latency-figures-do-not-add-up', title: 'Latency figures do not add up' },
      'mix': { anchor: 'the-getset-mix-or-the-keys-are-not-what-was-asked', title: 'The GET/SET mix or the keys are not what was asked' },
      'report-numbers': { anchor: 'a-report-field-is-nan-a-string-or-missing', title: 'A report field is `NaN`, a string or missing' },
      'results-block': { anchor: 'the-results-block-does-not-match-the-guides', title: 'The results block does not match the guide\'s' },
      'cli-run': { anchor: 'npm-run-loadtest-prints-a-stack-trace-or-exits-with-the-wrong-code', title: '`npm run loadtest` prints a stack trace or exits with the wrong code' },
      'cli-bad-options': { anchor: 'npm-run-loadtest-prints-a-stack-trace-or-exits-with-the-wrong-code', title: '`npm run loadtest` prints a stack trace or exits with the wrong code' },
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
      'connection-per-request': { anchor: 'connections-are-opened-per-request-or-one-after-another', title: 'Connections are opened per request, or one after another' },
      'wrong-duration': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'counts-unanswered': { anchor: 'your-report-disagrees-with-what-the-server-counted', title: 'Your report disagrees with what the server counted' },
    },
  },
  {
    id: 'day5',
    slug: '05-performance',
    title: `Over ${figure(gates.load.value)} ops/s, side by side with real Redis`,
    files: ['05-performance/server.ts', '05-performance/resp.ts'],
    checkpoints: ['checkpoints/day5/performance.test.ts'],
    bonus: ['checkpoints/day5/resp.bonus.test.ts'],
    testTimeoutMs: 45_000,
    timeLimitSec: 150,
    hints: [
      'Batching writes: how many times does your server call `socket.write` for one `data` chunk? Each call is a trip into the kernel, and under load one chunk often carries many commands. Collect the replies to every line of the chunk in one string and write it once — or call `socket.cork()` before the loop and `socket.uncork()` after it, which batches for you.',
      "Is a small reply waiting before it leaves? Unless told otherwise a socket may hold a small write back (Nagle's algorithm) until more data comes or the other side acknowledges. Call `socket.setNoDelay(true)` on every accepted socket: request/reply protocols such as Redis's always do.",
      'What runs for every single line? A `console.log` per command is a synchronous write to a terminal or pipe, often dearer than the command itself; so are a regex split, `JSON.stringify` of each command, and re-splitting the whole buffer on every chunk. Take logging out of the hot path (or log a count once a second) and touch each byte once.',
      'How to read the figures? Throughput (ops/s) is work finished per second; latency is how long one request waited. With one request in flight per connection, throughput ≈ connections ÷ latency. On two cores your server and your load tester own one core each: once the server\'s core is full, more connections only lengthen the queue — latency rises, ops/s stays flat. Measure real Redis under the same client before calling a figure slow.',
      'Did the tuning change what is answered? One `data` chunk can hold several commands (a pipelining client sends them in one write) and can end in the middle of one. Loop over every complete line of the chunk, in order, collecting the replies; keep the unfinished tail for the next chunk; then write the collected replies once. Answering only the first line of a chunk, or parsing the chunk as if it were one line, passes a one-by-one session and fails under load.',
    ],
    hintFor: {
      'day2-protocol': 4,
      'load-gate': 0,
      'generator-confirms': 0,
    },
    // A server that does not start, or no longer speaks the day-2 protocol, makes every measurement after it meaningless.
    preconditions: [{ requirement: 'day2-protocol', needs: 'the tuned server starts and answers the day-2 protocol, one by one, pipelined and split across writes' }],
    explain: {
      'day2-protocol': { anchor: 'tuning-broke-the-day-2-protocol', title: 'Tuning broke the day-2 protocol' },
      'load-gate': { anchor: 'far-below-the-load-gate', title: 'Far below the load gate' },
      'generator-confirms': { anchor: 'your-load-tester-and-the-graders-disagree', title: 'Your load tester and the grader\'s disagree' },
      'redis-beside': { anchor: 'errors-under-load-the-gate-needs-0-errors', title: 'Errors under load: the gate needs 0 errors' },
      'resp-ping': 'none',
      'redis-cli': 'none',
      'redis-benchmark': 'none',
      'drives-redis': 'none',
    },
    causes: {
      'connection-reset': { anchor: 'errors-under-load-the-gate-needs-0-errors', title: 'Errors under load: the gate needs 0 errors' },
      'server-crashed': { anchor: 'errors-under-load-the-gate-needs-0-errors', title: 'Errors under load: the gate needs 0 errors' },
    },
  },
  {
    id: 'day6',
    slug: '06-docs',
    title: 'Documentation & validation',
    files: ['06-docs/project/README.md', '06-docs/project/examples/library.ts', '06-docs/project/examples/server.ts', '06-docs/project/REFLECTION.md'],
    checkpoints: ['checkpoints/day6/checklist.test.ts'],
    typecheck: false, // step 1 of its checklist is tsc over every file
    rechecks: 'days 1–5',
    // Steps 2 and 3 read the results of days 1–5: the grader runs them first (unchanged, passing days are reused,
    // like `go test`'s cache) and hands them in.
    earlier: ['day1', 'day2', 'day3', 'day4', 'day5'],
    cascade: ['tests', 'race', 'load'],
    // Steps 2–4 read the learner's own tests (every *.test.ts of the tree) and benchmarks, also run by the grader first.
    learnerRuns: [
      { name: 'own-tests', mode: 'test', config: 'checkpoints/day6/own-tests.config.ts', limitMs: 120_000 },
      { name: 'bench', mode: 'bench', config: 'checkpoints/day3/bench.config.ts', needs: '03-testing/cache.bench.ts', limitMs: 120_000 },
    ],
    testTimeoutMs: 240_000,
    timeLimitSec: 600,
    hints: [
      'Which four questions must your README answer? What does the cache do, how do I run it, how do I test it, and how fast is it? For the last one, quote the figures the grader measured (`npm run grade` prints them under each day), not the ones you hope for, and say which machine printed them. Ratios travel better than absolute figures: "0.9× of real Redis on the same machine" is true on a laptop and on a classroom\'s runner alike.',
      'A step of the checklist shows ✗ and you want more detail? Every line ends with the command that shows it: run that command by hand (`npm run typecheck`, `npx prettier --check "days/**/*.ts"`, `npm run check day3`, `npm start`). What does it print that the one-line summary leaves out?',
      'Prettier says a file is not formatted? Run `npx prettier --write` on the file it names, then look at `git diff`: what did it change? Formatting is not taste here; it is the same rule for everyone, like `go fmt`.',
      'The lint found a `console.log` in library code or an export nothing uses? Who reads that line: the user of your library, or you while debugging? A library should stay quiet; printing belongs in `main.ts` or an example. An export nothing imports and the checkpoint does not require is not part of your API: drop the `export`, or the code.',
      'Does an example say what it prints? Put the lines it should print under a `// Expected output:` comment at its end, run it with `node --import tsx days/06-docs/project/examples/library.ts`, and compare. Does it also end by itself, closing the server it started?',
      'Stuck on the reflection? Think back to the moment you were most stuck this week: what was the question you could not answer, and what answered it? That is your "hardest", and often your "learned". What did you expect to be slow that was fast, or simple that was not?',
    ],
    hintFor: {
      'readme-questions': 0,
      'format': 2,
      'vet': 3,
      'example-library': 4,
      'example-server': 4,
      'reflection': 5,
    },
    explain: {
      'build': { anchor: 'step-1-fails-type-errors', title: 'Step 1 fails: type errors' },
      'tests': { anchor: 'step-2-or-3-fails-an-earlier-day-no-longer-passes', title: 'Step 2 or 3 fails: an earlier day no longer passes' },
      'race': { anchor: 'step-2-or-3-fails-an-earlier-day-no-longer-passes', title: 'Step 2 or 3 fails: an earlier day no longer passes' },
      'bench': { anchor: 'step-4-fails-the-benchmarks-do-not-run', title: 'Step 4 fails: the benchmarks do not run' },
      'server': { anchor: 'step-5-or-6-fails-the-server-does-not-start-or-does-not-answer', title: 'Step 5 or 6 fails: the server does not start or does not answer' },
      'connect': { anchor: 'step-5-or-6-fails-the-server-does-not-start-or-does-not-answer', title: 'Step 5 or 6 fails: the server does not start or does not answer' },
      'load': { anchor: 'step-7-fails-under-the-load-gate', title: 'Step 7 fails: under the load gate' },
      'format': { anchor: 'step-8-or-9-fails-formatting-or-lint-findings', title: 'Step 8 or 9 fails: formatting or lint findings' },
      'vet': { anchor: 'step-8-or-9-fails-formatting-or-lint-findings', title: 'Step 8 or 9 fails: formatting or lint findings' },
      'readme-questions': { anchor: 'your-readme-does-not-answer-the-four-questions', title: 'Your README does not answer the four questions' },
      'readme-figures': { anchor: 'the-readmes-figures-cannot-be-held-against-this-machine', title: 'The README\'s figures cannot be held against this machine' },
      'example-library': { anchor: 'an-example-does-not-run-or-prints-something-else', title: 'An example does not run or prints something else' },
      'example-server': { anchor: 'an-example-does-not-run-or-prints-something-else', title: 'An example does not run or prints something else' },
      'reflection': { anchor: 'reflectionmd-does-not-answer-the-four-questions', title: '`REFLECTION.md` does not answer the four questions' },
    },
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

/** The preconditions of `day` that requirement `id` (in checkpoint `file`, describe `group`) depends on. */
export function preconditionsOf(day: Day, test: { file: string; group: string; id?: string }): Precondition[] {
  return (day.preconditions ?? []).filter((pre) => {
    if (pre.requirement === test.id) return false;
    if (pre.files && !pre.files.includes(test.file)) return false;
    return !(pre.exceptGroups ?? []).includes(test.group);
  });
}
