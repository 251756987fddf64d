// Day 1 · Build an async readers-writer lock: many readers at once, or one writer alone.
// Check it: npm run check day1 · Guide: days/01-cache/README.md, "Concurrency in JavaScript, honestly" and "Design decisions"

/** Many readers at once, or one writer alone; a waiting writer must not be starved by new readers. */
export class RWLock {
  // TODO: Add the state you need: readers inside, writer inside, and a queue of waiters.

  /** Runs `fn` while holding a shared (read) lock and returns what it returns. */
  async read<T>(fn: () => T | Promise<T>): Promise<T> {
    // TODO: Wait until no writer is inside or waiting, run `fn`, and release even when `fn` throws.
    throw new Error('not implemented yet: RWLock.read in days/01-cache/rwlock.ts');
  }

  /** Runs `fn` while holding the exclusive (write) lock and returns what it returns. */
  async write<T>(fn: () => T | Promise<T>): Promise<T> {
    // TODO: Wait until nobody else is inside, run `fn`, and release even when `fn` throws.
    throw new Error('not implemented yet: RWLock.write in days/01-cache/rwlock.ts');
  }
}
