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
}

/** One open connection: requests go out in order and replies come back in the same order. */
class Connection {
  readonly #socket: Socket;
  readonly #waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  #buffered = '';
  closed = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.#receive(chunk));
    socket.on('error', () => {}); // 'close' follows and fails whatever is still waiting
    socket.on('close', () => {
      this.closed = true;
      for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('connection closed'));
    });
  }

  /** Opens a connection, or rejects with the reason (ECONNREFUSED, …). */
  static open(host: string, port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Connection(socket));
      });
    });
  }

  /** Sends one command and resolves with its reply line. */
  request(line: string): Promise<string> {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#socket.write(`${line}\n`);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #receive(chunk: string): void {
    this.#buffered += chunk;
    let newline = this.#buffered.indexOf('\n');
    while (newline !== -1) {
      const line = this.#buffered.slice(0, newline).replace(/\r$/, '');
      this.#buffered = this.#buffered.slice(newline + 1);
      this.#waiting.shift()?.resolve(line);
      newline = this.#buffered.indexOf('\n');
    }
  }
}

/** A random command over the key space: GET with probability `getRatio`, otherwise SET. */
function randomCommand(getRatio: number, keySpace: number): string {
  const key = `key:${Math.floor(Math.random() * keySpace)}`;
  return Math.random() < getRatio ? `GET ${key}` : `SET ${key} value-${Math.floor(Math.random() * 1e6)}`;
}

/** Runs the load test and resolves with what it measured. Rejects if the first connections cannot be opened. */
export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const { host, port, connections, durationMs, getRatio, keySpace, pipeline = 1 } = options;
  const opened = await Promise.allSettled(Array.from({ length: connections }, () => Connection.open(host, port)));
  const first = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = opened.find((result) => result.status === 'rejected');
  if (failed) {
    for (const connection of first) connection.close();
    const reason = failed.reason as NodeJS.ErrnoException;
    throw new Error(`Cannot connect to ${host}:${port} (${reason.code ?? reason.message})`);
  }

  // One event loop runs all of this, so plain counters are safe: no two callbacks ever run at once.
  let totalOps = 0;
  let errors = 0;
  let latencySumMs = 0;
  const histogram = build(); // microseconds
  const live = new Set<Connection>(first);
  let stopped = false;
  const startedAt = performance.now();
  let endedAt = startedAt + durationMs;

  // Keeps one request going on `connection`: send, wait for the reply, count it, repeat.
  async function slot(connection: Connection): Promise<void> {
    while (!stopped && !connection.closed) {
      const sentAt = performance.now();
      try {
        const reply = await connection.request(randomCommand(getRatio, keySpace));
        if (stopped) return; // arrived after the cutoff: outside the measured window
        if (reply.startsWith('ERR')) {
          errors += 1;
          continue;
        }
        const latencyMs = performance.now() - sentAt;
        totalOps += 1;
        latencySumMs += latencyMs;
        histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
      } catch {
        if (!stopped) errors += 1; // the connection failed under this request: count it, do not retry it
      }
    }
  }

  // One loop per connection until the deadline; a dropped connection is replaced so the load goes on.
  async function lane(connection: Connection | undefined): Promise<void> {
    while (!stopped) {
      connection ??= await Connection.open(host, port).catch(() => undefined);
      if (!connection) {
        if (!stopped) errors += 1; // a failed reconnect is an error too
        await new Promise((done) => setTimeout(done, 10));
        continue;
      }
      live.add(connection);
      await Promise.all(Array.from({ length: pipeline }, () => slot(connection!)));
      live.delete(connection);
      connection = undefined;
    }
    connection?.close();
  }

  const progress = setInterval(() => options.onProgress?.({ elapsedMs: performance.now() - startedAt, totalOps, errors }), 1000);
  const cutoff = setTimeout(() => {
    stopped = true;
    endedAt = performance.now();
    clearInterval(progress);
    for (const connection of live) connection.close(); // requests in flight are abandoned, counted neither way
  }, durationMs);
  await Promise.all(first.map((connection) => lane(connection)));
  clearTimeout(cutoff);

  const elapsedMs = endedAt - startedAt;
  return {
    durationMs: elapsedMs,
    totalOps,
    errors,
    opsPerSec: totalOps / (elapsedMs / 1000),
    avgLatencyMs: totalOps === 0 ? 0 : latencySumMs / totalOps,
    p50LatencyMs: histogram.getValueAtPercentile(50) / 1000,
    p99LatencyMs: histogram.getValueAtPercentile(99) / 1000,
    maxLatencyMs: histogram.maxValue / 1000,
  };
}

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
  return lines.join('\n');
}
