// Mutant (never shown to the learner): a writer waits only for the writer before it, never for readers,
// so it can change the data while a reader is still inside.
export class RWLock {
  #lastWriter: Promise<void> = Promise.resolve();

  async read<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.#lastWriter;
    return await fn();
  }

  async write<T>(fn: () => T | Promise<T>): Promise<T> {
    const previous = this.#lastWriter;
    let done!: () => void;
    this.#lastWriter = new Promise((resolve) => (done = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      done();
    }
  }
}
