// Spreads the load generator's connections over worker threads, so that on a machine with cores to spare the
// generator is not what limits the figure. Each worker gets its share of the connections and a seed derived from
// the run's; all start together, and their counts and latencies are merged into one result.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ThreadLoad, ThreadResult } from './loadgen-thread.ts';

/** The most worker threads one run may start, whatever is asked. */
export const maxWorkers = 8;

// A worker is plain JavaScript that registers tsx on its own thread (tsx's `--import` hooks stay on the main
// thread in Node 20), then loads the TypeScript entry.
const tsxApi = pathToFileURL(resolve(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const entry = pathToFileURL(resolve(import.meta.dirname, 'loadgen-worker.ts')).href;
const bootstrap = new URL(
  `data:text/javascript,${encodeURIComponent(`const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(entry)});`)}`,
);

/** Worker `index`'s seed: the run's own for the first, a different stream for each other (printed seed → same run). */
export function workerSeed(seed: number, index: number): number {
  return (seed + Math.imul(index, 0x9e3779b9)) >>> 0;
}

/** `connections` split over `workers` as evenly as whole numbers allow (the first ones get one more). */
export function shares(connections: number, workers: number): number[] {
  return Array.from({ length: workers }, (_, i) => Math.floor(connections / workers) + (i < connections % workers ? 1 : 0));
}

/** Runs `load` over `workers` threads; resolves with each worker's result, in order, and the CPU time of the whole
 *  process from "go" to the last report (the threads' loading left out), in percent of one core. Rejects when a worker
 *  fails or does not report within the run's duration plus 20 s (every worker is then stopped). */
export async function runWorkers(load: ThreadLoad, workers: number): Promise<{ results: ThreadResult[]; cpuPercent: number }> {
  const count = Math.min(workers, maxWorkers, load.connections);
  const started = shares(load.connections, count).map(
    (connections, i) => new Worker(bootstrap, { execArgv: [], workerData: { ...load, connections, seed: workerSeed(load.seed, i) } satisfies ThreadLoad }),
  );
  let timer: NodeJS.Timeout | undefined;
  const limitMs = load.durationMs + 20_000;
  const late = new Promise<never>(
    (_, fail) => (timer = setTimeout(() => fail(new Error(`the load generator's worker threads did not report within ${limitMs / 1000} s`)), limitMs)),
  );
  const run = async () => {
    await Promise.all(started.map((worker) => nextMessage(worker)));
    // Every worker has loaded and waits: start them together, so that their runs cover the same seconds.
    const results = started.map((worker) => nextMessage(worker) as Promise<ThreadResult>);
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (const worker of started) worker.postMessage('go');
    const all = await Promise.all(results);
    const used = process.cpuUsage(cpu);
    return { results: all, cpuPercent: ((used.user + used.system) / 1000 / (performance.now() - wall)) * 100 };
  };
  try {
    return await Promise.race([run(), late]);
  } finally {
    clearTimeout(timer);
    await Promise.all(started.map((worker) => worker.terminate()));
  }
}

// The next message of `worker`; rejects when it throws or exits first.
function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((done, fail) => {
    const failed = (error: Error) => fail(new Error(`a worker thread of the load generator failed: ${error.message}`));
    const exited = (code: number) => fail(new Error(`a worker thread of the load generator exited (code ${code}) before reporting`));
    worker.once('message', (message) => {
      worker.off('error', failed).off('exit', exited);
      done(message);
    });
    worker.once('error', failed).once('exit', exited);
  });
}
