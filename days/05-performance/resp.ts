// Day 5 stretch (bonus): RESP, the protocol of redis-cli and redis-benchmark, beside your text protocol.
// Check it: npm run check day5 (the "Stretch (bonus)" lines) · Guide: days/05-performance/README.md, "Stretch: speak RESP"
import type { Socket } from 'node:net';
import type { Cache } from '../01-cache/cache.ts';

/** Splits complete RESP commands off the front of `buffer`; `rest` is the incomplete tail to keep for the next chunk. */
export function parseCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  // TODO: Read `*<count>\r\n`, then <count> times `$<length>\r\n<bytes>\r\n`; stop (keeping the tail) when the buffer ends early.
  throw new Error('not implemented yet: parseCommands in days/05-performance/resp.ts');
}

/** Runs one command (SET, GET, DEL, PING) against the cache and returns its RESP reply. */
export function execute(args: string[], cache: Cache): string {
  // TODO: Reply +OK\r\n for SET, $<bytes>\r\n<value>\r\n or $-1\r\n for GET, :1\r\n / :0\r\n for DEL, +PONG\r\n, -ERR … for the rest.
  throw new Error('not implemented yet: execute in days/05-performance/resp.ts');
}

/** Serves a client whose first byte was `*`: parse each chunk (plus the kept tail), answer with one write. */
export function serveResp(socket: Socket, cache: Cache, first: Buffer): void {
  // TODO: Like serveText, but with parseCommands and execute; start with `first`, the chunk already read.
  throw new Error('not implemented yet: serveResp in days/05-performance/resp.ts');
}
