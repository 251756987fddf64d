// Day 5: `npm run start:day5` runs your tuned server on 127.0.0.1:6380 (`npm start` keeps 6379 for day 2); change it with `-- --port 6381` or PORT=6381.
import { createServer } from 'node:net';
import { startServer } from './server.ts';

const flag = process.argv.indexOf('--port');
const port = Number(flag === -1 ? (process.env.PORT ?? 6380) : process.argv[flag + 1]);

/** The first port after `port` that nobody listens on now, skipping 6379 (day 2's `npm start`). */
async function freePortAfter(port: number): Promise<number> {
  for (let next = port + 1; next < 65536; next += 1) {
    if (next === 6379) continue;
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(next, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return next;
  }
  return 0;
}

// Exit normally on Ctrl-C, so that `node --cpu-prof` gets to write its profile.
process.on('SIGINT', () => process.exit(0));

try {
  const server = await startServer({ port });
  console.log(`Tuned server listening on 127.0.0.1:${server.port} (the text protocol, and RESP once resp.ts is written). Ctrl-C stops it.`);
} catch (error) {
  // The port the error names is the one listen() was really given (a server that ignores --port may differ).
  const { code, message, port: taken = port } = error as NodeJS.ErrnoException & { port?: number };
  console.error(code === 'EADDRINUSE' ? `Port ${taken} is taken. Pick a free one: npm run start:day5 -- --port ${await freePortAfter(taken)}` : message);
  process.exitCode = 1;
}
