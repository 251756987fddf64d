// Starts the learner's server with a Cache that counts every call, for `npm run share`'s throughput chart.
// Usage: node --import tsx grader/share/learner-server-counted.ts <tree>, with file descriptor 3 open for writing: it
// writes {"port":N}, then {"at":ms,"ops":total} four times a second, there, one JSON object a line. Its stdout and
// stderr are the learner's server's own (whatever it prints), never parsed.
import { createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Store = Record<'get' | 'set' | 'delete', (...args: string[]) => unknown>;

const tree = resolve(process.argv[2] ?? 'days');
const { Cache } = (await import(pathToFileURL(resolve(tree, '01-cache/cache.ts')).href)) as { Cache: new () => Store };
// The server the learner ships: the day-5 tuned one when it exists, else the day-2 one.
const serverFile = existsSync(resolve(tree, '05-performance/server.ts')) ? '05-performance/server.ts' : '02-server/server.ts';
const { startServer } = (await import(pathToFileURL(resolve(tree, serverFile)).href)) as {
  startServer: (options: { port: number; cache: Store }) => Promise<{ port: number }>;
};

let ops = 0;
const cache = new Cache();
for (const name of ['get', 'set', 'delete'] as const) {
  const original = cache[name].bind(cache);
  cache[name] = (...args: string[]) => {
    ops += 1;
    return original(...args);
  };
}
const messages = createWriteStream('', { fd: 3 });
const server = await startServer({ port: 0, cache });
messages.write(`${JSON.stringify({ port: server.port })}\n`);
setInterval(() => messages.write(`${JSON.stringify({ at: Date.now(), ops })}\n`), 250);
