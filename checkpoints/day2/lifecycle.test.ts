// Day 2 checkpoint: the server starts where it is told, uses the cache it is given, and close() really closes.
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import type { Cause } from '../../harness/cause.ts';
import { CheckError, expectEqual } from '../../harness/check.ts';
import { settle, withTimeout } from '../../harness/async.ts';
import { learnerModule } from '../../harness/learner.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { hintFor } from '../../harness/socket-trouble.ts';
import { Transcript } from '../../harness/transcript.ts';
import { cleanUp, connectTo, forget, look, startLearnerServer } from './server-under-test.ts';

type CacheModule = typeof import('@learner/01-cache/cache.ts');

afterEach(cleanUp);

const random = makeRandom();
const [key, other] = randomWords(random, 2) as [string, string];

const kinds = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout', 'Immediate'];

// One close() bug breaks every requirement below: the same cause folds them into one problem.
const hangs: Cause = { kind: 'close-incomplete', title: 'close() does not resolve while clients are connected' };
const leaves: Cause = { kind: 'close-incomplete', title: 'close() resolves but leaves clients connected' };

/**
 * Counts of the resources that keep a Node process alive (servers, sockets, timers), the smallest seen over
 * ten samples 10 ms apart: the test runner's own short-lived timers come and go, a leaked one stays.
 */
async function openResources(): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(kinds.map((kind) => [kind, Infinity]));
  for (let sample = 0; sample < 10; sample += 1) {
    await new Promise((done) => setTimeout(done, 10));
    const names = process.getActiveResourcesInfo();
    for (const kind of kinds) counts[kind] = Math.min(counts[kind]!, names.filter((name) => name === kind).length);
  }
  return counts;
}

/** Resolves true when a connection to host:port is accepted, false when it is refused or unreachable. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => finish(false), 500);
    function finish(result: boolean) {
      clearTimeout(timer);
      socket.destroy();
      done(result);
    }
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

describe('Lifecycle', () => {
  it('uses the cache it is given, shared with the caller', { meta: { id: 'given-cache' } }, async () => {
    const { Cache } = await learnerModule<CacheModule>('01-cache/cache.ts', ['Cache']);
    const cache = new Cache();
    cache.set(key, 'preloaded');
    const client = await connectTo(await startLearnerServer({ cache }));
    const fix = 'Use options.cache when it is given; create a new Cache only when it is not.';
    await client.expectReply(`GET ${key}`, 'preloaded', { where: look.start, fix });
    await client.expectReply(`SET ${other} from-the-wire`, 'OK');
    expectEqual(cache.get(other), 'from-the-wire', 'A SET over the wire did not reach the cache passed to startServer.', { where: look.start, fix });
  });

  it('close() resolves while clients are still connected, and disconnects them', { meta: { id: 'close-disconnects' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const idle = await connectTo(server, 'idle client', transcript);
    const busy = await connectTo(server, 'client mid-line', transcript);
    await idle.expectReply(`SET ${key} v`, 'OK');
    await busy.send(`GET ${key}`);
    forget(server);
    await withTimeout(Promise.resolve(server.close()), 3000, 'close() did not resolve within 3 s while two clients were connected.', {
      where: look.close,
      fix: 'server.close() only stops new connections and waits for open ones: keep a Set of sockets and destroy (or end) them in close().',
      cause: hangs,
    });
    for (const client of [idle, busy]) {
      if (!(await client.waitForEnd(2000)))
        throw client.fail('After close() resolved, this client was still connected.', {
          where: look.close,
          fix: 'End every open socket in close().',
          cause: leaves,
        });
    }
  });

  it('close() frees the port: a new server can listen on it at once', { meta: { id: 'close-frees-port' } }, async () => {
    const first = await startLearnerServer();
    const client = await connectTo(first, 'client');
    await client.expectReply(`SET ${key} v`, 'OK');
    forget(first);
    await withTimeout(Promise.resolve(first.close()), 3000, 'close() did not resolve within 3 s.', { where: look.close, cause: hangs });
    const second = await settle(startLearnerServer({ port: first.port })).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof CheckError) throw error;
      const cause: Cause | undefined =
        error.code === 'EADDRINUSE' ? { kind: 'port-in-use', title: 'the port is still taken after close() resolved (EADDRINUSE)' } : undefined;
      throw new CheckError(`After close() resolved, startServer({ port: ${first.port} }) failed.`, {
        received: `${error.code ?? error.name}: ${error.message}`,
        where: look.close,
        fix: `Resolve close() only in server.close()'s callback, once the listening socket is gone. Hint: ${hintFor(error.code ?? '')}`,
        ...(cause ? { cause } : {}),
      });
    });
    const again = await connectTo(second, 'client of the new server');
    await again.expectReply(`GET ${key}`, '(nil)');
  });

  it('close() leaves no open sockets or timers behind', { meta: { id: 'close-leaves-nothing' } }, async () => {
    const before = await openResources();
    const server = await startLearnerServer();
    const clients = [await connectTo(server, 'client 1'), await connectTo(server, 'client 2')];
    for (const client of clients) await client.expectReply(`SET ${key} v`, 'OK');
    forget(server);
    await withTimeout(Promise.resolve(server.close()), 3000, 'close() did not resolve within 3 s.', { where: look.close, cause: hangs });
    for (const client of clients)
      await withTimeout(client.closed, 2000, 'A client was still connected after close() resolved.', { where: look.close, cause: leaves });
    const after = await openResources();
    const left = Object.entries(after).filter(([name, count]) => count > before[name]!);
    if (left.length > 0) {
      throw new CheckError('After close() resolved, the process still holds resources your server opened.', {
        expected: `no more than before the server started: ${JSON.stringify(before)}`,
        received: JSON.stringify(after),
        where: look.close,
        fix: 'TCPServerWrap is a server still listening, TCPSocketWrap a socket still open, Timeout a setTimeout/setInterval still pending: close, destroy or clear each in close().',
      });
    }
  });

  it('listens on 127.0.0.1 by default, not on every interface', { meta: { id: 'loopback-only' } }, async () => {
    const server = await startLearnerServer();
    const others = ['127.0.0.2', '::1'];
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) if (!address.internal) others.push(address.address.split('%')[0]!);
    }
    if (!(await accepts('127.0.0.1', server.port))) {
      throw new CheckError(`startServer({ port: 0 }) does not accept connections on 127.0.0.1:${server.port}.`, {
        where: look.start,
        fix: "Default host to '127.0.0.1' and pass it to listen().",
      });
    }
    for (const address of others) {
      if (!(await accepts(address, server.port))) continue;
      throw new CheckError(`startServer({ port: 0 }) also accepts connections on ${address}: it listens on every interface.`, {
        expected: 'only 127.0.0.1, when no host is given',
        received: `a connection accepted on ${address}:${server.port}`,
        where: look.start,
        fix: "Pass the host to listen: server.listen(port, host) with host defaulting to '127.0.0.1'. A cache with no password on every interface can be read and written by anyone on the network.",
      });
    }
  });
});
