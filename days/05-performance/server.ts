// Day 5: your day-2 server, tuned to answer more than 50,000 requests per second (and, as a stretch, to speak RESP).
// Check it: npm run check day5 · Guide: days/05-performance/README.md, "Where the time goes" and "Batching writes"
// Run it: npm run start:day5 (127.0.0.1:6380)
import { createServer, type Socket } from 'node:net';
import { Cache } from '../01-cache/cache.ts';
import { handleLine } from '../02-server/protocol.ts';

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
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // TODO: Start from your day-2 startServer (listen, track sockets, close()); call socket.setNoDelay(true) on each socket.
  // TODO: Wait for the socket's first chunk and hand both to serveText.
  // TODO: (stretch) When that first chunk starts with `*` (byte 0x2a), hand them to serveResp from ./resp.ts instead.
  void [createServer, serveText]; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: startServer in days/05-performance/server.ts');
}

/** Serves one text-protocol client, starting with `first`, the chunk already read: one write per chunk of replies. */
function serveText(socket: Socket, cache: Cache, first: Buffer): void {
  // TODO: Frame lines across 'data' chunks as on day 2 (a 64 KiB line gets `ERR line too long` and the connection closes).
  // TODO: Answer every line of one chunk with handleLine, in a single socket.write (see "Batching writes"); log nothing per line.
  void handleLine; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: serveText in days/05-performance/server.ts');
}
