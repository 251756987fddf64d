// Runs a learner's server module in a process of its own: `node --import tsx serve.ts <file>`.
// Prints one JSON line ({ port } or { error }) and exits when its parent goes away (stdin closes).
import { pathToFileURL } from 'node:url';

const file = process.argv[2]!;
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();

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
