// Day 2: when a network requirement fails, asks a fresh copy of the learner's server whether its connections share one
// buffer of unread bytes (a `let pending` at module level); if they do, every failure is told as that one cause.
import { connect, type Socket } from 'node:net';
import type { Cause } from '../../harness/cause.ts';
import { targetDir } from '../../harness/learner.ts';

/** The cause every failing network requirement carries once the probe has seen one buffer shared by all connections. */
export const sharedBuffer: Cause = { kind: 'shared-buffer', title: 'every connection shares one buffer of unread bytes' };

type ServerModule = typeof import('@learner/02-server/server.ts');
type ProtocolModule = typeof import('@learner/02-server/protocol.ts');
type CacheModule = typeof import('@learner/01-cache/cache.ts');

// What the probe saw, once per test file (a sentence for the message), or null when the buffers are separate.
let seen: Promise<string | null> | undefined;

/** What the probe saw when two clients of a fresh server were glued together, or null (memoised per test file). */
export function sharedBufferSeen(): Promise<string | null> {
  seen ??= probe().catch(() => null);
  return seen;
}

// A fresh instance of server.ts (its own module-level variables, none of the earlier tests' leftovers): client A sends
// half a SET, client B sends the rest of a line. Separate buffers answer B's line alone; one shared buffer answers
// A's half and B's bytes glued together, as one line.
async function probe(): Promise<string | null> {
  const fresh = `${targetDir}/02-server/server.ts?shared-buffer-probe`;
  const { startServer } = (await import(/* @vite-ignore */ fresh)) as ServerModule;
  const { handleLine } = (await import(/* @vite-ignore */ '@learner/02-server/protocol.ts')) as ProtocolModule;
  const { Cache } = (await import(/* @vite-ignore */ '@learner/01-cache/cache.ts')) as CacheModule;
  const [half, rest] = ['SET shared-buffer-probe glued-', 'value'];
  const glued = safely(() => handleLine(`${half}${rest}`, new Cache()));
  const alone = safely(() => handleLine(rest, new Cache()));
  if (typeof glued !== 'string' || glued === alone) return null;
  const server = await within(Promise.resolve(startServer({ port: 0 })), 1000);
  const sockets: Socket[] = [];
  try {
    const [a, b] = [await open(server.port, sockets), await open(server.port, sockets)];
    a.write(half);
    await new Promise((done) => setTimeout(done, 50));
    b.write(`${rest}\n`);
    const reply = await within(firstLine(b), 500).catch(() => undefined);
    if (reply !== glued) return null;
    return `On a fresh server, client A sent ${JSON.stringify(half)} (no "\\n" yet) and client B sent ${JSON.stringify(`${rest}\n`)}; B got ${JSON.stringify(reply)}, the answer to A's bytes and B's glued into one line. The unread bytes live in one variable shared by every connection: declare it inside the connection handler, so each client has its own.`;
  } finally {
    for (const socket of sockets) socket.destroy();
    await within(Promise.resolve(server.close()), 1000).catch(() => {});
  }
}

/** A client connected to `port` (kept in `sockets` for the caller to destroy), or a rejection after 1 s. */
export function open(port: number, sockets: Socket[]): Promise<Socket> {
  return within(
    new Promise((done, fail) => {
      const socket = connect({ host: '127.0.0.1', port }, () => done(socket));
      socket.on('error', fail);
      sockets.push(socket);
    }),
    1000,
  );
}

/** The first line `socket` receives, without its line end. */
export function firstLine(socket: Socket): Promise<string> {
  return new Promise((done) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) done(text.slice(0, text.indexOf('\n')).replace(/\r$/, ''));
    });
  });
}

/** `promise`, or a rejection after `ms`; the timer never outlives the race. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
