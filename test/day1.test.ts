// Day 1: each planted bug in a learner's Cache or RWLock is caught by the requirement meant to catch it.
import { describe, it } from 'vitest';
import { expectCaught } from './helpers.ts';

const planted: [fixture: string, caughtBy: string][] = [
  ['shared-map', 'keeps two caches apart'],
  ['delete-noop', 'forgets five deleted keys and keeps the other five'],
  ['object-store', 'stores unicode and property-like keys exactly'],
  ['empty-as-missing', 'tells an empty-string value apart from a missing key'],
  ['writer-beside-reader', 'keeps a writer alone: no reader or writer is inside with it'],
  ['mutex-only', 'lets two readers inside at the same time'],
  ['no-release-on-throw', 'releases the lock when the function throws, and passes the error on'],
  ['reader-preference', 'lets a waiting writer go before readers that arrive after it'],
  ['no-lock', 'loses no update when 100 tasks increment through write with an await inside'],
];

describe('day 1 catches planted bugs', () => {
  it.each(planted)('%s is caught by "%s"', async (fixture, caughtBy) => {
    await expectCaught('day1', `day1/${fixture}`, caughtBy);
  });
});
