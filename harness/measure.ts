// Throughput and allocation measurements for checkpoints: best of several short samples, heap bytes per operation.
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Calls `op(i)` for about `sampleMs` (checking the clock between growing batches); returns operations per second. */
export function opsPerSecond(op: (i: number) => void, sampleMs: number): number {
  let done = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < sampleMs) {
    for (let i = 0; i < batch; i += 1) op(done + i);
    done += batch;
    elapsed = performance.now() - start;
    if (batch < 1_024) batch *= 2;
  }
  return (done / elapsed) * 1_000;
}

/** The fastest of `samples` runs of each contender, alternating between them so both meet the same noise. */
export async function bestOf(samples: number, sampleMs: number, contenders: Record<string, (i: number) => void>): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round < samples; round += 1) {
    for (const [name, op] of Object.entries(contenders)) {
      best[name] = Math.max(best[name] ?? 0, opsPerSecond(op, sampleMs));
      await new Promise((done) => setImmediate(done)); // let vitest's own messages through between samples
    }
  }
  return best;
}

let collect: (() => void) | null | undefined;

/** A function that runs a full garbage collection (V8's gc, exposed at run time), or null where V8 refuses. */
function gc(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('gc');
    collect = typeof found === 'function' ? (found as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Heap bytes allocated per call of `op`, the counterpart of Go's `-benchmem` B/op. Approximation: collect garbage,
 * read heapUsed, make `count` calls, read it again. A sample during which V8 collected garbage is thrown away (it
 * would hide allocations) and retried with ten times fewer calls; the smallest clean sample wins.
 * Undefined when even a single call could not run without a collection, or when gc cannot be exposed.
 */
export async function bytesPerOp(op: (i: number) => void, count: number, samples = 3): Promise<number | undefined> {
  const collectNow = gc();
  if (!collectNow) return undefined;
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  const flush = () => new Promise((done) => setTimeout(done, 0));
  try {
    for (let calls = count; calls >= 1; calls = Math.floor(calls / 10)) {
      let best: number | undefined;
      for (let sample = 0; sample < samples; sample += 1) {
        collectNow();
        await flush();
        const seen = collections;
        const before = process.memoryUsage().heapUsed;
        for (let i = 0; i < calls; i += 1) op(i);
        const after = process.memoryUsage().heapUsed;
        await flush();
        if (collections !== seen) continue;
        const perOp = Math.max(0, (after - before) / calls);
        best = best === undefined ? perOp : Math.min(best, perOp);
      }
      if (best !== undefined) return best;
    }
    return undefined;
  } finally {
    observer.disconnect();
  }
}

/** Runs `fn` while counting the lines written through console.log / info / debug / warn / error (still printed). */
export async function countingConsole<T>(fn: () => Promise<T>): Promise<{ result: T; lines: number }> {
  const methods = ['log', 'info', 'debug', 'warn', 'error'] as const;
  const originals = methods.map((name) => console[name]);
  let lines = 0;
  methods.forEach((name, index) => {
    console[name] = (...args: unknown[]) => {
      lines += 1;
      originals[index]!.apply(console, args);
    };
  });
  try {
    return { result: await fn(), lines };
  } finally {
    methods.forEach((name, index) => (console[name] = originals[index]!));
  }
}
