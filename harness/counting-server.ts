// A server of the grader's own that speaks the day-2 text protocol and counts everything it sees, so a
// checkpoint can hold a load tester's report against the truth. It can add latency, answer ERR, or drop connections.
import { createServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** How the counting server misbehaves on purpose. */
export interface CountingServerOptions {
  /** Wait this long before answering each command (commands of one connection are answered in order). */
  latencyMs?: number;
  /** Answer every Nth command (counted over all connections) with `ERR injected failure` instead of its reply. */
  errorEvery?: number;
  /** Close each connection, without answering, when its Nth command arrives. */
  dropEvery?: number;
  /** Hold the reply to every command that arrives this long after the server started… */
  holdFromMs?: number;
  /** …for this much longer (a reply that comes late, after the client's deadline). */
  holdForMs?: number;
  /** Answer every Nth command of each connection later than the others… */
  slowEvery?: number;
  /** …by this many milliseconds more: a known share of slow replies, so the true p50 and p99 are known. */
  slowMs?: number;
  /** Answer the Nth, 2Nth … command (counted over all connections) later still, `tailCount` of them… */
  tailEvery?: number;
  tailCount?: number;
  /** …by this many milliseconds more: the slowest replies, beyond p99, so a maximum is not mistaken for it. */
  tailMs?: number;
  /** Block the whole event loop (client and server alike, as a long GC pause would) this long after the first reply… */
  stallAfterMs?: number;
  /** …for this long. Timed from the first reply, so the stall falls inside the run however long connecting took. */
  stallForMs?: number;
}

/** What the server counted. Commands are counted when their reply is written. */
export interface CountingStats {
  /** Commands answered with a real reply (OK, a value or (nil)). */
  answered: number;
  /** Commands answered with a line starting `ERR `. */
  errors: number;
  gets: number;
  sets: number;
  /** Connections accepted, ever. */
  opened: number;
  /** Connections open now, and the most that were open at once. */
  open: number;
  maxOpen: number;
  /** Connections the server closed on purpose (dropEvery). */
  drops: number;
  /** How many commands named each key. */
  keys: Map<string, number>;
  /** Commands answered on each connection, in the order the connections were accepted. */
  perConnection: number[];
  /** The most commands one connection had waiting for their replies at once (seen only with latencyMs > 0; 1 unless the client pipelines). */
  maxInFlight: number;
  /** performance.now() of every real reply, to see when load arrived. */
  answerTimes: number[];
  /** performance.now() when each stall the server was told to make (stallForMs) began. */
  stalls: number[];
}

/** A running counting server. */
export interface CountingServer {
  host: string;
  port: number;
  stats: CountingStats;
  /** Replies answered (real or ERR) at or after `since` (a performance.now() time). */
  answeredSince(since: number): number;
  /** Real replies written at or before `until` (a performance.now() time). */
  answeredBefore(until: number): number;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Waits at least `ms` milliseconds (a timer may fire a little early; this never returns early). */
async function pause(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    await new Promise((done) => setTimeout(done, Math.max(1, Math.ceil(until - performance.now()))));
  }
}

/** Holds the event loop for `ms` milliseconds: nothing else in this process runs meanwhile. The thread sleeps in
 *  Atomics.wait rather than spinning, so the stall leaves the CPU to the machine's other work. */
function block(ms: number): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) Atomics.wait(cell, 0, 0, left);
}

