// Day 5 solution: the day-2 server tuned for throughput; a client that starts with `*` is served RESP instead.
import { createServer, type Socket } from 'node:net';
import { Cache } from '../01-cache/cache.ts';
import { handleLine } from '../02-server/protocol.ts';
import { serveResp } from './resp.ts';

const maxLine = 64 * 1024;

/** Where to listen and which cache to serve (a new one when not given). */
export interface ServerOptions {
  port?: number;
  host?: string;
  cache?: Cache;
}

/** A running server: the port it got, and how to stop it. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the tuned server; port 0 picks a free port, the default host is 127.0.0.1. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const cache = options.cache ?? new Cache();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Replies are small and the client waits for each one: send them now, not after Nagle's delay.
    socket.setNoDelay(true);
    // Like real Redis, the first byte picks the protocol: `*` starts a RESP array, anything else is a text line.
    socket.once('data', (first: Buffer) => (first[0] === 0x2a ? serveResp(socket, cache, first) : serveText(socket, cache, first)));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 6379, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({
        port,
        close: () =>
          new Promise<void>((closed) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => closed());
          }),
      });
    });
  });
}

const newline = 0x0a;
const space = 0x20; // the character codes the line walk looks for
const tab = 0x09;
const quote = 0x22;

/**
 * The text protocol, read the way Redis reads inline commands (processInlineBuffer): the complete lines of a chunk are
 * decoded once (a character split across chunks waits, as bytes, for the next one), then walked with a position:
 * no split, no string per line. Every reply to one chunk leaves in a single write.
 */
function serveText(socket: Socket, cache: Cache, first: Buffer): void {
  let pending: Buffer | undefined;
  const onData = (chunk: Buffer) => {
    const data = pending ? Buffer.concat([pending, chunk]) : chunk;
    const complete = data.lastIndexOf(newline) + 1; // the bytes of the complete lines
    const text = data.toString('utf8', 0, complete);
    let out = '';
    for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      if (end - start > maxLine) return tooLong(socket, out);
      out += answer(text, start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end, cache);
    }
    pending = complete < data.length ? data.subarray(complete) : undefined;
    if (pending && pending.length > maxLine) return tooLong(socket, out);
    if (out) socket.write(out);
  };
  onData(first);
  socket.on('data', onData);
}

/**
 * The reply (with its newline) to the line text[start, end). GET and SET, the whole of the load, are read with
 * positions: where each of the first three words starts and ends. No array, and no string but the ones kept (the
 * key, the value, the command's name). Anything else (DEL, PING, quotes, a wrong word count, a blank line) goes to
 * day 2's handleLine, so every reply stays exactly the day-2 protocol.
 */
function answer(text: string, start: number, end: number, cache: Cache): string {
  const nameAt = skipBlanks(text, start, end);
  const nameEnd = wordEnd(text, nameAt, end);
  const keyAt = skipBlanks(text, nameEnd, end);
  const keyEnd = wordEnd(text, keyAt, end);
  const valueAt = skipBlanks(text, keyEnd, end);
  const valueEnd = wordEnd(text, valueAt, end);
  const quoted = text.charCodeAt(nameAt) === quote || text.charCodeAt(keyAt) === quote || text.charCodeAt(valueAt) === quote;
  const plain = !quoted && keyAt < keyEnd && skipBlanks(text, valueEnd, end) === end; // no quotes, a key, no fourth word
  const name = plain ? text.slice(nameAt, nameEnd) : '';
  if (valueAt === valueEnd && (name === 'GET' || name === 'get')) return `${cache.get(text.slice(keyAt, keyEnd)) ?? '(nil)'}\n`;
  if (valueAt < valueEnd && (name === 'SET' || name === 'set')) {
    cache.set(text.slice(keyAt, keyEnd), text.slice(valueAt, valueEnd));
    return 'OK\n';
  }
  const reply = handleLine(text.slice(start, end), cache);
  return reply === null ? '' : `${reply}\n`;
}

/** The first position from `at` that is not a space or a tab (`end` when there is none). */
function skipBlanks(text: string, at: number, end: number): number {
  while (at < end && (text.charCodeAt(at) === space || text.charCodeAt(at) === tab)) at += 1;
  return at;
}

/** The first position from `at` that is a space or a tab (`end` when there is none): where the word at `at` ends. */
function wordEnd(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) !== space && text.charCodeAt(at) !== tab) at += 1;
  return at;
}

function tooLong(socket: Socket, out: string): void {
  socket.removeAllListeners('data');
  socket.end(`${out}ERR line too long\n`);
}
