// Day 4 · A load tester: keep N connections busy until a deadline, then report what you measured, honestly.
// Check it: npm run check day4 · Guide: days/04-loadtest/README.md, "Your mission" and "Questions to think about"
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What to run: where, how many connections, how long, which mix of GET and SET over how many keys. */
export interface LoadOptions {
  host: string;
  port: number;
  connections: number;
  durationMs: number;
  /** Share of GET commands, from 0 to 1 (0.8 = 80% GET, 20% SET). */
  getRatio: number;
  /** Draw keys at random from this many, e.g. key:0 … key:9999. */
  keySpace: number;
  /** Stretch: requests kept in flight on each connection (default 1: send, wait for the reply, send the next). */
  pipeline?: number;
  /** Stretch: called about once a second while the test runs, for a live line. */
  onProgress?: (progress: { elapsedMs: number; totalOps: number; errors: number }) => void;
}

/** What a run measured. Latencies are in milliseconds, over successful operations. */
export interface LoadReport {
  durationMs: number;
  totalOps: number;
  errors: number;
  opsPerSec: number;
  avgLatencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  /** Stretch: the slowest operation. */
  maxLatencyMs?: number;
  /** Stretch: this process's CPU time over the run, in percent of one core (process.cpuUsage); near 100, the tool is the limit. */
  cpuPercent?: number;
}

/** One open connection to the server: requests go out in order and replies come back in the same order. */
class Connection {
  /** True once the socket has closed (the server dropped it, or you closed it). */
  closed = false;

  private constructor(private readonly socket: Socket) {
    // TODO: Split incoming data into lines (a reply may arrive in pieces, or several in one chunk) and hand
    // each line to the oldest request still waiting. On 'close', set `closed` and reject every waiting request.
    // Listen for 'error' as well: a server that resets the connection makes the socket emit it, and an 'error'
    // nobody listens to crashes the whole tool ('close' follows it, so that handler can do the rest).
  }

  /** Opens a connection, or rejects with the reason (ECONNREFUSED, …). */
  static open(host: string, port: number): Promise<Connection> {
    // TODO: Call connect({ host, port }) and resolve with `new Connection(socket)` on 'connect'; reject on 'error'.
    void connect; // what this uses; delete it with the throw below
    throw new Error('not implemented yet: Connection.open in days/04-loadtest/loadtest.ts');
  }

  /** Sends one command (without the newline) and resolves with its reply line. */
  request(line: string): Promise<string> {
    // TODO: Remember who is waiting, then write `${line}\n`.
    throw new Error('not implemented yet: Connection.request in days/04-loadtest/loadtest.ts');
  }

  /** Closes the connection; requests still waiting are rejected. */
  close(): void {
    // TODO: Destroy the socket.
    void this.socket; // what this uses; delete it with the throw below
    throw new Error('not implemented yet: Connection.close in days/04-loadtest/loadtest.ts');
  }
}

/** Runs the load test and resolves with what it measured. */
export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  // TODO: Open every connection first (reject if they cannot be opened), then start the clock with performance.now().
  // TODO: Run one async loop per connection, all at once (Promise.all). Each loop sends a random GET or SET,
  //       waits for the reply, counts it (an `ERR …` reply or a failed connection is an error, not an operation),
  //       and repeats until the deadline. A dropped connection: count the error, open a new one, keep going.
  // TODO: At the deadline, stop: requests still in flight count neither as operations nor as errors.
  // TODO: Report the elapsed time, the counts, ops/s = totalOps / elapsed seconds, and the latencies
  //       (average, median p50, 99th percentile p99) of the successful operations.
  void [performance, Connection]; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: runLoadTest in days/04-loadtest/loadtest.ts');
}

/** The "=== Load Test Results ===" block of the guide, one figure per line. */
export function formatReport(report: LoadReport): string {
  // TODO: Return the block shown in the guide's checkpoint: Duration, Total Operations, Errors, Throughput,
  //       Avg Latency, then P50 Latency and P99 Latency.
  throw new Error('not implemented yet: formatReport in days/04-loadtest/loadtest.ts');
}