/** Starts a counting server on 127.0.0.1 and a free port. */
export async function startCountingServer(options: CountingServerOptions = {}): Promise<CountingServer> {
  const stats: CountingStats = {
    answered: 0,
    errors: 0,
    gets: 0,
    sets: 0,
    opened: 0,
    open: 0,
    maxOpen: 0,
    drops: 0,
    keys: new Map(),
    perConnection: [],
    maxInFlight: 0,
    answerTimes: [],
    stalls: [],
  };
  const store = new Map<string, string>();
  const sockets = new Set<Socket>();
  let stall: NodeJS.Timeout | undefined;
  const errorTimes: number[] = [];
  let seen = 0;
  let arrived = 0; // commands received, over all connections
  const startedAt = performance.now();
  const held = (receivedAt: number) => (options.holdFromMs !== undefined && receivedAt - startedAt >= options.holdFromMs ? (options.holdForMs ?? 0) : 0);

  function reply(line: string): string {
    const [name = '', key, ...rest] = line.trim().split(' ');
    const command = name.toUpperCase();
    if (key !== undefined) stats.keys.set(key, (stats.keys.get(key) ?? 0) + 1);
    if (command === 'GET' && key !== undefined && rest.length === 0) {
      stats.gets += 1;
      return store.get(key) ?? '(nil)';
    }
    if (command === 'SET' && key !== undefined && rest.length > 0) {
      stats.sets += 1;
      store.set(key, rest.join(' '));
      return 'OK';
    }
    if (command === 'DEL' && key !== undefined && rest.length === 0) {
      store.delete(key);
      return 'OK';
    }
    return `ERR unknown command '${name}'`;
  }

  function answer(socket: Socket, index: number, line: string): void {
    if (socket.destroyed) return; // the client left before the reply was due: nothing is answered
    seen += 1;
    const injected = options.errorEvery !== undefined && seen % options.errorEvery === 0;
    const text = injected ? 'ERR injected failure' : reply(line);
    socket.write(`${text}\n`);
    if (text.startsWith('ERR')) {
      stats.errors += 1;
      errorTimes.push(performance.now());
      return;
    }
    stats.answered += 1;
    stats.perConnection[index]! += 1;
    stats.answerTimes.push(performance.now());
    if (stats.answered === 1 && options.stallForMs !== undefined) {
      stall = setTimeout(() => {
        stats.stalls.push(performance.now());
        block(options.stallForMs!);
      }, options.stallAfterMs ?? 0);
    }
  }

  const server = createServer((socket) => {
    const index = stats.perConnection.length;
    stats.perConnection.push(0);
    stats.opened += 1;
    stats.open += 1;
    stats.maxOpen = Math.max(stats.maxOpen, stats.open);
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => {
      stats.open -= 1;
      sockets.delete(socket);
    });
    socket.on('error', () => {}); // a client that resets the connection is not the server's problem
    let buffered = '';
    let received = 0;
    let waiting = 0;
    const respond = (line: string) => {
      waiting -= 1;
      answer(socket, index, line);
    };
    let queue = Promise.resolve();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline).replace(/\r$/, '');
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (line.trim() === '') continue;
        received += 1;
        waiting += 1;
        stats.maxInFlight = Math.max(stats.maxInFlight, waiting);
        if (options.dropEvery !== undefined && received % options.dropEvery === 0) {
          stats.drops += 1;
          // Every other drop is a reset, as when a server crashes: the client's socket then emits 'error' (ECONNRESET).
          if (stats.drops % 2 === 0) socket.resetAndDestroy();
          else socket.destroy();
          return;
        }
        arrived += 1;
        const slow = options.slowEvery !== undefined && received % options.slowEvery === 0 ? (options.slowMs ?? 0) : 0;
        const tails = options.tailEvery !== undefined && arrived % options.tailEvery === 0 && arrived / options.tailEvery <= (options.tailCount ?? 1);
        const tail = tails ? (options.tailMs ?? 0) : 0;
        const latency = (options.latencyMs ?? 0) + slow + tail + held(performance.now());
        if (latency <= 0) respond(line);
        else queue = queue.then(() => pause(latency)).then(() => respond(line));
      }
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the counting server has no TCP address');
  return {
    host: '127.0.0.1',
    port: address.port,
    stats,
    answeredBefore: (until) => stats.answerTimes.filter((time) => time <= until).length,
    answeredSince: (since) => stats.answerTimes.filter((time) => time >= since).length + errorTimes.filter((time) => time >= since).length,
    close: () =>
      new Promise<void>((done) => {
        clearTimeout(stall);
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
