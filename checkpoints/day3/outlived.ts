// Setup file of the run of the learner's race tests (day 3, race.config.ts): notices a learner's test that returns
// while the tasks it started still use the Cache or the RWLock, so its checks ran before the race could happen.
// Marks it in the test's meta.
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from 'vitest';

type Methods = Record<string, (...args: unknown[]) => unknown>;

declare module 'vitest' {
  interface TaskMeta {
    /** Set when the test returned while its tasks still used the lock or the cache. */
    outlived?: { lockCalls: number; laterCacheCalls: number };
  }
}

const target = resolve(process.env.CACHELINGS_TARGET ?? 'days');
let lockCalls = 0; // read/write calls whose promise has not settled yet
let cacheCalls = 0; // every get/set/delete so far

/** Counts calls of `names` on `proto`; `settles` also tracks the promise each call returns. */
function watch(proto: Methods | undefined, names: string[], settles: boolean): void {
  for (const name of names) {
    const original = proto?.[name];
    if (!proto || typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (!settles) cacheCalls += 1;
      if (settles && result instanceof Promise) {
        lockCalls += 1;
        const done = () => void (lockCalls -= 1);
        result.then(done, done);
      }
      return result;
    };
  }
}

// The same modules the learner's test imports (a mutant project's plugin swaps them here too).
try {
  const { Cache } = (await import(/* @vite-ignore */ `${target}/01-cache/cache.ts`)) as { Cache?: { prototype: Methods } };
  const { RWLock } = (await import(/* @vite-ignore */ `${target}/01-cache/rwlock.ts`)) as { RWLock?: { prototype: Methods } };
  watch(Cache?.prototype, ['get', 'set', 'delete'], false);
  watch(RWLock?.prototype, ['read', 'write'], true);
} catch {
  // The learner's modules do not load: the test file reports that itself.
}

afterEach(async (context) => {
  const busy = lockCalls;
  const before = cacheCalls;
  await sleep(20);
  const later = cacheCalls - before;
  if (busy > 0 || later > 0) context.task.meta.outlived = { lockCalls: busy, laterCacheCalls: later };
});
