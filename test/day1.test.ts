// Day 1: each planted bug in a learner's Cache or RWLock is diagnosed root cause first: the first ✗ is the
// requirement meant to catch it, its Look at names the file that holds the bug, and at most two explanations show.
import { describe, it } from 'vitest';
import { expectDiagnosed } from './diagnosis.ts';

const cache = '01-cache/cache.ts';
const lock = '01-cache/rwlock.ts';

// The fourth column, where given: what the failure must say about the planted bug itself (a value or call, not advice).
const planted: [fixture: string, caughtBy: string, file: string, mentions?: RegExp][] = [
  ['shared-map', 'keeps two caches apart', cache, /Received: 'from first'/],
  ['delete-noop', 'forgets five deleted keys and keeps the other five', cache, /delete[\s\S]*Received: 'value-of-/],
  ['object-store', 'stores unicode and property-like keys exactly', cache, /"__proto__"/],
  ['empty-as-missing', 'tells an empty-string value apart from a missing key', cache, /Expected: ''\nReceived: undefined/],
  ['get-null', 'returns undefined for a key that was never set', cache],
  ['get-empty-string', 'returns undefined for a key that was never set', cache],
  ['delete-always-true', 'delete returns true for a key that existed and false for one that did not', cache],
  ['writer-beside-reader', 'keeps a writer alone: no reader or writer is inside with it', lock, /write#\d+ enters with 1 writer\(s\) and [1-9]\d* reader\(s\) inside together/],
  ['mutex-only', 'lets two readers inside at the same time', lock, /Expected: 2\nReceived: 1/],
  ['no-release-on-throw', 'releases the lock when the function throws, and passes the error on', lock, /Received: nothing after \d+ ms/],
  ['reader-preference', 'lets a waiting writer go before readers that arrive after it', lock, /Received: \["reader 1 in","reader 2 in","writer in"\]/],
  ['no-lock', 'keeps a writer alone: no reader or writer is inside with it', lock],
  ['read-ignores-writer', 'keeps a writer alone: no reader or writer is inside with it', 'RWLock.read', /read#\d+ enters with 1 writer\(s\)/],
  ['write-no-await', 'keeps a writer alone: no reader or writer is inside with it', lock],
];

describe('day 1 diagnoses planted bugs', () => {
  it.each(planted)('%s: the first ✗ is "%s", looking at %s', async (fixture, caughtBy, file, mentions) => {
    await expectDiagnosed('day1', `day1/${fixture}`, caughtBy, file, mentions);
  });
});
