// Day 1: each planted bug in a learner's Cache or RWLock is diagnosed root cause first: the first ✗ is the
// requirement meant to catch it, its Look at names the file that holds the bug, and at most two explanations show.
import { describe, expect, it } from 'vitest';
import { expectDiagnosed } from './diagnosis.ts';

const cache = '01-cache/cache.ts';
const lock = '01-cache/rwlock.ts';

// The second column is the requirement's id (declared in its checkpoint's `it()`). The fourth column, where given: what the failure must say about the planted bug itself (a value or call, not advice).
const planted: [fixture: string, caughtBy: string, file: string, mentions?: RegExp][] = [
  ['shared-map', 'caches-apart', cache, /Received: 'from first'/],
  ['delete-noop', 'delete-forgets', cache, /delete[\s\S]*Received: 'value-of-/],
  ['object-store', 'odd-keys', cache, /"__proto__"/],
  ['empty-as-missing', 'empty-not-missing', cache, /Expected: ''\nReceived: undefined/],
  ['get-null', 'missing-is-undefined', cache],
  ['get-empty-string', 'missing-is-undefined', cache],
  ['delete-always-true', 'delete-answers', cache],
  ['writer-beside-reader', 'writer-alone', lock, /write#\d+ enters with 1 writer\(s\) and [1-9]\d* reader\(s\) inside together/],
  ['mutex-only', 'readers-share', lock, /Expected: 2\nReceived: 1/],
  ['no-release-on-throw', 'release-on-throw', lock, /Received: nothing after \d+ ms/],
  ['reader-preference', 'writer-first', lock, /Received: \["reader 1 in","reader 2 in","writer in"\]/],
  ['no-lock', 'writer-alone', lock],
  ['read-ignores-writer', 'writer-alone', 'RWLock.read', /read#\d+ enters with 1 writer\(s\)/],
  ['write-no-await', 'writer-alone', lock],
];

describe('day 1 diagnoses planted bugs', () => {
  it.each(planted)('%s: the first ✗ is "%s", looking at %s', async (fixture, caughtBy, file, mentions) => {
    const { result } = await expectDiagnosed('day1', `day1/${fixture}`, caughtBy, file, mentions);
    // A lock released before fn settles has a cause of its own; a lock with no exclusion at all does not get it.
    const kinds = new Set(result.tests.filter((test) => test.status === 'failed').map((test) => test.cause?.kind));
    if (fixture === 'write-no-await') expect([...kinds]).toEqual(['released-early']);
    else expect(kinds.has('released-early'), `${fixture} is not an early release`).toBe(false);
  });
});
