// Day 2 helpers: start the learner's server on port 0, connect clients to it, and clean both up after each test.
import { addAdvice, CheckError, show, type Thrown } from '../../harness/check.ts';
import { withTimeout } from '../../harness/async.ts';
import { crashCause, frameIn, type Cause } from '../../harness/cause.ts';
import { learnerModule, shown, targetDir } from '../../harness/learner.ts';
import { firstCrashSince, fromReadline, watchCrashes as watchUncaught } from '../../harness/crashes.ts';
import { hintFor } from '../../harness/socket-trouble.ts';
import { destroyAllClients, TcpClient } from '../../harness/tcp-client.ts';
import type { Transcript } from '../../harness/transcript.ts';
import type { TestContext } from 'vitest';
import { onFailure } from '../support/requirement.ts';
import { chunkFraming, chunkFramingSeen } from './chunk-framing.ts';
import { sharedBuffer, sharedBufferSeen } from './shared-buffer.ts';

type ServerModule = typeof import('@learner/02-server/server.ts');
type ProtocolModule = typeof import('@learner/02-server/protocol.ts');
type CacheModule = typeof import('@learner/01-cache/cache.ts');
type ServerOptions = NonNullable<Parameters<ServerModule['startServer']>[0]>;

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

// The first failure to start with port 0: later tests fail at once with it instead of waiting again.
let startFailure: Error | undefined;

/** Starts the learner's server (port 0 unless told otherwise) and remembers it for cleanup. */
export async function startLearnerServer(options: ServerOptions = {}): Promise<Running> {
  if (startFailure && options.port === undefined) throw startFailure;
  const since = watchCrashes();
  try {
    return await start(options);
  } catch (error) {
    if (options.port !== undefined && !(error instanceof CheckError)) throw error; // EADDRINUSE and the like: the caller tells
    if (/^not implemented yet/.test((error as Error)?.message ?? '')) {
      if (options.port === undefined) startFailure = error as Error; // the scaffold's TODO, said plainly
      throw error;
    }
    const failure = startError(error, since, options);
    if (options.port === undefined) startFailure = failure;
    throw failure;
  }
}

async function start(options: ServerOptions): Promise<Running> {
  startedOne = true;
  const { startServer } = await learnerModule<ServerModule>(serverFile, ['startServer']);
  const call = `startServer(${show({ port: 0, ...options })})`;
  const cause: Cause = { kind: 'server-not-started', title: `${call} did not give a listening server` };
  // A server that throws while starting never resolves: stop waiting as soon as the exception is seen.
  const starting = Promise.resolve(startServer({ port: 0, ...options }));
  let settled = false;
  starting.then(
    () => (settled = true),
    () => (settled = true),
  );
  const started = Promise.race([starting, crashed(Date.now(), () => settled)]);
  const server = await withTimeout(started, 2000, `${call} did not resolve within 2 s.`, {
    where: look.start,
    fix: "Resolve the promise inside listen()'s callback, and reject it on the server's 'error' event.",
    cause: { kind: 'start-never-resolves', title: `${call} never resolved` },
  });
  if (typeof server?.port !== 'number' || server.port <= 0 || typeof server.close !== 'function') {
    throw new CheckError(`${call} must resolve with { port, close }, the real port it listens on.`, {
      expected: '{ port: a number above 0, close: [Function] }',
      received: show(server),
      where: look.start,
      fix: 'Read the port from (server.address() as AddressInfo).port once listening; port 0 only asks the system to pick one.',
      cause,
    });
  }
  servers.push(server);
  if (options.cache) givenCache.add(server);
  return server;
}

// Rejects once the code under test has let an exception escape since `since` (checked every 50 ms, at most 2 s);
// stops looking (and never settles) once `done()` says startServer has settled, so no timer outlives the start.
async function crashed(since: number, done: () => boolean): Promise<never> {
  for (let waited = 0; waited < 2000 && !done(); waited += 50) {
    await new Promise((wake) => setTimeout(wake, 50));
    const error = firstCrashSince(since);
    if (error) throw error;
  }
  return new Promise<never>(() => {});
}

