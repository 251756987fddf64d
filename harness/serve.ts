// Runs a learner's server module in a process of its own: `node --expose-gc --import tsx serve.ts <file>`.
// Prints one JSON line ({ port } or { error }) and exits when its parent goes away (stdin closes). A line `heap` on
// stdin is answered with `@@heap <bytes>`: the memory the server's JavaScript holds after a full garbage collection;
// `cpu` with `@@cpu <µs>`, the process's CPU time so far; `profile-start`, then `profile-stop <file>`, a V8 CPU profile of the time between them (as --cpu-prof does).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const file = process.argv[2]!;
process.stdin.on('close', () => process.exit(0));
let profiler: Session | undefined;
createInterface({ input: process.stdin }).on('line', (line) => void answer(line));

// Answers one line of the parent's: heap, cpu, profile-start, profile-stop <file>.
async function answer(line: string): Promise<void> {
  if (line === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
    return console.log('@@profile-start ok');
  }
  if (line.startsWith('profile-stop ') && profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    writeFileSync(line.slice(13), JSON.stringify(original(profile)));
    return console.log('@@profile-stop ok');
  }
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    return console.log(`@@cpu ${user + system}`);
  }
  if (line !== 'heap') return;
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  console.log(`@@heap ${heapUsed + arrayBuffers}`);
}

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

type Profile = { nodes: { callFrame: { url: string; lineNumber: number; columnNumber: number }; positionTicks?: { line: number; ticks: number }[] }[] };

// The profile's lines as the learner wrote them: tsx runs TypeScript compiled on the fly, and V8 counts lines in the
// compiled code; the source map it keeps for each module gives the line of the .ts file.
function original<P extends Profile>(profile: P): P {
  for (const { callFrame, positionTicks } of profile.nodes) {
    const map = callFrame.url.startsWith('file://') ? findSourceMap(callFrame.url) : undefined;
    if (!map) continue;
    const entry = map.findEntry(callFrame.lineNumber, callFrame.columnNumber) as { originalLine?: number };
    if (typeof entry.originalLine === 'number') callFrame.lineNumber = entry.originalLine;
    for (const tick of positionTicks ?? []) {
      const at = map.findEntry(tick.line - 1, 100_000) as { originalLine?: number }; // the line's last mapping
      if (typeof at.originalLine === 'number') tick.line = at.originalLine + 1;
    }
  }
  return profile;
}
