// The grader's own load generator: many connections, a GET/SET mix, text or RESP replies, counted as they arrive.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Latencies } from './latencies.ts';
import { replyCounter } from './reply-counter.ts';
import { makeRandom } from './seed.ts';

/** What to run. `replies` says how the server answers: text lines (the workbook's protocol) or RESP (real Redis). */
export interface LoadOptions {
  host?: string;
  port: number;
  connections: number;
  durationMs: number;
  /** Share of GETs, from 0 to 1 (0.8 is 80% GET). */
  getRatio: number;
  keySpace: number;
  /** Commands sent at once on each connection before waiting for their replies (default 1: no pipelining). */
  pipeline?: number;
  replies: 'text' | 'resp';
  seed?: number;
}

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
  /** CPU time this process used during the run, in percent of one core: above `saturatedCpuPercent` the generator may be the limit. */
  cpuPercent: number;
}

/** Above this share of one core, a load generator may be what limits the figure, not the server. */
export const saturatedCpuPercent = 90;

/** A sentence for a report when the generator used more than `saturatedCpuPercent` of a core ('' otherwise). */
export function saturationNote(result: Pick<LoadResult, 'cpuPercent'>): string {
  if (result.cpuPercent <= saturatedCpuPercent) return '';
  return (
    ` The grader's generator used ${Math.round(result.cpuPercent)}% of a CPU core during that run, so it may have been the limit: read its figure as a floor for your server.` +
    ' For a truer one, split the connections over several load-tester processes run side by side, or measure with redis-benchmark (the RESP stretch).'
  );
}

const keyOf = (n: number) => `key:${n}`;
const valueOf = (n: number) => `value-${n}-abcdefgh`;

/** Stores every key of the key space once (pipelined), so GETs find values on both kinds of server. */
export async function prefill(options: Pick<LoadOptions, 'host' | 'port' | 'keySpace' | 'replies'>): Promise<void> {
  const lines: string[] = [];
  for (let n = 0; n < options.keySpace; n += 1) lines.push(`SET ${keyOf(n)} ${valueOf(n)}\n`);
  const socket = await open(options.host ?? '127.0.0.1', options.port);
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

/** Runs the load for `durationMs` and returns what arrived. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const depth = options.pipeline ?? 1;
  const latencies = new Latencies();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const state = { ops: 0, errors: 0, firstError: undefined as string | undefined, started, bySecond: [] as number[] };
  const deadline = started + options.durationMs;
  const random = makeRandom(options.seed ?? 1);
  const workers = Array.from({ length: options.connections }, () => drive(options, depth, batches(options, depth, random), deadline, latencies, state));
  await Promise.all(workers);
  const durationMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    durationMs,
    totalOps: state.ops,
    errors: state.errors,
    opsPerSec: (state.ops / durationMs) * 1000,
    p50Ms: latencies.percentile(50),
    p90Ms: latencies.percentile(90),
    p99Ms: latencies.percentile(99),
    maxMs: latencies.percentile(100),
    perSecond: Array.from({ length: Math.floor(durationMs / 1000) }, (_, second) => state.bySecond[second] ?? 0),
    firstError: state.firstError,
    cpuPercent: ((used.user + used.system) / 1000 / durationMs) * 100,
  };
}

// A cycle of ready-made request buffers for one connection: building strings per request would measure the client.
function batches(options: LoadOptions, depth: number, random: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let b = 0; b < 512; b += 1) {
    let text = '';
    for (let i = 0; i < depth; i += 1) {
      const n = Math.floor(random() * options.keySpace);
      text += random() < options.getRatio ? `GET ${keyOf(n)}\n` : `SET ${keyOf(n)} ${valueOf(n)}\n`;
    }
    out.push(Buffer.from(text));
  }
  return out;
}

async function drive(options: LoadOptions, depth: number, requests: Buffer[], deadline: number, latencies: Latencies, state: { ops: number; errors: number; firstError?: string; started: number; bySecond: number[] }): Promise<void> {
  const fail = (message: string) => {
    state.errors += 1;
    state.firstError ??= message;
  };
  let socket: Socket;
  let onChunk = (_chunk: Buffer) => {};
  try {
    socket = await open(options.host ?? '127.0.0.1', options.port, (chunk) => onChunk(chunk));
  } catch (error) {
    fail((error as Error).message);
    return;
  }
  const counter = replyCounter(options.replies);
  let next = 0;
  let sentAt = 0;
  await new Promise<void>((done) => {
    const send = () => {
      sentAt = performance.now();
      socket.write(requests[next]!);
      next = (next + 1) % requests.length;
    };
    onChunk = (chunk: Buffer) => {
      counter.feed(chunk);
      if (counter.replies < depth) return;
      const now = performance.now();
      latencies.add(now - sentAt);
      state.ops += depth;
      const second = Math.floor((now - state.started) / 1000);
      state.bySecond[second] = (state.bySecond[second] ?? 0) + depth;
      if (counter.errors > 0) fail(`the server answered with an error: ${counter.lastError}`);
      counter.reset();
      if (now < deadline) send();
      else done();
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('close', () => {
      if (performance.now() < deadline) fail('the server closed the connection during the run');
      done();
    });
    send();
  });
  socket.destroy();
}

// With `onChunk`, replies are read into one reused buffer (no 'data' events, no Buffer per read): the client stays cheap.
function open(host: string, port: number, onChunk?: (chunk: Buffer) => void): Promise<Socket> {
  return new Promise((done, fail) => {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    const callback = (size: number) => {
      onChunk!(buffer.subarray(0, size));
      return true;
    };
    const socket = connect({ host, port, noDelay: true, ...(onChunk ? { onread: { buffer, callback } } : {}) });
    socket.once('connect', () => {
      socket.removeListener('error', fail);
      done(socket);
    });
    socket.once('error', fail);
  });
}
