// The grader's own load generator: many connections, a GET/SET mix, text or RESP replies, counted as they arrive.
import { availableParallelism } from 'node:os';
import { Latencies } from './latencies.ts';
import { keyOf, open, runThread, valueOf, type LoadOptions, type ThreadResult } from './loadgen-thread.ts';
import { maxWorkers, runWorkers } from './loadgen-workers.ts';
import { replyCounter } from './reply-counter.ts';

/** What was measured: only replies that arrived count as operations. */
export interface LoadResult {
  durationMs: number;
  totalOps: number;
  errors: number;
  opsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Operations whose replies arrived in each whole second of the run (the first entry is second 1). */
  perSecond: number[];
  /** The first error seen, for the failure message. */
  firstError?: string;
  /** CPU time this process used during the run, in percent of one core (with several workers, of them all: it can pass 100). */
  cpuPercent: number;
  /** The threads the connections were spread over (1: the calling thread). */
  workers: number;
  /** How busy each of them was, in percent of one core: with one thread, `cpuPercent`; with worker threads, each
   *  thread's own CPU time where Node can tell (23.9+), else the share of the run its event loop was busy. */
  workerCpuPercent: number[];
}

/** Above this share of one core, a load generator may be what limits the figure, not the server. */
export const saturatedCpuPercent = 90;

/** Whether every thread of the generator used more than `saturatedCpuPercent` of a core: then the generator may
 *  have been the limit, and its figure is a floor for the server. */
export function saturated(result: Pick<LoadResult, 'workerCpuPercent'>): boolean {
  return result.workerCpuPercent.length > 0 && result.workerCpuPercent.every((share) => share > saturatedCpuPercent);
}

/** The shares of `result`'s threads as text: "97%", or "96%, 98% and 97% (3 worker threads)". */
export function sharesText(result: Pick<LoadResult, 'workerCpuPercent'>): string {
  const shares = result.workerCpuPercent.map((share) => `${Math.round(share)}%`);
  if (shares.length === 1) return shares[0]!;
  return `${shares.slice(0, -1).join(', ')} and ${shares.at(-1)} (${shares.length} worker threads)`;
}

/** A sentence for a report when every thread of the generator was saturated ('' otherwise). */
export function saturationNote(result: Pick<LoadResult, 'workerCpuPercent'>): string {
  if (!saturated(result)) return '';
  return (
    ` The grader's generator used ${sharesText(result)} of a CPU core during that run, so it may have been the limit: read its figure as a floor for your server.` +
    ' For a truer one, split the connections over several load-tester processes run side by side, or measure with redis-benchmark (the RESP stretch).'
  );
}

/** Stores every key of the key space once (pipelined), so GETs find values on both kinds of server. */
export async function prefill(options: Pick<LoadOptions, 'host' | 'port' | 'keySpace' | 'replies'>): Promise<void> {
  const lines: string[] = [];
  for (let n = 0; n < options.keySpace; n += 1) lines.push(`SET ${keyOf(n)} ${valueOf(n)}\n`);
  const socket = await open(loopback(options.host), options.port);
  const counter = replyCounter(options.replies);
  await new Promise<void>((done, fail) => {
    socket.on('data', (chunk: Buffer) => {
      counter.feed(chunk);
      if (counter.replies >= options.keySpace) done();
    });
    socket.on('error', fail);
    socket.on('close', () => fail(new Error(`the server closed the connection after ${counter.replies} of ${options.keySpace} SETs`)));
    socket.write(lines.join(''));
  });
  socket.destroy();
}

/**
 * The worker threads a run uses by default: CACHELINGS_LOADGEN_WORKERS when set (1 to 8), else 1 on a machine with
 * fewer than 4 cores (as before: the generator and the server share 2 cores, and a second thread would only take
 * the server's), else half the cores, at most 4, so the generator is not the limit and the server keeps cores of its own.
 */
export function generatorWorkers(cores = availableParallelism(), env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env.CACHELINGS_LOADGEN_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, maxWorkers);
  return cores < 4 ? 1 : Math.min(4, Math.floor(cores / 2));
}

/** Runs the load for `durationMs` and returns what arrived. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const load = { ...options, host: loopback(options.host), depth: options.pipeline ?? 1, seed: options.seed ?? 1, warmUpMs: options.warmUpMs ?? 300 };
  const workers = Math.min(options.workers ?? generatorWorkers(), options.connections);
  if (workers <= 1) {
    const result = await runThread(load);
    return merged([result], result.processCpuPercent, [result.processCpuPercent]);
  }
  const { results, cpuPercent } = await runWorkers(load, workers);
  return merged(
    results,
    cpuPercent,
    results.map((result) => result.threadPercent),
  );
}

// One result from the threads' own: counts summed, latencies pooled, the run as long as the longest thread's.
function merged(parts: ThreadResult[], cpuPercent: number, workerCpuPercent: number[]): LoadResult {
  const durationMs = Math.max(...parts.map((part) => part.durationMs));
  const totalOps = parts.reduce((sum, part) => sum + part.ops, 0);
  const latencies = Latencies.from(parts.map((part) => part.latencies));
  return {
    durationMs,
    totalOps,
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    opsPerSec: (totalOps / durationMs) * 1000,
    p50Ms: latencies.percentile(50),
    p90Ms: latencies.percentile(90),
    p99Ms: latencies.percentile(99),
    maxMs: latencies.percentile(100),
    perSecond: Array.from({ length: Math.floor(durationMs / 1000) }, (_, second) => parts.reduce((sum, part) => sum + (part.bySecond[second] ?? 0), 0)),
    firstError: parts.find((part) => part.firstError !== undefined)?.firstError,
    cpuPercent,
    workers: parts.length,
    workerCpuPercent,
  };
}

// The generator connects to this machine only: a host that is not a loopback address is refused.
function loopback(host = '127.0.0.1'): string {
  if (['127.0.0.1', '::1', 'localhost'].includes(host)) return host;
  throw new Error(`the grader's load generator connects only to 127.0.0.1 or ::1, not to ${JSON.stringify(host)}`);
}
