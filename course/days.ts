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
  /**
   * Which hint addresses a failure: a cause kind (harness/cause.ts) or a requirement's name → the hint's index (from 0).
   * When the last check failed, `npm run hint` shows that hint first; the cause wins over the requirement.
   */
  hintFor?: Record<string, number>;
  /**
   * Why a checkpoint test fails: checkpoint test name → a `###` entry of the guide's "When it fails" section
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
}

/** A requirement the rest of a day depends on (the server starts; handleLine answers the basic session). */
export interface Precondition {
  /** The checkpoint test name. */
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
      'keeps two caches apart': 0,
      'stores unicode and property-like keys exactly': 0,
      'loses no update when 100 tasks increment through write with an await inside': 1,
      'lock-overlap': 2,
      'lets two readers inside at the same time': 2,
      'lets a waiting writer go before readers that arrive after it': 2,
      'releases the lock when the function throws, and passes the error on': 3,
      'read and write resolve to what the function returns': 3,
    },
    explain: {
      'returns each of ten stored keys': { anchor: 'get-does-not-return-what-set-stored', title: '`get` does not return what `set` stored' },
      'forgets five deleted keys and keeps the other five': { anchor: 'delete-leaves-the-key-behind-or-answers-wrongly', title: '`delete` leaves the key behind, or answers wrongly' },
      'replaces the value when a key is set again': { anchor: 'get-does-not-return-what-set-stored', title: '`get` does not return what `set` stored' },
      'returns undefined for a key that was never set': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
      'tells an empty-string value apart from a missing key': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
      'delete returns true for a key that existed and false for one that did not': { anchor: 'delete-leaves-the-key-behind-or-answers-wrongly', title: '`delete` leaves the key behind, or answers wrongly' },
      'keeps two caches apart': { anchor: 'a-key-set-in-one-cache-shows-up-in-another', title: 'A key set in one cache shows up in another' },
      'stores unicode and property-like keys exactly': { anchor: 'keys-like-__proto__-or-constructor-come-back-wrong', title: 'Keys like `__proto__` or `constructor` come back wrong' },
      'read and write resolve to what the function returns': { anchor: 'read-or-write-resolves-to-undefined', title: '`read` or `write` resolves to undefined' },
      'lets two readers inside at the same time': { anchor: 'readers-take-turns-instead-of-sharing', title: 'Readers take turns instead of sharing' },
      'keeps a writer alone: no reader or writer is inside with it': { anchor: 'a-writer-is-inside-the-lock-with-someone-else', title: 'A writer is inside the lock with someone else' },
      'lets a waiting writer go before readers that arrive after it': { anchor: 'a-waiting-writer-is-overtaken-by-new-readers', title: 'A waiting writer is overtaken by new readers' },
      'releases the lock when the function throws, and passes the error on': { anchor: 'after-a-function-throws-the-lock-stays-taken', title: 'After a function throws, the lock stays taken' },
      'loses no update when 100 tasks increment through write with an await inside': { anchor: 'a-lost-update-100-increments-end-below-100', title: 'A lost update: 100 increments end below 100' },
      '(a check that hangs)': { anchor: 'a-check-hangs-did-not-finish-within-n-s', title: 'A check hangs: "did not finish within N s"' },
    },
    causes: {
      'lock-overlap': { anchor: 'a-writer-is-inside-the-lock-with-someone-else', title: 'A writer is inside the lock with someone else' },
      'missing-not-undefined': { anchor: 'a-missing-key-and-an-empty-string-get-mixed-up', title: 'A missing key and an empty string get mixed up' },
    },
    preconditions: [
      { requirement: 'returns each of ten stored keys', needs: 'Cache.set stores a value and Cache.get returns it', files: ['checkpoints/day1/cache.test.ts'] },
      { requirement: 'read and write resolve to what the function returns', needs: 'RWLock.read and RWLock.write resolve to what the function returns', files: ['checkpoints/day1/rwlock.race.test.ts'] },
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
      'shares one cache: a value set on one connection is read on another': 1,
      'line-in-pieces': 2,
      'cr-kept': 2,
      'no-line-limit': 2,
      'does not run the half-sent command of a client that vanished': 2,
      'handleLine-wrong': 3,
      'connection-reset': 3,
    },
    explain: {
      'starts: startServer({ port: 0 }) resolves with the port it listens on, and a client can connect': { anchor: 'econnrefused-nothing-is-listening-there-yet', title: '`ECONNREFUSED`: nothing is listening there yet' },
      'returns OK, the value, OK and (nil) for SET, GET, DEL, GET': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'returns null for a blank line': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'answers the seed\'s session: SET, GET, GET of a missing key, DEL, GET': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'reads command names in any case': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'accepts lines ending in \\r\\n, as telnet and Windows clients send them': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'answers an unknown command with ERR unknown command \'NAME\' and keeps the connection open': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'answers a wrong number of arguments with ERR and keeps the connection open': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'ignores blank lines: no reply, and the next command is answered': { anchor: 'a-reply-differs-from-the-protocol-table', title: 'A reply differs from the protocol table' },
      'stores UTF-8 text exactly: accents, emoji, Hebrew': { anchor: 'a-multi-byte-character-split-between-two-chunks-is-garbled', title: 'A multi-byte character split between two chunks is garbled' },
      'answers a command split across several writes': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'answers a command sent one byte at a time': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'answers several commands sent in one write, in order': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'answers a command split mid-word across two writes': { anchor: 'replies-arrive-glued-together-or-a-command-arrives-in-pieces', title: 'Replies arrive glued together, or a command arrives in pieces' },
      'keeps a multi-byte character intact when a write ends inside it': { anchor: 'a-multi-byte-character-split-between-two-chunks-is-garbled', title: 'A multi-byte character split between two chunks is garbled' },
      'shares one cache: a value set on one connection is read on another': { anchor: 'clients-do-not-see-each-others-keys', title: 'Clients do not see each other\'s keys' },
      'serves two clients at once (the two-terminal test of the guide)': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'does not let a client that sent half a line delay the others': { anchor: 'one-client-makes-the-others-wait', title: 'One client makes the others wait' },
      'answers a line over 64 KiB with ERR line too long and closes that connection, while other clients carry on': { anchor: 'a-line-over-64-kib-is-not-refused', title: 'A line over 64 KiB is not refused' },
      'serves a line just under 64 KiB': { anchor: 'a-line-over-64-kib-is-not-refused', title: 'A line over 64 KiB is not refused' },
      'survives binary garbage and keeps serving': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'answers a line of invalid UTF-8 and keeps the connection open': { anchor: 'garbage-an-unknown-command-or-a-wrong-argument-count-gets-no-err-line', title: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line' },
      'keeps what a vanished client had acknowledged': { anchor: 'a-client-that-vanished-mid-command', title: 'A client that vanished mid-command' },
      'does not run the half-sent command of a client that vanished': { anchor: 'a-client-that-vanished-mid-command', title: 'A client that vanished mid-command' },
      'uses the cache it is given, shared with the caller': { anchor: 'clients-do-not-see-each-others-keys', title: 'Clients do not see each other\'s keys' },
      'close() resolves while clients are still connected, and disconnects them': { anchor: 'close-hangs-or-leaves-the-port-busy', title: '`close()` hangs or leaves the port busy' },
      'close() frees the port: a new server can listen on it at once': { anchor: 'eaddrinuse-the-port-is-already-taken', title: '`EADDRINUSE`: the port is already taken' },
      'close() leaves no open sockets or timers behind': { anchor: 'close-hangs-or-leaves-the-port-busy', title: '`close()` hangs or leaves the port busy' },
      'listens on 127.0.0.1 by default, not on every interface': { anchor: 'the-server-listens-on-every-interface', title: 'The server listens on every interface' },
      '100 connections each write 100 keys at once, and every key reads back with its exact value': { anchor: 'race-stress-a-reply-went-to-the-wrong-line-or-a-value-came-back-cut-short', title: 'Race-stress: a reply went to the wrong line, or a value came back cut short' },
      '50 writers and 50 readers on overlapping keys: every read returns a value some writer wrote for that key': { anchor: 'race-stress-a-reply-went-to-the-wrong-line-or-a-value-came-back-cut-short', title: 'Race-stress: a reply went to the wrong line, or a value came back cut short' },
      'stores a value with spaces in double quotes: SET greeting "hello world"': 'none',
      'answers PING with PONG': 'none',
      'answers QUIT with OK, then closes the connection': 'none',
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
      { requirement: 'starts: startServer({ port: 0 }) resolves with the port it listens on, and a client can connect', needs: 'startServer resolves with { port, close } and a client can connect', exceptGroups: ['handleLine'] },
      { requirement: 'returns OK, the value, OK and (nil) for SET, GET, DEL, GET', needs: 'handleLine answers SET, GET, DEL and GET of a missing key', exceptGroups: ['handleLine'] },
      { requirement: "answers the seed's session: SET, GET, GET of a missing key, DEL, GET", needs: 'the server answers SET, GET and DEL over TCP, one reply line each', exceptGroups: ['Start', 'handleLine'] },
      // Many clients and the race-stress suites send lines in pieces, pipelined, over connections that share one cache.
      { requirement: 'answers a command split across several writes', needs: 'the server keeps an unfinished line for the next chunk', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
      { requirement: 'answers several commands sent in one write, in order', needs: 'the server answers lines sent in one write, in order', files: ['checkpoints/day2/server.race.test.ts'] },
      { requirement: 'serves two clients at once (the two-terminal test of the guide)', needs: 'the server serves two clients at once', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
      { requirement: 'shares one cache: a value set on one connection is read on another', needs: 'every connection shares one cache', files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'] },
    ],
  },
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
      'GET below 100,000 ops/s? What does your get do when 10,000 keys are stored: one Map lookup, or a walk over every entry? Does it copy the store, print a line, or await anything? The grader measures it again with 100 keys and says whether it slows down as the cache grows.',
    ],
    hintFor: {
      'have the three required tests, by name': 0,
      'tasks-outlived-test': 0,
      'run with vitest bench and report GET, SET and mixed 80/20 figures': 1,
      'notice a cache that loses writes': 2,
      "notice a cache that returns another key's value": 2,
      'notice a lock that lets a writer in beside readers': 2,
      'notice a read-modify-write that loses updates': 2,
      'GET runs faster than 100,000 ops/s': 3,
    },
    explain: {
      'have the three required tests, by name': { anchor: 'the-grader-cannot-find-your-three-tests', title: 'The grader cannot find your three tests' },
      'pass against your own Cache and RWLock': { anchor: 'your-own-test-fails-against-your-own-code', title: 'Your own test fails against your own code' },
      'notice a cache that loses writes': { anchor: 'a-planted-bug-goes-unnoticed-your-tests-check-too-little', title: 'A planted bug goes unnoticed: your tests check too little' },
      'notice a cache that returns another key\'s value': { anchor: 'a-planted-bug-goes-unnoticed-your-tests-check-too-little', title: 'A planted bug goes unnoticed: your tests check too little' },
      'notice a lock that lets a writer in beside readers': { anchor: 'a-lost-update-or-a-writer-beside-readers-goes-unnoticed', title: 'A lost update or a writer beside readers goes unnoticed' },
      'notice a read-modify-write that loses updates': { anchor: 'a-lost-update-or-a-writer-beside-readers-goes-unnoticed', title: 'A lost update or a writer beside readers goes unnoticed' },
      'run with vitest bench and report GET, SET and mixed 80/20 figures': { anchor: 'vitest-bench-reports-no-figure-for-get-set-or-mixed', title: '`vitest bench` reports no figure for GET, SET or mixed' },
      'GET runs faster than 100,000 ops/s': { anchor: 'a-benchmark-far-below-the-gate', title: 'A benchmark far below the gate' },
      'SET runs faster than 50,000 ops/s': { anchor: 'a-benchmark-far-below-the-gate', title: 'A benchmark far below the gate' },
      'keeps every value right under a mixed 80/20 load (figure and heap bytes per op reported)': { anchor: 'a-value-is-wrong-under-the-mixed-8020-load', title: 'A value is wrong under the mixed 80/20 load' },
      '(a check that hangs)': { anchor: 'the-race-tests-did-not-finish', title: 'The race tests did not finish' },
    },
    // The message names that cause and its fix; the requirement's entry (tests that check too little) would mislead.
    causes: { 'tasks-outlived-test': 'none' },
  },
  {
    id: 'day4',
    slug: '04-loadtest',
    title: 'Load testing tool',
    files: ['04-loadtest/loadtest.ts', '04-loadtest/main.ts'],
    checkpoints: ['checkpoints/day4/honesty.test.ts', 'checkpoints/day4/overrun.test.ts', 'checkpoints/day4/measures.test.ts', 'checkpoints/day4/report.test.ts', 'checkpoints/day4/cli.test.ts'],
    testTimeoutMs: 45_000,
    timeLimitSec: 120,
    hints: [
      'How do you count safely? Go needs `atomic.AddUint64` because goroutines run at the same time. Node runs all your connection loops on one event loop, one callback at a time, so a plain `totalOps += 1` can never be lost. Only when you spread connections over worker_threads do several threads share a counter: then put it in a SharedArrayBuffer and use `Atomics.add(counters, 0, 1)`. Either way, count an operation when its reply arrives, and an `ERR` reply or a dropped connection as an error.',
      'How do you time it? Take `const start = performance.now()` once, run until `performance.now() - start >= durationMs`, and measure the elapsed time at the end. Throughput is `totalOps / (elapsedMs / 1000)`. For latency, note `performance.now()` just before writing a request and again when its reply arrives; keep the differences (or a histogram) for the average, p50 and p99.',
      'How do many connections run at once? Write one async function that opens a socket, then loops (send a command, await its reply, count it) until the deadline, keeping the same socket open the whole time. Start one per connection and wait for all of them with `await Promise.all(loops)`. Each loop has at most one request in flight, so replies come back in the order you sent them.',
    ],
    hintFor: { 'counts-unanswered': 0, 'wrong-duration': 1, 'connection-per-request': 2 },
    explain: {
      'reports exactly the operations the server answered': { anchor: 'your-report-disagrees-with-what-the-server-counted', title: 'Your report disagrees with what the server counted' },
      'opens the connections asked for, side by side, and keeps each open across requests': { anchor: 'connections-are-opened-per-request-or-one-after-another', title: 'Connections are opened per request, or one after another' },
      'runs for the duration asked, within 10%, and keeps the load on to the end': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'reports the time a run really took, and divides by it, when the run lasts longer than asked': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'counts ERR replies as errors, not as operations, and still ends on time': { anchor: 'the-tester-reports-0-errors-while-the-server-logs-errors', title: 'The tester reports 0 errors while the server logs errors' },
      'counts a dropped connection as an error, opens a new one and keeps going until the deadline': { anchor: 'a-dropped-connection-stops-the-run-or-is-miscounted', title: 'A dropped connection stops the run or is miscounted' },
      'measures latency: 2 ms per command gives an average of 2 ms or more and at most 5,000 ops/s on 10 connections': { anchor: 'latency-figures-do-not-add-up', title: 'Latency figures do not add up' },
      'sends the GET/SET mix asked for, over keys spread across the key space': { anchor: 'the-getset-mix-or-the-keys-are-not-what-was-asked', title: 'The GET/SET mix or the keys are not what was asked' },
      'returns a report with every field as a number': { anchor: 'a-report-field-is-nan-a-string-or-missing', title: 'A report field is `NaN`, a string or missing' },
      'prints the guide\'s results block with the report\'s figures': { anchor: 'the-results-block-does-not-match-the-guides', title: 'The results block does not match the guide\'s' },
      'prints the results block after a run against a server': { anchor: 'npm-run-loadtest-prints-a-stack-trace-or-exits-with-the-wrong-code', title: '`npm run loadtest` prints a stack trace or exits with the wrong code' },
      'turns bad options away with one line and exit code 2, not a stack trace': { anchor: 'npm-run-loadtest-prints-a-stack-trace-or-exits-with-the-wrong-code', title: '`npm run loadtest` prints a stack trace or exits with the wrong code' },
    },
    causes: {
      'connection-per-request': { anchor: 'connections-are-opened-per-request-or-one-after-another', title: 'Connections are opened per request, or one after another' },
      'wrong-duration': { anchor: 'the-run-does-not-last-as-long-as-asked', title: 'The run does not last as long as asked' },
      'counts-unanswered': { anchor: 'your-report-disagrees-with-what-the-server-counted', title: 'Your report disagrees with what the server counted' },
    },
  },
  {
    id: 'day5',
    slug: '05-performance',
    title: 'Over 50,000 ops/s, side by side with real Redis',
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
    ],
    explain: {
      'answers SET, GET and DEL exactly as the day-2 protocol says, one by one, pipelined and split across writes': { anchor: 'tuning-broke-the-day-2-protocol', title: 'Tuning broke the day-2 protocol' },
      'clears 50,000 ops/s with 0 errors under your load tester (best of three runs)': { anchor: 'the-load-gate-far-below-50000-opss', title: 'The load gate: far below 50,000 ops/s' },
      'is confirmed by the grader\'s own load generator against the same server': { anchor: 'your-load-tester-and-the-graders-disagree', title: 'Your load tester and the grader\'s disagree' },
      'runs the same load against a private Redis and reports both figures and their ratio': { anchor: 'errors-under-load-the-gate-needs-0-errors', title: 'Errors under load: the gate needs 0 errors' },
      'answers a RESP PING with +PONG, choosing the protocol by the first byte': 'none',
      'answers a redis-cli session: SET, GET, DEL, and (nil) for a missing key': 'none',
      'serves redis-benchmark -t get,set, side by side with real Redis': 'none',
      'drives real Redis with your load tester, and its count agrees with Redis\'s own': 'none',
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
    // Step 2 re-runs the checkpoints of days 1–5 (unchanged, passing days are reused, like `go test`'s cache).
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
      'README.md answers: what it does, how to run it, how to test it, how fast it is': 0,
      '8 format: prettier finds every file formatted · by hand: npx prettier --check "days/**/*.ts"': 2,
      '9 vet: tsc strict and the lint find no obvious issues · by hand: npx tsc -p tsconfig.json --noUnusedLocals --noImplicitReturns': 3,
      'examples/library.ts runs and prints what it claims · by hand: node --import tsx days/06-docs/project/examples/library.ts': 4,
      'examples/server.ts runs and prints what it claims · by hand: node --import tsx days/06-docs/project/examples/server.ts': 4,
      'REFLECTION.md answers the four reflection questions': 5,
    },
    explain: {
      '1 build: tsc reports no errors in your files · by hand: npm run typecheck': { anchor: 'step-1-fails-type-errors', title: 'Step 1 fails: type errors' },
      '2 tests: your tests and the checkpoints of days 1–5 pass · by hand: npm run grade': { anchor: 'step-2-or-3-fails-an-earlier-day-no-longer-passes', title: 'Step 2 or 3 fails: an earlier day no longer passes' },
      '3 race: the race-stress suites pass · by hand: npm run check day1 (and day2, day3)': { anchor: 'step-2-or-3-fails-an-earlier-day-no-longer-passes', title: 'Step 2 or 3 fails: an earlier day no longer passes' },
      '4 bench: your benchmarks run and report figures · by hand: npx vitest bench --run days/03-testing': { anchor: 'step-4-fails-the-benchmarks-do-not-run', title: 'Step 4 fails: the benchmarks do not run' },
      '5 server: npm start starts your server · by hand: npm start': { anchor: 'step-5-or-6-fails-the-server-does-not-start-or-does-not-answer', title: 'Step 5 or 6 fails: the server does not start or does not answer' },
      '6 connect: a client sends "SET test value" and gets OK · by hand: printf "SET test value\\n" | nc -w 1 127.0.0.1 6379': { anchor: 'step-5-or-6-fails-the-server-does-not-start-or-does-not-answer', title: 'Step 5 or 6 fails: the server does not start or does not answer' },
      '7 load: your load tester reaches 50,000 ops/s against your tuned server · by hand: npm run check day5': { anchor: 'step-7-fails-under-the-load-gate', title: 'Step 7 fails: under the load gate' },
      '8 format: prettier finds every file formatted · by hand: npx prettier --check "days/**/*.ts"': { anchor: 'step-8-or-9-fails-formatting-or-lint-findings', title: 'Step 8 or 9 fails: formatting or lint findings' },
      '9 vet: tsc strict and the lint find no obvious issues · by hand: npx tsc -p tsconfig.json --noUnusedLocals --noImplicitReturns': { anchor: 'step-8-or-9-fails-formatting-or-lint-findings', title: 'Step 8 or 9 fails: formatting or lint findings' },
      'README.md answers: what it does, how to run it, how to test it, how fast it is': { anchor: 'your-readme-does-not-answer-the-four-questions', title: 'Your README does not answer the four questions' },
      "README.md's figures name their machine, agree with the ratios measured here, and none is far beyond any run on record": { anchor: 'the-readmes-figures-cannot-be-held-against-this-machine', title: 'The README\'s figures cannot be held against this machine' },
      'examples/library.ts runs and prints what it claims · by hand: node --import tsx days/06-docs/project/examples/library.ts': { anchor: 'an-example-does-not-run-or-prints-something-else', title: 'An example does not run or prints something else' },
      'examples/server.ts runs and prints what it claims · by hand: node --import tsx days/06-docs/project/examples/server.ts': { anchor: 'an-example-does-not-run-or-prints-something-else', title: 'An example does not run or prints something else' },
      'REFLECTION.md answers the four reflection questions': { anchor: 'reflectionmd-does-not-answer-the-four-questions', title: '`REFLECTION.md` does not answer the four questions' },
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

/** The preconditions of `day` that requirement `name` (in checkpoint `file`, describe `group`) depends on. */
export function preconditionsOf(day: Day, test: { file: string; group: string; name: string }): Precondition[] {
  return (day.preconditions ?? []).filter((pre) => {
    if (pre.requirement === test.name) return false;
    if (pre.files && !pre.files.includes(test.file)) return false;
    return !(pre.exceptGroups ?? []).includes(test.group);
  });
}
