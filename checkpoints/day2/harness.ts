// Day 2 helpers: start the learner's server on port 0, connect clients to it, and clean both up after each test.
import { CheckError, show } from '../support/check.ts';
import { withTimeout } from '../support/async.ts';
import { learnerModule, shown } from '../support/learner.ts';
import { firstCrashSince, watchCrashes as watchUncaught } from '../support/crashes.ts';
import { destroyAllClients, TcpClient } from '../support/tcp-client.ts';
import type { Transcript } from '../support/transcript.ts';

type ServerModule = typeof import('@learner/02-server/server.ts');
type ServerOptions = Parameters<ServerModule['startServer']>[0];

/** A running learner server. */
export interface Running {
  port: number;
  close(): Promise<void>;
}

export const serverFile = '02-server/server.ts';
export const protocolFile = '02-server/protocol.ts';
/** Where to look, as the learner reads it. */
export const look = {
  start: `startServer in ${shown(serverFile)}`,
  close: `close() returned by startServer in ${shown(serverFile)}`,
  framing: `the 'data' handler (serveConnection) in ${shown(serverFile)}`,
  disconnect: `the 'data', 'end' and 'close' handlers (serveConnection) in ${shown(serverFile)}`,
  protocol: `handleLine in ${shown(protocolFile)}`,
};

const servers: Running[] = [];

/** Starts the learner's server (port 0 unless told otherwise) and remembers it for cleanup. */
export async function startLearnerServer(options: ServerOptions = {}): Promise<Running> {
  const { startServer } = await learnerModule<ServerModule>(serverFile, ['startServer']);
  const call = `startServer(${show({ port: 0, ...options })})`;
  const server = await withTimeout(Promise.resolve(startServer({ port: 0, ...options })), 3000, `${call} did not resolve within 3 s.`, {
    where: look.start,
    fix: "Resolve the promise inside listen()'s callback, and reject it on the server's 'error' event.",
  });
  if (typeof server?.port !== 'number' || server.port <= 0 || typeof server.close !== 'function') {
    throw new CheckError(`${call} must resolve with { port, close }, the real port it listens on.`, {
      expected: '{ port: a number above 0, close: [Function] }',
      received: show(server),
      where: look.start,
      fix: 'Read the port from (server.address() as AddressInfo).port once listening; port 0 only asks the system to pick one.',
    });
  }
  servers.push(server);
  return server;
}

/** Connects a client to `server` (one transcript per client unless one is shared). */
export function connectTo(server: Running, name = 'client', transcript?: Transcript): Promise<TcpClient> {
  return TcpClient.connect(server.port, { name, transcript, where: look.framing });
}

/** Forgets a server the test closed itself. */
export function forget(server: Running): void {
  servers.splice(servers.indexOf(server) >>> 0, 1);
}

/** Drops every client and closes every server a test started (use in afterEach). */
export async function cleanUp(): Promise<void> {
  destroyAllClients();
  for (const server of servers.splice(0)) {
    await withTimeout(Promise.resolve(server.close()), 2000, 'close() did not resolve').catch(() => {});
  }
}

/** Starts watching for exceptions the learner's code lets escape; returns the moment to pass to expectNoCrash. */
export function watchCrashes(): number {
  watchUncaught();
  return Date.now();
}

/** Fails when the server threw an uncaught exception since `since` while `doing` (a real server would have died). */
export function expectNoCrash(since: number, doing: string, fix = "Never throw for bad input: answer with an \"ERR …\" line, and listen for 'error' on every socket."): void {
  const error = firstCrashSince(since);
  if (!error) return;
  throw new CheckError(`Your server threw while ${doing}; a real server process would have died.`, {
    received: `${error.name}: ${JSON.stringify(error.message).slice(1, -1)}`,
    where: `${look.framing} and ${look.protocol}`,
    fix,
  });
}