// Why starting failed, told once: what startServer threw (or an exception it let escape), where, and its cause.
function startError(error: unknown, since: number, options: ServerOptions): CheckError {
  const crash = firstCrashSince(since);
  const call = `startServer(${show({ port: 0, ...options })})`;
  const cause: Cause = { kind: 'server-not-started', title: `${call} did not give a listening server` };
  if (crash) {
    return new CheckError(`Your server crashed while starting: ${call} let an exception escape.`, {
      received: `${crash.name}: ${crash.message}`,
      where: frameIn(crash.stack, targetDir) ?? look.start,
      fix: 'Fix that exception; a server that throws while starting never listens.',
      cause,
    });
  }
  if (error instanceof CheckError) {
    if (!error.failure) error.failure = cause;
    return error;
  }
  const thrown = error as Error;
  // server.address() is null until listen() has finished: the usual slip is reading the port right after listen().
  const tooEarly = /Cannot read properties of null \(reading 'port'\)|Cannot destructure property 'port' of .* as it is null/.test(thrown?.message ?? '');
  return new CheckError(`${call} ${thrown instanceof Error ? 'threw or rejected' : 'rejected'}: your server did not start.`, {
    received: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : show(error),
    where: frameIn(thrown?.stack, targetDir) ?? look.start,
    fix: tooEarly
      ? "server.address() is null until the server is listening, and listen() only starts that: read the port inside listen()'s callback (or after awaiting it), as the guide's startServer sketch does."
      : "Fix that error first: every other requirement needs a listening server. Reject only on the server's 'error' event.",
    cause,
  });
}

// How many clients each server has had, and which are connected: handleLine's answers stand for the server's only
// while it has had one client, and only when it was not given a cache with keys in it.
const clients = new WeakMap<Running, number>();
const connected = new WeakMap<Running, Set<TcpClient>>();
const givenCache = new WeakSet<Running>();

/** Connects a client to `server` (one transcript per client unless one is shared). */
export async function connectTo(server: Running, name = 'client', transcript?: Transcript): Promise<TcpClient> {
  clients.set(server, (clients.get(server) ?? 0) + 1);
  const answer = await replayer().catch(() => undefined);
  const replay = answer && ((lines: string[]) => (clients.get(server) === 1 && !givenCache.has(server) ? answer(lines) : undefined));
  const answerAlone = answer && ((line: string) => answer([line])?.[0]);
  const open = connected.get(server) ?? new Set<TcpClient>();
  connected.set(server, open);
  let self: TcpClient | undefined;
  const othersOpen = () => [...open].filter((client) => client !== self).length;
  self = await TcpClient.connect(server.port, { name, transcript, where: look.framing, protocolWhere: look.protocol, replay, answerAlone, othersOpen });
  const client = self;
  testClients.push(client);
  open.add(client);
  void client.closed.then(() => open.delete(client));
  return client;
}

/** The learner's handleLine run over `lines` on a fresh Cache, as the server should answer them. */
async function replayer(): Promise<(lines: string[]) => (string | null)[] | undefined> {
  const { handleLine } = await learnerModule<ProtocolModule>(protocolFile, ['handleLine']);
  const { Cache } = await learnerModule<CacheModule>('01-cache/cache.ts', ['Cache']);
  return (lines) => {
    const cache = new Cache();
    const answers = lines.map((line) => handleLine(line, cache) as unknown);
    return answers.every((answer) => answer === null || typeof answer === 'string') ? (answers as (string | null)[]) : undefined;
  };
}

/** The cause when `received` is what handleLine answers to `lines` with the "\r" of their "\r\n" kept (a fresh cache). */
export async function crKept(lines: string[], received: string): Promise<Cause | undefined> {
  const answers = await replayer().then(
    (answer) => answer(lines),
    () => undefined,
  );
  const withoutCr = await replayer().then(
    (answer) => answer(lines.map((line) => line.replace(/\r$/, ''))),
    () => undefined,
  );
  const replies = answers?.filter((answer) => answer !== null);
  if (!replies?.includes(received) || withoutCr?.filter((answer) => answer !== null).includes(received)) return undefined;
  return { kind: 'cr-kept', title: 'the "\\r" of a "\\r\\n" line end stays part of the line' };
}

/** Forgets a server the test closed itself. */
export function forget(server: Running): void {
  servers.splice(servers.indexOf(server) >>> 0, 1);
}

// Whether the current test started a server (a failure then may come from how the server frames lines), the clients
// it connected, and whether an earlier test of this file left a half line behind (a shared buffer still holds it).
let startedOne = false;
let testClients: TcpClient[] = [];
let halfLineLeft = false;

