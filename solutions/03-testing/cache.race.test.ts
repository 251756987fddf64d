// Day 3 solution: race tests for the day-1 Cache and RWLock, many async tasks at once.
import { setImmediate as pause } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Cache } from '../01-cache/cache.ts';
import { RWLock } from '../01-cache/rwlock.ts';

/** Runs `count` tasks at once (like `go func` in a loop) and waits for all of them (like `wg.Wait()`). */
function runTasks(count: number, task: (id: number) => Promise<void>): Promise<void[]> {
  return Promise.all(Array.from({ length: count }, (_, id) => task(id)));
}

describe('Cache under concurrency', () => {
  it('writes 100 keys from 100 tasks at once', async () => {
    const cache = new Cache();
    await runTasks(100, async (task) => {
      for (let i = 0; i < 100; i += 1) {
        cache.set(`task-${task}-key-${i}`, `value-${task}-${i}`);
        if (i % 10 === 0) await pause(); // let the other tasks interleave with this one
      }
    });
    for (let task = 0; task < 100; task += 1) {
      for (let i = 0; i < 100; i += 1) {
        expect(cache.get(`task-${task}-key-${i}`), `task ${task}, key ${i}`).toBe(`value-${task}-${i}`);
      }
    }
  });

  it('runs 50 writers and 50 readers at once without corrupting a value', async () => {
    const cache = new Cache();
    const lock = new RWLock();
    cache.set('left', 'start');
    cache.set('right', 'start');
    const torn: string[] = [];
    const writer = (id: number) =>
      lock.write(async () => {
        cache.set('left', `writer-${id}`);
        await pause(); // half-done: left is new, right is old
        cache.set('right', `writer-${id}`);
        cache.set(`writer-${id}`, `done-${id}`);
      });
    const reader = (id: number) =>
      lock.read(async () => {
        const before = cache.get('left');
        await pause();
        const after = [cache.get('left'), cache.get('right')];
        if (after[0] !== before || after[1] !== before) torn.push(`reader ${id} saw ${before} then ${after.join(' / ')}`);
        const own = cache.get(`writer-${id}`);
        if (own !== undefined && own !== `done-${id}`) torn.push(`reader ${id} read ${own} for writer-${id}`);
      });
    await runTasks(100, (id) => (id % 2 === 0 ? writer(id / 2) : reader((id - 1) / 2)));
    expect(torn).toEqual([]);
    for (let id = 0; id < 50; id += 1) expect(cache.get(`writer-${id}`)).toBe(`done-${id}`);
  });

  it('loses no update when 100 tasks increment a counter through RWLock.write', async () => {
    const cache = new Cache();
    const lock = new RWLock();
    cache.set('counter', '0');
    await runTasks(100, () =>
      lock.write(async () => {
        const current = Number(cache.get('counter'));
        await pause(); // another task would run here if the lock let it in
        cache.set('counter', String(current + 1));
      }),
    );
    expect(cache.get('counter')).toBe('100');
  });
});
