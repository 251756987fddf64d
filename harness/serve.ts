// Runs a learner's server module in a process of its own: `node --expose-gc --import tsx serve.ts <file>`.
// Prints one JSON line ({ port } or { error }) and exits when its parent goes away (stdin closes). A line `heap` on
// stdin is answered with `@@heap <bytes>`: the memory the server's JavaScript holds after a full garbage collection.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const file = process.argv[2]!;
process.stdin.on('close', () => process.exit(0));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'heap') return;
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  console.log(`@@heap ${heapUsed + arrayBuffers}`);
});

try {
  const mod = (await import(pathToFileURL(file).href)) as { startServer?: (options: { port: number }) => Promise<{ port: number }> };
  if (typeof mod.startServer !== 'function') throw Object.assign(new Error('no export named startServer'), { name: 'MissingExport' });
  const server = await mod.startServer({ port: 0 });
  console.log(`@@serve ${JSON.stringify({ port: server.port })}`);
} catch (error) {
  const { name, message, stack, code } = error as NodeJS.ErrnoException;
  console.log(`@@serve ${JSON.stringify({ error: { name, message, stack, code } })}`);
  process.exit(1);
}
