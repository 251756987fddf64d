// The share-out's load test: the learner's load tester against the learner's server, throughput counted per second.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { anyTreeNodeOptions } from '../../harness/any-tree.ts';
import type { LoadReport } from '../../harness/load-report.ts';
import { root } from '../paths.ts';
import { startGroup } from '../process-group.ts';
import { sideBySide, type SideBySide } from './side-by-side.ts';

export type { LoadReport };

/** What the share-out's load test measured, or why it could not run. */
export type LoadRun =
  { report: LoadReport; text: string; perSecond: number[]; settings: string; compared: SideBySide | { missing: string } } | { missing: string };

interface LoadTester {
  runLoadTest(options: { host: string; port: number; connections: number; durationMs: number; getRatio: number; keySpace: number }): Promise<LoadReport>;
  formatReport(report: LoadReport): string;
}

const settings = { host: '127.0.0.1', connections: 50, durationMs: 6_000, getRatio: 0.8, keySpace: 10_000 };

/** Runs the tree's load tester for a few seconds against its server, which counts what it answers each second. */
export async function measureLoad(target: string): Promise<LoadRun> {
  for (const file of ['01-cache/cache.ts', '02-server/server.ts', '04-loadtest/loadtest.ts']) {
    if (!existsSync(resolve(target, file))) return { missing: `${file} is not there yet` };
  }
  // The counts come on file descriptor 3: whatever the learner's server prints on stdout is not read as one.
  const group = startGroup({
    args: ['--import', 'tsx', resolve(root, 'grader/share/learner-server-counted.ts'), target],
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...anyTreeNodeOptions(target) },
  });
  const { child } = group;
  const samples: { at: number; ops: number }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const port = new Promise<number>((done, fail) => {
    createInterface({ input: child.stdio[3] as Readable }).on('line', (line) => {
      const message = JSON.parse(line) as { port?: number; at?: number; ops?: number };
      if (message.port !== undefined) done(message.port);
      if (message.at !== undefined) samples.push({ at: message.at, ops: message.ops! });
    });
    child.on('exit', () => fail(new Error(stderr.split('\n').find((text) => /Error/.test(text)) ?? 'the server exited')));
  });
  port.catch(() => {}); // awaited below; a server that dies first must not be an unhandled rejection
  try {
    const tester = (await import(pathToFileURL(resolve(target, '04-loadtest/loadtest.ts')).href)) as LoadTester;
    const options = { ...settings, port: await port };
    const started = Date.now();
    const report = await Promise.race([
      tester.runLoadTest(options),
      new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error(`runLoadTest did not finish a ${settings.durationMs / 1000} s run within 30 s`)), 30_000).unref(),
      ),
    ]);
    await new Promise((done) => setTimeout(done, 300));
    const rates = perSecond(samples, started, Date.now());
    const compared = await sideBySide(options.port).catch((error: Error) => ({ missing: `the side-by-side run failed: ${error.message.split('\n')[0]}` }));
    return {
      report,
      text: tester.formatReport(report),
      perSecond: rates,
      settings: `${existsSync(resolve(target, '05-performance/server.ts')) ? 'your tuned day-5 server' : 'your day-2 server'}; 50 connections, 6 s, 80% GET, 10,000 keys`,
      compared,
    };
  } catch (error) {
    return { missing: `the load test did not run: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    group.kill();
  }
}

// Operations per second in each whole second after `start`, from the server's running totals.
function perSecond(samples: { at: number; ops: number }[], start: number, end: number): number[] {
  const nearest = (time: number) => samples.reduce((best, sample) => (Math.abs(sample.at - time) < Math.abs(best.at - time) ? sample : best));
  if (samples.length < 2) return [];
  const rates: number[] = [];
  for (let second = start; second + 1000 <= end; second += 1000) {
    const [from, to] = [nearest(second), nearest(second + 1000)];
    if (to.at > from.at) rates.push(Math.round(((to.ops - from.ops) * 1000) / (to.at - from.at)));
  }
  return rates;
}

/** A bar chart of `values` (one per second) drawn with block characters. */
export function chart(values: number[], width = 40): string {
  const max = Math.max(...values, 1);
  const blocks = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  return values
    .map((value, index) => {
      const eighths = Math.round((value / max) * width * 8);
      const bar = '█'.repeat(Math.floor(eighths / 8)) + blocks[eighths % 8];
      return `${String(index + 1).padStart(3)} s │${bar.padEnd(width + 1)} ${value.toLocaleString('en-US')} ops/s`;
    })
    .join('\n');
}
