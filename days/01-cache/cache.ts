// Day 1 · Build an in-memory key-value store with set, get and delete.
// Check it: npm run check day1 · Guide: days/01-cache/README.md, "Your mission" and "Design decisions"

/** A string-to-string store. Each instance owns its own data. */
export class Cache {
  // TODO: Add a private field that holds this cache's keys and values.

  /** Stores `value` under `key`, replacing any previous value. */
  set(key: string, value: string): void {
    // TODO: Store `value` under `key`, then delete the line below.
    throw new Error('not implemented yet: Cache.set in days/01-cache/cache.ts');
  }

  /** The value stored under `key`, or undefined when there is none. */
  get(key: string): string | undefined {
    // TODO: Return the value under `key`, or undefined for a key that was never set.
    throw new Error('not implemented yet: Cache.get in days/01-cache/cache.ts');
  }

  /** Removes `key`; returns true when it existed. */
  delete(key: string): boolean {
    // TODO: Remove `key` and report whether it was there.
    throw new Error('not implemented yet: Cache.delete in days/01-cache/cache.ts');
  }
}
