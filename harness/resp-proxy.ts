// A pass-through between a load tester and real Redis that makes Redis's replies hard to read without a RESP parser:
// a key space prefilled with values that hold "\r\n", keys of the wrong type (GET answers -WRONGTYPE) and missing keys
// ($-1), every reply chunk cut after its first line; and it counts, with the grader's own RESP reader, what it passed on.
import { connect, createServer, type Socket } from 'node:net';
import { replyCounter } from './reply-counter.ts';

/** What went back to the clients: complete RESP replies, and how many of them were errors. */
interface Delivered {
  replies: number;
  errors: number;
}

/** A running proxy: its port, what it delivered so far, and how to stop it. */
export interface RespProxy {
  port: number;
  delivered(): Delivered;
  close(): Promise<void>;
}

/** The value, if any, key:n gets before the run: every third key a two-line value whose second line starts with `-`
 *  (a line reader takes it for an error reply), every seventh a list (GET answers -WRONGTYPE), the rest none ($-1). */
function seeded(n: number): { kind: 'value'; value: string } | { kind: 'list' } | undefined {
  if (n % 7 === 0) return { kind: 'list' };
  if (n % 3 === 0) return { kind: 'value', value: `first line ${n}\r\n-second line, not an error` };
  return undefined;
}

const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;

/** Stores `seeded(n)` for key:0 … key:(keySpace - 1) in Redis at `redisPort` (pipelined RESP). */
export async function seedRedis(redisPort: number, keySpace: number): Promise<void> {
  let commands = '';
  let count = 0;
  for (let n = 0; n < keySpace; n += 1) {
    const seed = seeded(n);
    if (!seed) continue;
    commands +=
      seed.kind === 'list' ? `*3\r\n${bulk('RPUSH')}${bulk(`key:${n}`)}${bulk('item')}` : `*3\r\n${bulk('SET')}${bulk(`key:${n}`)}${bulk(seed.value)}`;
    count += 1;
  }
  const socket = connect({ host: '127.0.0.1', port: redisPort });
  const counter = replyCounter('resp');
  await new Promise<void>((done, fail) => {
    socket.on('data', (chunk: Buffer) => {
      counter.feed(chunk);
      if (counter.replies >= count) done();
    });
    socket.on('error', fail);
    socket.write(commands);
  });
  socket.destroy();
}

/** Starts the proxy on a free loopback port, in front of Redis at `redisPort`. */
export async function startRespProxy(redisPort: number): Promise<RespProxy> {
  const totals: Delivered = { replies: 0, errors: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const redis = connect({ host: '127.0.0.1', port: redisPort, noDelay: true });
    client.setNoDelay(true);
    const counter = replyCounter('resp');
    for (const socket of [client, redis]) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        redis.destroy();
      });
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk: Buffer) => redis.write(chunk));
    redis.on('data', (chunk: Buffer) => {
      counter.feed(chunk);
      totals.replies += counter.replies;
      totals.errors += counter.errors;
      counter.reset();
      // The first line alone, the rest a turn later: a reader must join a reply across reads.
      const cut = chunk.indexOf('\r\n') + 2;
      if (cut <= 1 || cut >= chunk.length) return void client.write(chunk);
      client.write(chunk.subarray(0, cut));
      const rest = chunk.subarray(cut);
      setImmediate(() => client.writable && client.write(rest));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as { port: number }).port,
    delivered: () => ({ ...totals }),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
