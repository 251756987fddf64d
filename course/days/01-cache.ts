// Day 1 (01-cache): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { whenItFails, type Day } from '../day.ts';

/** The "When it fails" entries of days/01-cache/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  getMissesSet: '`get` does not return what `set` stored',
  deleteLeavesKey: '`delete` leaves the key behind, or answers wrongly',
  missingKeyEmpty: 'A missing key and an empty string get mixed up',
  keyLeaksBetweenCaches: 'A key set in one cache shows up in another',
  keysLike__proto__: 'Keys like `__proto__` or `constructor` come back wrong',
  readWriteResolves: '`read` or `write` resolves to undefined',
  readersTakeTurns: 'Readers take turns instead of sharing',
  writerInsideLock: 'A writer is inside the lock with someone else',
  waitingWriterOvertaken: 'A waiting writer is overtaken by new readers',
  afterFunctionThrows: 'After a function throws, the lock stays taken',
  lostUpdateIncrements: 'A lost update: 100 increments end below 100',
  checkHangs: 'A check hangs: "did not finish within N s"',
  lockReleasedBefore: 'The lock is released before your function finishes',
});

export const day1: Day = {
  id: 'day1',
  slug: '01-cache',
  title: 'Core cache data structure',
  files: ['01-cache/cache.ts', '01-cache/rwlock.ts'],
  exports: { '01-cache/cache.ts': ['Cache'], '01-cache/rwlock.ts': ['RWLock'] },
  checkpoints: ['checkpoints/day1/cache.test.ts', 'checkpoints/day1/rwlock.race.test.ts'],
  testTimeoutMs: 5_000,
  timeLimitSec: 60,
  hints: [
    'Which data structure? JavaScript has a built-in hash table made for this: `Map<string, string>`. Prefer it to a plain object, where ' +
      'a key such as "__proto__" or "constructor" is not an ordinary key. Keep it in a private field so each `new Cache()` owns its own.',
    'Why is a Map not "thread-safe"? Go crashes with "fatal error: concurrent map writes"; JavaScript never will, because only one callback ' +
      'runs at a time and a single `map.set` cannot be interrupted. The danger is a read-modify-write that contains an `await`: read, await, ' +
      'write, and another task changed the value in between. That lost update is what the lock is for.',
    "Which primitive? Go has `sync.RWMutex`: many readers OR one writer, never both. Build the same for async code: `read(fn)` (Go's `RLock`) " +
      "lets readers share; `write(fn)` (Go's `Lock`) waits until it is alone. Keep a count of readers inside, a flag for a writer inside, " +
      'and a queue of waiters; while a writer waits, new readers queue behind it so it is not starved.',
    "How to structure it? A class wraps the Map; its methods are the only way in. In RWLock, run the caller's function as `try { return await " +
      'fn(); } finally { release(); }` so a throwing `fn` still lets the next waiter in, and its error still reaches the caller.',
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
    'stores-keys': guide.getMissesSet,
    'delete-forgets': guide.deleteLeavesKey,
    'set-replaces': guide.getMissesSet,
    'missing-is-undefined': guide.missingKeyEmpty,
    'empty-not-missing': guide.missingKeyEmpty,
    'delete-answers': guide.deleteLeavesKey,
    'caches-apart': guide.keyLeaksBetweenCaches,
    'odd-keys': guide.keysLike__proto__,
    'lock-returns': guide.readWriteResolves,
    'readers-share': guide.readersTakeTurns,
    'writer-alone': guide.writerInsideLock,
    'writer-first': guide.waitingWriterOvertaken,
    'release-on-throw': guide.afterFunctionThrows,
    'no-lost-update': guide.lostUpdateIncrements,
    '(a check that hangs)': guide.checkHangs,
  },
  causes: {
    'lock-overlap': guide.writerInsideLock,
    'released-early': guide.lockReleasedBefore,
    'missing-not-undefined': guide.missingKeyEmpty,
  },
  preconditions: [
    { requirement: 'stores-keys', needs: 'Cache.set stores a value and Cache.get returns it', files: ['checkpoints/day1/cache.test.ts'] },
    {
      requirement: 'lock-returns',
      needs: 'RWLock.read and RWLock.write resolve to what the function returns',
      files: ['checkpoints/day1/rwlock.race.test.ts'],
    },
  ],
};