/** Drops every client and closes every server a test started (use in afterEach); a failed network requirement of a
 *  server whose connections share one buffer, or that takes a chunk as a line, is re-told as that cause (one bug, one
 *  problem) if the failure did not pass through the requirement's own diagnosis (a time-out, a hook). */
export async function cleanUp(context?: TestContext): Promise<void> {
  destroyAllClients();
  for (const server of servers.splice(0)) {
    await withTimeout(Promise.resolve(server.close()), 2000, 'close() did not resolve').catch(() => {});
  }
  const failed = context?.task.result?.state === 'fail';
  if (failed) await retell(context.task.result?.errors ?? []);
  halfLineLeft ||= testClients.some((client) => client.leftHalfLine);
  startedOne = false;
  testClients = [];
}

/** The errors of a failed network requirement, re-told as the shared-buffer or chunk-framing cause when a fresh copy of
 *  the server shows it. A shared buffer can break a test only where bytes of two clients could meet: two clients in
 *  this test, or a half line left by an earlier one. Each error is re-told once. */
async function retell(errors: unknown[]): Promise<void> {
  if (!startedOne) return;
  const open = (errors as Thrown[]).filter((error) => error.advice?.seen === undefined);
  if (open.length === 0) return;
  const couldMeet = testClients.length > 1 || halfLineLeft;
  const shared = couldMeet ? await sharedBufferSeen() : null;
  const [seen, cause, explains] = shared ? [shared, sharedBuffer, bufferExplains] : [await chunkFramingSeen(), chunkFraming, framingExplains];
  if (!seen) return;
  // The diagnosis re-tells in the test, and afterEach sees a copy of the same error: `seen` marks it told.
  for (const error of open) {
    if (error.failure && !explains(error.failure)) continue; // another bug: told on its own
    addAdvice(error, { seen, cause });
  }
}
onFailure((error) => retell([error]));

// Whether a server that takes each chunk as a line can produce `cause`: a reply to a piece, a wrong or missing reply.
function framingExplains(cause: Cause): boolean {
  return ['reply-mismatch', 'line-in-pieces', 'no-reply'].includes(cause.kind);
}

// Whether a shared buffer can produce `cause` (replies to glued or cut lines, waits, connections ended); a wrong
// handleLine, a crash, an 'error' nobody listened to, a close() that hangs or a missing line limit is another bug.
function bufferExplains(cause: Cause): boolean {
  if (cause.kind === 'connection-reset') return !cause.title.includes("reached no 'error' listener");
  return ['reply-mismatch', 'line-in-pieces', 'other-client-waits', 'no-reply'].includes(cause.kind);
}

/** Starts watching for exceptions the learner's code lets escape; returns the moment to pass to expectNoCrash. */
export function watchCrashes(): number {
  watchUncaught();
  return Date.now();
}

/** Fails when the server threw an uncaught exception since `since` while `doing` (a real server would have died). */
export function expectNoCrash(
  since: number,
  doing: string,
  fix = 'Never throw for bad input: answer with an "ERR …" line, and listen for \'error\' on every socket.',
): void {
  const error = firstCrashSince(since);
  if (!error) return;
  throw crashError(error, `Your server threw while ${doing}; a real server process would have died.`, fix);
}

/** The failure for an exception the learner's code let escape: Look at where it was thrown, or the sockets. */
export function crashError(error: Error, headline: string, fix?: string): CheckError {
  const cause = crashCause(error);
  const reset = cause.kind === 'connection-reset';
  const readline = fromReadline(error);
  const failure = new CheckError(headline, {
    received: `${error.name}: ${JSON.stringify(error.message).slice(1, -1)}`,
    where: readline
      ? `the node:readline interface (createInterface) in ${shown(serverFile)}: it needs an 'error' listener too`
      : reset
        ? `the sockets accepted in ${shown(serverFile)}: each needs an 'error' listener`
        : (frameIn(error.stack, targetDir) ?? `${look.framing} and ${look.protocol}`),
    fix: readline
      ? "Add lines.on('error', …) to the interface createInterface returned (and socket.on('error', …) to the socket)."
      : reset
        ? "Add socket.on('error', …) to every accepted socket: an 'error' event nobody listens to is thrown and ends the process."
        : fix,
    cause,
    // A known socket trouble gets its Hint line, as a failure with a transcript does.
    ...(readline ? { hint: hintFor('readline') } : reset ? { hint: hintFor('no-error-listener') } : {}),
  });
  return failure;
}
