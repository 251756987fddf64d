// Latency samples for the load generator: record each round trip, read percentiles at the end.

/** Round-trip times in milliseconds, kept in a growing typed array and sorted once at the end. */
export class Latencies {
  #values: Float64Array<ArrayBuffer> = new Float64Array(1 << 16);
  #count = 0;

  /** Records one round-trip time (ms). */
  add(ms: number): void {
    if (this.#count === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.#count++] = ms;
  }

  /** The times recorded so far (a copy), to send to another thread or merge (see `from`). */
  values(): Float64Array<ArrayBuffer> {
    return this.#values.slice(0, this.#count);
  }

  /** Latencies holding every time of `parts` (the threads of one run). */
  static from(parts: Float64Array[]): Latencies {
    const merged = new Latencies();
    for (const part of parts) for (const ms of part) merged.add(ms);
    return merged;
  }

  /** The `p`th percentile (0 to 100) of the times recorded, 0 when there are none. */
  percentile(p: number): number {
    if (this.#count === 0) return 0;
    const sorted = this.#values.slice(0, this.#count).sort();
    return sorted[Math.min(this.#count - 1, Math.floor((p / 100) * this.#count))]!;
  }
}
