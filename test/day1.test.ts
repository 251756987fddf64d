// Day 1: each planted bug in a learner's Cache or RWLock is caught by the requirement meant to catch it.
import { describe, it } from 'vitest';
import { expectCaught } from './helpers.ts';

const planted: [fixture: string, caughtBy: string, mentions: RegExp][] = [
  // The third column: what the failure must say about the planted bug itself (a value or call, not the advice lines).

  ['shared-map', 'keeps two caches apart', /Received: 'from first'/],
  ['delete-noop', 'forgets five deleted keys and keeps the other five', /delete[\s\S]*Received: 'value-of-/],
  ['object-store', 'stores unicode and property-like keys exactly', /"__proto__"/],
  ['empty-as-missing', 'tells an empty-string value apart from a missing key', /Expected: ''\nReceived: undefined/],
  ['writer-beside-reader', 'keeps a writer alone: no reader or writer is inside with it', /write#\d+ enters with 1 writer\(s\) and 1 reader\(s\) inside together/],
  ['mutex-only', 'lets two readers inside at the same time', /Expected: 2\nReceived: 1/],
  ['no-release-on-throw', 'releases the lock when the function throws, and passes the error on', /Received: nothing after \d+ ms/],
  ['reader-preference', 'lets a waiting writer go before readers that arrive after it', /Received: \["reader 1 in","reader 2 in","writer in"\]/],
  ['no-lock', 'loses no update when 100 tasks increment through write with an await inside', /Expected: '100'\nReceived: '\d{1,2}'/],
];

describe('day 1 catches planted bugs', () => {
  it.each(planted)('%s is caught by "%s"', async (fixture, caughtBy, mentions) => {
    await expectCaught('day1', `day1/${fixture}`, caughtBy, { mentions });
  });
});
