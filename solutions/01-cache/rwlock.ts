// Day 1 solution: an async readers-writer lock, the counterpart of Go's sync.RWMutex.

type Mode = 'read' | 'write';

interface Waiter {
  mode: Mode;
  wake: () => void;
}

/** Many readers at once, or one writer alone. Waiters enter in arrival order, so a waiting writer is never starved. */
export class RWLock {
  #readers = 0;
  #writing = false;
  readonly #queue: Waiter[] = [];

  /** Runs `fn` while holding a shared (read) lock, like RLock/RUnlock around it. */
  async read<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.#acquire('read');
    try {
      return await fn();
    } finally {
      this.#release('read');
    }
  }

  /** Runs `fn` while holding the exclusive (write) lock, like Lock/Unlock around it. */
  async write<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.#acquire('write');
    try {
      return await fn();
    } finally {
      this.#release('write');
    }
  }

  #acquire(mode: Mode): Promise<void> {
    // Enter at once only when nobody is queued ahead of us; otherwise wait our turn.
    if (this.#queue.length === 0 && this.#free(mode)) {
      this.#enter(mode);
      return Promise.resolve();
    }
    return new Promise((wake) => this.#queue.push({ mode, wake }));
  }

  #free(mode: Mode): boolean {
    if (mode === 'read') return !this.#writing;
    return !this.#writing && this.#readers === 0;
  }

  #enter(mode: Mode): void {
    if (mode === 'read') this.#readers += 1;
    else this.#writing = true;
  }

  #release(mode: Mode): void {
    if (mode === 'read') this.#readers -= 1;
    else this.#writing = false;
    // Let in as many waiters from the front as may enter together: one writer, or a run of readers.
    while (this.#queue.length > 0 && this.#free(this.#queue[0]!.mode)) {
      const next = this.#queue.shift()!;
      this.#enter(next.mode);
      next.wake();
    }
  }
}
