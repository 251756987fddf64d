// Day 4 solution: keep N connections busy until a deadline, and report only what was measured.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { build } from 'hdr-histogram-js';

/** What to run: where, how many connections, how long, which mix of GET and SET over how many keys. */
export interface LoadOptions {
  host: string;
  port: number;
  connections: number;
  durationMs: number;
  /** Share of GET commands, from 0 to 1 (0.8 = 80% GET, 20% SET). */
  getRatio: number;
  /** Keys are drawn at random from key:0 … key:(keySpace - 1). */
  keySpace: number;
  /** Requests kept in flight on each connection (default 1: send, wait for the reply, send the next). */
  pipeline?: number;
  /** Stretch (--workers): given the run's latency histogram (µs) as the run starts, so that a worker thread can send
   *  it back when the run ends and the main thread can merge the percentiles of every thread exactly. */
  onHistogram?: (histogram: ReturnType<typeof build>) => void;
  /** Stretch: 'resp' reads the replies as RESP (real Redis answers inline commands in RESP); default 'text'. */
  protocol?: 'text' | 'resp';
  /** Called about once a second while the test runs. */
  onProgress?: (progress: { elapsedMs: number; totalOps: number; errors: number }) => void;
}

/** What a run measured. Latencies are in milliseconds and cover successful operations only. */
export interface LoadReport {
  durationMs: number;
  totalOps: number;
  errors: number;
  opsPerSec: number;
  avgLatencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  maxLatencyMs?: number;
  /** CPU time this process used over the run, in percent of one core: near 100, the tester itself is the limit. */
  cpuPercent?: number;
  /** Stretch: the worker threads the connections were spread over (--workers), when more than one. */
  workers?: number;
}

/** The counters of a run, shared by every connection. One event loop runs them all, so plain fields are safe. */
class Tally {
  totalOps = 0;
  errors = 0;
  latencySumMs = 0;
  readonly histogram = build(); // microseconds
  stopped = false;

  /** Counts `ok` replies that each waited `latencyMs`, and `failed` ERR replies; after the cutoff nothing counts. */
  add(ok: number, failed: number, latencyMs: number): void {
    if (this.stopped) return;
    this.errors += failed;
    if (ok === 0) return;
    this.totalOps += ok;
    this.latencySumMs += ok * latencyMs;
    this.histogram.recordValueWithCount(Math.max(1, Math.round(latencyMs * 1000)), ok);
  }
}

const newline = 0x0a;

/**
 * One connection, driven like redis-benchmark drives its clients: a turn of `pipeline` commands goes out in one
 * write, each chunk of replies is counted in one pass over its bytes, and the next turn leaves when the last reply
 * of this one is back. No promise, closure or string per reply: a counter and an index do.
 */
class Lane {
  readonly #socket: Socket;
  readonly #options: LoadOptions;
  readonly #tally: Tally;
  #bulkLeft = 0; // RESP: bytes of a bulk string (and its \r\n) still to come
  #waiting = 0; // replies of the current turn still to come
  #sentAt = 0; // when the current turn was written
  #tail: Buffer | undefined; // an unfinished reply line, kept for the next chunk
  /** Settles when the socket has closed; requests still waiting then were lost with it, unless the run was over. */
  readonly closed: Promise<void>;

  constructor(socket: Socket, options: LoadOptions, tally: Tally) {
    this.#socket = socket;
    this.#options = options;
    this.#tally = tally;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', () => {}); // 'close' follows and counts what was lost
    this.closed = new Promise((done) =>
      socket.on('close', () => {
        this.#tally.add(0, this.#waiting, 0);
        done();
      }),
    );
    this.#send();
  }

