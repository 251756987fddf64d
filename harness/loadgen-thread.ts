// The load generator's work on one thread: its share of the connections, driven until the deadline, counted as replies
// arrive. runLoad (loadgen.ts) calls it on the calling thread, or in each worker thread (loadgen-worker.ts).
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
  /** Worker threads to spread the connections over (default: generatorWorkers()); 1 runs on the calling thread. */
  workers?: number;
  /** With worker threads: how long each drives the server, unmeasured, before the run, so that its fresh JIT has
   *  compiled the hot loop (default 300 ms; 0 for none). */
  warmUpMs?: number;
}

/** What one thread runs: its connections, the load's shape (runLoad's options) and its own seed. */
export type ThreadLoad = Required<Pick<LoadOptions, 'host' | 'port' | 'connections' | 'durationMs' | 'getRatio' | 'keySpace' | 'replies' | 'seed'>> & {
  /** Commands sent at once on each connection (LoadOptions.pipeline). */
  depth: number;
  /** In a worker thread: unmeasured load it drives before its run (LoadOptions.warmUpMs). */
  warmUpMs: number;
};

/** What one thread measured; `latencies` are the raw round trips (ms), so that threads can be merged. */
export interface ThreadResult {
  durationMs: number;
  ops: number;
  errors: number;
  firstError?: string;
  bySecond: number[];
  latencies: Float64Array<ArrayBuffer>;
  /** CPU time of the whole process during the run, in percent of one core. */
  processCpuPercent: number;
  /** How busy this thread was, in percent of one core: its own CPU time where Node can tell (process.threadCpuUsage,
   *  Node 23.9+), else the share of the run its event loop was not idle (performance.eventLoopUtilization). */
  threadPercent: number;
}

type State = { ops: number; errors: number; firstError?: string; started: number; bySecond: number[] };

export const keyOf = (n: number) => `key:${n}`;
export const valueOf = (n: number) => `value-${n}-abcdefgh`;

/** Drives `load.connections` connections on this thread for `load.durationMs`. */
export async function runThread(load: ThreadLoad): Promise<ThreadResult> {
  const latencies = new Latencies();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const threadCpu = threadCpuUsage();
  const loop = performance.eventLoopUtilization();
  const state: State = { ops: 0, errors: 0, started, bySecond: [] };
  const deadline = started + load.durationMs;
  const random = makeRandom(load.seed);
  await Promise.all(Array.from({ length: load.connections }, () => drive(load, batches(load, random), deadline, latencies, state)));
  const durationMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const ownCpu = threadCpu && threadCpuUsage(threadCpu);
  return {
    durationMs,
    ops: state.ops,
    errors: state.errors,
    firstError: state.firstError,
    bySecond: state.bySecond,
    latencies: latencies.values(),
    processCpuPercent: ((used.user + used.system) / 1000 / durationMs) * 100,
    threadPercent: ownCpu ? ((ownCpu.user + ownCpu.system) / 1000 / durationMs) * 100 : performance.eventLoopUtilization(loop).utilization * 100,
  };
}

// process.threadCpuUsage exists from Node 23.9 on; undefined before.
function threadCpuUsage(since?: NodeJS.CpuUsage): NodeJS.CpuUsage | undefined {
  const read = (process as { threadCpuUsage?: (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage;
  return read?.call(process, since);
}

// A cycle of ready-made request buffers for one connection: building strings per request would measure the client.
function batches(load: ThreadLoad, random: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let b = 0; b < 512; b += 1) {
    let text = '';
    for (let i = 0; i < load.depth; i += 1) {
      const n = Math.floor(random() * load.keySpace);
      text += random() < load.getRatio ? `GET ${keyOf(n)}\n` : `SET ${keyOf(n)} ${valueOf(n)}\n`;
    }
    out.push(Buffer.from(text));
  }
  return out;
}

async function drive(load: ThreadLoad, requests: Buffer[], deadline: number, latencies: Latencies, state: State): Promise<void> {
  const { depth } = load;
  const fail = (message: string) => {
    state.errors += 1;
    state.firstError ??= message;
  };
  let socket: Socket;
  let onChunk = (_chunk: Buffer) => {};
  try {
    socket = await open(load.host, load.port, (chunk) => onChunk(chunk));
  } catch (error) {
    fail((error as Error).message);
    return;
  }
  const counter = replyCounter(load.replies);
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

/** Connects to `host:port`. With `onChunk`, replies are read into one reused buffer (no 'data' events, no Buffer per
 *  read): the client stays cheap. */
export function open(host: string, port: number, onChunk?: (chunk: Buffer) => void): Promise<Socket> {
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
