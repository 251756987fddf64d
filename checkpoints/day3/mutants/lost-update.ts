// Mutant (never shown to the learner): a fair readers-writer lock with one missing `await` —
// `return fn()` inside try/finally releases the lock as soon as fn reaches its first await,
// so two read-modify-writes overlap and one update is lost.
type Mode = 'read' | 'write';

export class RWLock {
  #readers = 0;
  #writing = false;
  readonly #queue: { mode: Mode; wake: () => void }[] = [];

  async read<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.#acquire('read');
    try {
      return fn();
    } finally {
      this.#release('read');
    }
  }

  async write<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.#acquire('write');
    try {
      return fn();
    } finally {
      this.#release('write');
    }
  }

  #acquire(mode: Mode): Promise<void> {
    if (this.#queue.length === 0 && this.#free(mode)) {
      this.#enter(mode);
      return Promise.resolve();
    }
    return new Promise((wake) => this.#queue.push({ mode, wake }));
  }

  #free(mode: Mode): boolean {
    return mode === 'read' ? !this.#writing : !this.#writing && this.#readers === 0;
  }

  #enter(mode: Mode): void {
    if (mode === 'read') this.#readers += 1;
    else this.#writing = true;
  }

  #release(mode: Mode): void {
    if (mode === 'read') this.#readers -= 1;
    else this.#writing = false;
    while (this.#queue.length > 0 && this.#free(this.#queue[0]!.mode)) {
      const next = this.#queue.shift()!;
      this.#enter(next.mode);
      next.wake();
    }
  }
}
