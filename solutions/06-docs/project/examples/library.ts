// Example: the cache used as a library, with the RWLock around a read-modify-write that awaits.
// Run it: node --import tsx days/06-docs/project/examples/library.ts
import { Cache } from '../../../01-cache/cache.ts';
import { RWLock } from '../../../01-cache/rwlock.ts';

const cache = new Cache();
cache.set('greeting', 'hello');
console.log(`get greeting → ${cache.get('greeting')}`);
console.log(`get missing → ${String(cache.get('missing'))}`);
console.log(`delete greeting → ${cache.delete('greeting')}`);
console.log(`delete greeting again → ${cache.delete('greeting')}`);

// Each increment reads, awaits, then writes: without the lock, the 100 tasks would overwrite each other.
const lock = new RWLock();
cache.set('visits', '0');
const increment = () =>
  lock.write(async () => {
    const visits = Number(cache.get('visits'));
    await new Promise((done) => setTimeout(done, 0));
    cache.set('visits', String(visits + 1));
  });
await Promise.all(Array.from({ length: 100 }, increment));
console.log(`visits after 100 concurrent increments → ${cache.get('visits')}`);

// Expected output:
// get greeting → hello
// get missing → undefined
// delete greeting → true
// delete greeting again → false
// visits after 100 concurrent increments → 100
