// Day 2 · `npm start`: runs your server on 127.0.0.1:6379 (change it with --port 6381 or PORT=6381).
// This file is given; the work is in server.ts and protocol.ts. Guide: days/02-server/README.md
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startServer } from './server.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 6379);
const host = values.host ?? '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port ?? process.env.PORT)}.`);
  process.exit(2);
}

/** The first port after `port` that nobody listens on now, skipping 6380 (day 5's `npm run start:day5`). */
async function freePortAfter(port: number): Promise<number> {
  for (let next = port + 1; next < 65536; next += 1) {
    if (next === 6380) continue;
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(next, host, () => probe.close(() => done(true)));
    });
    if (free) return next;
  }
  return 0;
}

/** Explains a failure in one line when it is a busy port, then exits. */
async function stop(error: unknown): Promise<never> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use (another server is running?). Pick a free one: npm start -- --port ${await freePortAfter(port)}`);
  } else if (error instanceof Error && error.message.startsWith('not implemented yet')) {
    console.error(`Could not start the server: ${error.message}`);
  } else {
    console.error('Your server stopped with an error:', error);
  }
  process.exit(1);
}

// A server that does not listen for 'error' gets EADDRINUSE as an uncaught exception: explain it all the same.
process.on('uncaughtException', (error) => void stop(error));

try {
  const server = await startServer({ port, host });
  console.log(`Listening on ${host}:${server.port}. Try: nc ${host} ${server.port}  (or npm run client -- --port ${server.port}). Ctrl-C stops.`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
} catch (error) {
  await stop(error);
}
