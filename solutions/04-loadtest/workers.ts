// Day 4 solution, stretch: `--workers N` spreads the connections over N worker threads, so the tool can use more than
// one CPU core. Each worker runs runLoadTest on its share of the connections and sends back its report and its
// latency histogram; the main thread adds the counts up (Go's WaitGroup plus summing each goroutine's result).
import { Worker } from 'node:worker_threads';
import { build, decodeFromCompressedBase64 } from 'hdr-histogram-js';
import type { LoadOptions, LoadReport } from './loadtest.ts';

/** The report with the stretch fields this file fills in (added here, so that it also works beside a loadtest.ts
 *  whose LoadReport has only the required ones). */
export type Report = LoadReport & { maxLatencyMs?: number; cpuPercent?: number; workers?: number };

/** What a worker sends back: its report, and its histogram of latencies (µs) encoded, to merge percentiles exactly. */
export interface WorkerResult {
  report: Report;
  histogram: string;
}

/** One progress update of one worker, forwarded to onProgress summed over all of them. */
type Progress = { elapsedMs: number; totalOps: number; errors: number };
type Message = { kind: 'ready' } | { kind: 'progress'; progress: Progress } | { kind: 'done'; result: WorkerResult } | { kind: 'failed'; message: string };

/** `connections` split over `workers`: 10 over 3 is 4, 3, 3. */
function shares(connections: number, workers: number): number[] {
  return Array.from({ length: workers }, (_, i) => Math.floor(connections / workers) + (i < connections % workers ? 1 : 0));
}

/** Runs the test over `workers` threads (main.ts calls it for --workers 2 and up) and merges what they measured. */
export async function runInWorkers(options: LoadOptions, workers: number): Promise<Report> {
  const { onProgress, ...plain } = options; // a function cannot be sent to another thread
  const counts = shares(options.connections, Math.min(workers, options.connections));
  // worker.mjs loads TypeScript in its thread (tsx's hooks from `--import tsx` stay on the main thread in Node 20).
  const threads = counts.map((connections) => new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { ...plain, connections }, execArgv: [] }));
  const latest = threads.map((): Progress => ({ elapsedMs: 0, totalOps: 0, errors: 0 }));
  const ready: Promise<void>[] = [];
  const results = threads.map((worker, i) => {
    let loaded: () => void;
    ready.push(new Promise((done) => (loaded = done)));
    return new Promise<WorkerResult>((done, fail) => {
      worker.on('message', (message: Message) => {
        if (message.kind === 'ready') loaded();
        if (message.kind === 'progress') latest[i] = message.progress;
        if (message.kind === 'done') done(message.result);
        if (message.kind === 'failed') fail(new Error(message.message));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a worker thread exited with code ${code} before it reported`)));
    });
  });
  const sum = (): Progress =>
    latest.reduce((a, b) => ({ elapsedMs: Math.max(a.elapsedMs, b.elapsedMs), totalOps: a.totalOps + b.totalOps, errors: a.errors + b.errors }));
  const progress = setInterval(() => onProgress?.(sum()), 1000);
  try {
    // Start every worker at the same moment, once all have loaded: their runs then cover the same seconds.
    await Promise.race([Promise.all(ready), Promise.all(results)]);
    for (const worker of threads) worker.postMessage('go');
    return merge(await Promise.all(results));
  } finally {
    clearInterval(progress);
    await Promise.all(threads.map((worker) => worker.terminate()));
    for (const worker of threads) worker.removeAllListeners(); // the 'exit' listener would fail a settled promise
  }
}

/** One report from the workers': counts added, the run as long as the longest worker's, latencies pooled. */
function merge(results: WorkerResult[]): Report {
  const histogram = build();
  for (const result of results) histogram.add(decodeFromCompressedBase64(result.histogram));
  const reports = results.map((result) => result.report);
  const totalOps = reports.reduce((sum, report) => sum + report.totalOps, 0);
  const durationMs = Math.max(...reports.map((report) => report.durationMs));
  return {
    durationMs,
    totalOps,
    errors: reports.reduce((sum, report) => sum + report.errors, 0),
    opsPerSec: totalOps / (durationMs / 1000),
    avgLatencyMs: totalOps === 0 ? 0 : reports.reduce((sum, report) => sum + report.avgLatencyMs * report.totalOps, 0) / totalOps,
    p50LatencyMs: histogram.getValueAtPercentile(50) / 1000,
    p99LatencyMs: histogram.getValueAtPercentile(99) / 1000,
    maxLatencyMs: histogram.maxValue / 1000,
    // Each worker's share of a core; the busiest one says whether the tool may be the limit.
    cpuPercent: Math.max(...reports.map((report) => report.cpuPercent ?? 0)),
    workers: results.length,
  };
}