  /** Writes the next turn; `now` is the clock reading of the reply that ended the last one (one reading serves both). */
  #send(now = performance.now()): void {
    const { pipeline = 1, getRatio, keySpace } = this.#options;
    let turn = '';
    for (let i = 0; i < pipeline; i += 1) turn += randomCommand(getRatio, keySpace);
    this.#waiting = pipeline;
    this.#sentAt = now;
    this.#socket.write(turn);
  }

  #receive(chunk: Buffer): void {
    if (this.#options.protocol === 'resp') return this.#receiveResp(chunk);
    const data = this.#tail ? Buffer.concat([this.#tail, chunk]) : chunk;
    let ok = 0;
    let failed = 0;
    let start = 0; // where the current line begins
    for (let end = data.indexOf(newline); end !== -1; end = data.indexOf(newline, start)) {
      // A line beyond the replies this turn waits for was not asked for: it counts neither way.
      if (ok + failed < this.#waiting && isError(data, start)) failed += 1;
      else if (ok + failed < this.#waiting) ok += 1;
      start = end + 1;
    }
    this.#tail = start < data.length ? data.subarray(start) : undefined;
    const now = performance.now();
    this.#tally.add(ok, failed, now - this.#sentAt);
    this.#waiting -= ok + failed;
    if (this.#waiting === 0 && !this.#tally.stopped) this.#send(now);
  }

  /** Stretch: RESP replies. `+OK` and `:1` are one line, `-ERR …` an error, `$-1` a nil, and `$5` a bulk string whose
   *  5 bytes and their \r\n follow, whatever they hold (\r\n included): one reply over two lines or more. */
  #receiveResp(chunk: Buffer): void {
    const data = this.#tail ? Buffer.concat([this.#tail, chunk]) : chunk;
    this.#tail = undefined;
    let ok = 0;
    let failed = 0;
    for (let pos = 0; pos < data.length;) {
      if (this.#bulkLeft > 0) {
        const take = Math.min(this.#bulkLeft, data.length - pos);
        this.#bulkLeft -= take;
        pos += take;
        if (this.#bulkLeft === 0) ok += 1;
        continue;
      }
      const end = data.indexOf(newline, pos);
      if (end === -1) {
        this.#tail = data.subarray(pos);
        break;
      }
      const length = data[pos] === 0x24 ? Number(data.toString('latin1', pos + 1, end).trim()) : -1; // `$<length>`
      if (length >= 0) this.#bulkLeft = length + 2;
      else if (data[pos] === 0x2d)
        failed += 1; // `-ERR …`, `-WRONGTYPE …`
      else ok += 1; // `+OK`, `:1`, `$-1`
      pos = end + 1;
    }
    const now = performance.now();
    this.#tally.add(ok, failed, now - this.#sentAt);
    this.#waiting -= ok + failed;
    if (this.#waiting <= 0 && !this.#tally.stopped) this.#send(now);
  }
}

/** True when the line that begins at `start` is `ERR …` (bytes past the end read as undefined: no match). */
function isError(data: Buffer, start: number): boolean {
  return data[start] === 0x45 && data[start + 1] === 0x52 && data[start + 2] === 0x52;
}

/** Opens a connection, or rejects with the reason (ECONNREFUSED, …). */
function open(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/** A random command line over the key space: GET with probability `getRatio`, otherwise SET (one number drawn, one formatted). */
function randomCommand(getRatio: number, keySpace: number): string {
  const n = Math.floor(Math.random() * keySpace);
  return Math.random() < getRatio ? `GET key:${n}\n` : `SET key:${n} value-${n}\n`;
}

/** Runs the load test and resolves with what it measured. Rejects if the first connections cannot be opened. */
export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const { host, port, connections, durationMs } = options;
  const opened = await Promise.allSettled(Array.from({ length: connections }, () => open(host, port)));
  const first = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = opened.find((result) => result.status === 'rejected');
  if (failed) {
    for (const socket of first) socket.destroy();
    const reason = failed.reason as NodeJS.ErrnoException;
    throw new Error(`Cannot connect to ${host}:${port} (${reason.code ?? reason.message})`);
  }

  const tally = new Tally();
  options.onHistogram?.(tally.histogram);
  const live = new Set<Socket>();
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  let endedAt = startedAt + durationMs;
  let cpuMs = 0;

  // One connection after another on the same lane until the deadline: a dropped connection is replaced.
  async function lane(socket: Socket | undefined): Promise<void> {
    while (!tally.stopped) {
      socket ??= await open(host, port).catch(() => undefined);
      if (!socket) {
        tally.add(0, 1, 0); // a failed reconnect is an error too
        await new Promise((done) => setTimeout(done, 10));
        continue;
      }
      if (tally.stopped) break; // opened after the cutoff
      live.add(socket);
      await new Lane(socket, options, tally).closed;
      live.delete(socket);
      socket = undefined;
    }
    socket?.destroy();
  }

  const progress = setInterval(() => options.onProgress?.({ elapsedMs: performance.now() - startedAt, totalOps: tally.totalOps, errors: tally.errors }), 1000);
  const cutoff = setTimeout(() => {
    tally.stopped = true;
    endedAt = performance.now();
    const cpu = process.cpuUsage(cpuAtStart);
    cpuMs = (cpu.user + cpu.system) / 1000;
    clearInterval(progress);
    for (const socket of live) socket.destroy(); // requests in flight are abandoned, counted neither way
  }, durationMs);
  await Promise.all(first.map((socket) => lane(socket)));
  clearTimeout(cutoff);

  const elapsedMs = endedAt - startedAt;
  const { totalOps, errors, latencySumMs, histogram } = tally;
  return {
    durationMs: elapsedMs,
    totalOps,
    errors,
    opsPerSec: totalOps / (elapsedMs / 1000),
    avgLatencyMs: totalOps === 0 ? 0 : latencySumMs / totalOps,
    p50LatencyMs: histogram.getValueAtPercentile(50) / 1000,
    p99LatencyMs: histogram.getValueAtPercentile(99) / 1000,
    maxLatencyMs: histogram.maxValue / 1000,
    cpuPercent: (cpuMs / elapsedMs) * 100,
  };
}

/** Above this share of one core, the load tester may be what limits the figure, not the server. */
const saturatedCpuPercent = 90;

/** The results block of the guide, plus latency percentiles. */
export function formatReport(report: LoadReport): string {
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => `${n.toFixed(3)} ms`;
  const lines = [
    '=== Load Test Results ===',
    `Duration: ${(report.durationMs / 1000).toFixed(2)}s`,
    `Total Operations: ${count(report.totalOps)}`,
    `Errors: ${count(report.errors)}`,
    `Throughput: ${count(report.opsPerSec)} ops/sec`,
    `Avg Latency: ${ms(report.avgLatencyMs)}`,
    `P50 Latency: ${ms(report.p50LatencyMs)}`,
    `P99 Latency: ${ms(report.p99LatencyMs)}`,
  ];
  if (report.maxLatencyMs !== undefined) lines.push(`Max Latency: ${ms(report.maxLatencyMs)}`);
  if (report.workers !== undefined && report.workers > 1) lines.push(`Worker Threads: ${report.workers}`);
  if (report.cpuPercent !== undefined && report.cpuPercent > saturatedCpuPercent) {
    lines.push(
      '',
      `Note: this load tester used ${Math.round(report.cpuPercent)}% of a CPU core${report.workers ? ' (its busiest worker thread)' : ''}, so it may be what limits the figure:`,
      'read the throughput as a floor for the server. For a truer one, spread the connections over more threads',
      '(--workers N) where the machine has cores to spare, or measure with redis-benchmark.',
    );
  }
  return lines.join('\n');
}
