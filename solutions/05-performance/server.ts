// Day 5 solution: the day-2 server tuned for throughput; a client that starts with `*` is served RESP instead.
import { createServer, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
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

/** The text protocol: lines framed across chunks, and every reply to one chunk sent in a single write. */
function serveText(socket: Socket, cache: Cache, first: Buffer): void {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const onData = (chunk: Buffer) => {
    const lines = (pending + decoder.write(chunk)).split('\n');
    pending = lines.pop()!;
    let out = '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.length > maxLine) return tooLong(socket, out);
      const reply = handleLine(line, cache);
      if (reply !== null) out += `${reply}\n`;
    }
    if (pending.length > maxLine) return tooLong(socket, out);
    if (out) socket.write(out);
  };
  onData(first);
  socket.on('data', onData);
}

function tooLong(socket: Socket, out: string): void {
  socket.removeAllListeners('data');
  socket.end(`${out}ERR line too long\n`);
}
