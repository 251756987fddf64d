// Day 2 solution: a TCP server that frames lines out of 'data' chunks and answers each with handleLine.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Cache } from '../01-cache/cache.ts';
import { handleLine, isQuit } from './protocol.ts';

/** The longest line a client may send, in bytes (without its newline). */
const MAX_LINE_BYTES = 64 * 1024;

/** Where to listen and which cache to serve. */
export interface ServerOptions {
  /** Default 6379; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** Default: a new, empty Cache shared by every connection. */
  cache?: Cache;
}

/** A listening server. */
export interface RunningServer {
  /** The port it really listens on (useful after asking for port 0). */
  port: number;
  /** Stops listening, disconnects every client, and resolves when all is closed. */
  close(): Promise<void>;
}

/** Starts listening and resolves once the port is open. */
export function startServer({ port = 6379, host = '127.0.0.1', cache = new Cache() }: ServerOptions = {}): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, cache);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE, EACCES, …
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: actual } = server.address() as AddressInfo;
      resolve({ port: actual, close: () => closeServer(server, sockets) });
    });
  });
}

/** Reads lines from one client and writes one reply per line, in order. */
function serveConnection(socket: Socket, cache: Cache): void {
  let pending = Buffer.alloc(0); // bytes received after the last newline
  socket.on('error', () => {}); // a client that vanishes (ECONNRESET) must not crash the server
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    let newline = pending.indexOf(0x0a);
    while (newline !== -1) {
      if (newline > MAX_LINE_BYTES) return refuseLongLine(socket);
      // Decode whole lines only: a chunk may end in the middle of a multi-byte character.
      const line = pending.subarray(0, newline).toString('utf8').replace(/\r$/, '');
      pending = pending.subarray(newline + 1);
      const reply = handleLine(line, cache);
      if (reply !== null) socket.write(`${reply}\n`);
      if (isQuit(line)) return void socket.end();
      newline = pending.indexOf(0x0a);
    }
    if (pending.length > MAX_LINE_BYTES) refuseLongLine(socket);
  });
}

function refuseLongLine(socket: Socket): void {
  socket.removeAllListeners('data');
  socket.resume(); // keep draining so the client's writes do not stall; the bytes are dropped
  socket.end('ERR line too long\n');
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    for (const socket of sockets) socket.destroy(); // server.close() waits for every client to leave
  });
}
