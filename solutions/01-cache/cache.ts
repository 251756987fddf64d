// Day 1 solution: an in-memory key-value store in which each Cache owns its own Map.

/** A string-to-string store. Every method is one synchronous Map call, so no other code runs in the middle of it. */
export class Cache {
  readonly #store = new Map<string, string>();

  /** Stores `value` under `key`, replacing any previous value. */
  set(key: string, value: string): void {
    this.#store.set(key, value);
  }

  /** The value stored under `key`, or undefined when there is none. */
  get(key: string): string | undefined {
    return this.#store.get(key);
  }

  /** Removes `key`; returns true when it existed. */
  delete(key: string): boolean {
    return this.#store.delete(key);
  }
}
