// Day 2 · A TCP server: accept many clients at once, read their lines, write one reply per line.
// Check it: npm run check day2 · Guide: days/02-server/README.md, "Your mission" and the hints
import type { Socket } from 'node:net';
import { Cache } from '../01-cache/cache.ts';
import { handleLine } from './protocol.ts';

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
export async function startServer({ port = 6379, host = '127.0.0.1', cache = new Cache() }: ServerOptions = {}): Promise<RunningServer> {
  // TODO: Create a server with createServer from 'node:net'; hand each new socket to serveConnection with the shared cache.
  // TODO: Listen on port and host; resolve once listening with the real port (server.address()), reject on 'error'.
  // TODO: Make close() stop listening AND end the connected sockets (server.close waits for them), then resolve.
  void serveConnection; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: startServer in days/02-server/server.ts');
}

/** Reads lines from one client and writes one reply per line, in order. */
function serveConnection(socket: Socket, cache: Cache): void {
  // TODO: Keep the bytes received since the last newline; a 'data' chunk can hold half a line or many lines.
  // TODO: For each complete line (drop a trailing \r), write handleLine's reply plus "\n"; skip null replies.
  // TODO: When more than MAX_LINE_BYTES arrive without a newline, send "ERR line too long\n" and end the socket.
  // TODO: Listen for 'error' on the socket, so a client that vanishes cannot crash the server.
  void [handleLine, MAX_LINE_BYTES]; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: serveConnection in days/02-server/server.ts');
}
