// Day 2: when a network requirement fails, asks a fresh copy of the learner's server whether it answers a piece of a
// line before its "\n" has arrived (each 'data' chunk taken as a line, the readline() habit); if it does, the failures
// framing can explain are told as that one cause.
import type { Socket } from 'node:net';
import type { Cause } from '../../harness/cause.ts';
import { targetDir } from '../../harness/learner.ts';
import { firstLine, open, within } from './shared-buffer.ts';

type ServerModule = typeof import('@learner/02-server/server.ts');

/** The cause of a server that frames by chunk: the same kind and title the client gives a reply to a piece. */
export const chunkFraming: Cause = { kind: 'line-in-pieces', title: 'the server answers a piece of a line as if it were a whole line' };

let seen: Promise<string | null> | undefined;

/** What the probe saw when half a line reached a fresh server, or null when it waited for the rest (memoised per file). */
export function chunkFramingSeen(): Promise<string | null> {
  seen ??= probe().catch(() => null);
  return seen;
}

// A fresh instance of server.ts gets "GET chunk-probe" with no "\n" yet: a server that frames lines waits for the rest;
// one that takes each chunk as a line answers at once.
async function probe(): Promise<string | null> {
  const { startServer } = (await import(/* @vite-ignore */ `${targetDir}/02-server/server.ts?chunk-framing-probe`)) as ServerModule;
  const server = await within(Promise.resolve(startServer({ port: 0 })), 1000);
  const sockets: Socket[] = [];
  try {
    const client = await open(server.port, sockets);
    const piece = 'GET chunk-probe';
    client.write(piece);
    const reply = await within(firstLine(client), 300).catch(() => undefined);
    if (reply === undefined) return null;
    return `On a fresh server, a client sent ${JSON.stringify(piece)} with no "\\n" yet, and got ${JSON.stringify(reply)} before the line was complete. A 'data' chunk is not a line: it may hold half a line or several. Keep the bytes after the last "\\n" for the next chunk, and answer only complete lines.`;
  } finally {
    for (const socket of sockets) socket.destroy();
    await within(Promise.resolve(server.close()), 1000).catch(() => {});
  }
}
