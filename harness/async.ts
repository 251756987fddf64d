// Small async helpers for checkpoints: deferred promises, yielding to the event loop, bounded waits.
import { CheckError, type Advice } from './check.ts';

/** A promise with its resolve function exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets every queued microtask and one round of I/O callbacks run. */
export function tick(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** Resolves like `promise`, or fails with `headline` when it has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, headline: string, advice: Advice = {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckError(headline, { received: `nothing after ${ms} ms`, ...advice })), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Marks `promise` as handled now (so a rejection is not reported as unhandled) and returns it for a later await. */
export function settle<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
