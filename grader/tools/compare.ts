// `npm run compare [-- --runs 3 --duration 2000 --target solutions]`: for maintainers, the day-5 side-by-side table —
// {workbook load tester, grader load generator, redis-benchmark} × {solution server, real Redis}, plain and pipelined.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { root } from '../paths.ts';

const run = promisify(execFile);
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1]!;
};
const runs = Number(option('runs', '3'));
const durationMs = Number(option('duration', '2000'));
const target = resolve(root, option('target', 'solutions'));
process.env.CACHELINGS_TARGET = target; // read by the server runner below
const { findTool, installRedis, startRedis, commandsProcessed } = await import('../../checkpoints/support/redis.ts');
const { prefill, runLoad } = await import('../../checkpoints/support/loadgen.ts');
const { startServerProcess } = await import('../../checkpoints/support/server-process.ts');

const load = { host: '127.0.0.1', connections: 50, getRatio: 0.8, keySpace: 10_000 };
type Server = { name: string; port: number; replies: 'text' | 'resp' };
/** One measurement in ops/s, or a reason why this client cannot measure this server. */
type Measure = (server: Server, depth: number) => Promise<number | string>;

interface LoadTester {
  runLoadTest(options: Record<string, unknown>): Promise<{ totalOps: number; errors: number; opsPerSec: number }>;
}

/** The day-4 load tester of the target tree; against Redis its count is checked with Redis's own (INFO stats). */
async function workbookTester(): Promise<Measure> {
  const { runLoadTest } = (await import(pathToFileURL(resolve(target, '04-loadtest/loadtest.ts')).href)) as LoadTester;
  return async (server, depth) => {
    const before = server.replies === 'resp' ? await commandsProcessed(server.port) : 0;
    const report = await runLoadTest({ ...load, port: server.port, durationMs, pipeline: depth });
    if (report.errors > 0) return `${report.errors} errors`;
    if (server.replies === 'resp') {
      const processed = (await commandsProcessed(server.port)) - before - 1;
      if (report.totalOps > processed + load.connections * depth) return `the workbook load tester reported ${report.totalOps} operations against Redis, which processed ${processed}: it reads text replies only (the RESP half of the day-5 stretch)`;
    }
    return report.opsPerSec;
  };
}

const graderGenerator: Measure = async (server, depth) => {
  const result = await runLoad({ ...load, port: server.port, durationMs, pipeline: depth, replies: server.replies });
  return result.errors > 0 ? `${result.errors} errors: ${result.firstError}` : result.opsPerSec;
};

/** redis-benchmark -t get,set; GET and SET figures combined for an 80/20 mix (time-weighted: 1 / (0.8/get + 0.2/set)). */
const redisBenchmark: Measure = async (server, depth) => {
  const requests = String(depth === 1 ? 100_000 : 400_000);
  const args = ['-h', '127.0.0.1', '-p', String(server.port), '-t', 'get,set', '-n', requests, '-c', String(load.connections), '-P', String(depth), '--csv'];
  const { stdout } = await run(findTool('redis-benchmark')!, args, { timeout: 120_000 });
  const rps = (name: string) => Number(new RegExp(`^"${name}","([\\d.]+)"`, 'm').exec(stdout)?.[1]);
  return 1 / (load.getRatio / rps('GET') + (1 - load.getRatio) / rps('SET'));
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const notes: string[] = [];
/** A cell: ops/s, or `n/a [N]` with the reason kept as footnote N. */
const fmt = (value: number | string) => {
  if (typeof value === 'number') return Math.round(value).toLocaleString('en-US');
  if (!notes.includes(value)) notes.push(value);
  return `n/a [${notes.indexOf(value) + 1}]`;
};
const ratio = (a: number | string, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? a / b : undefined);
const verdict = (value: number | undefined, goal: number) => (value === undefined ? 'n/a' : `${value.toFixed(2)}× (target ≥ ${goal}× ${value >= goal ? '✓' : '✗'})`);

async function main(): Promise<number> {
  if (!findTool('redis-server') || !findTool('redis-benchmark')) {
    console.error(installRedis);
    return 1;
  }
  const version = (await run(findTool('redis-server')!, ['--version'])).stdout.split(' ')[2] ?? '';
  const solution = await startServerProcess('05-performance/server.ts');
  const redis = await startRedis();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      solution.stop();
      redis.stop();
      process.exit(130);
    });
  }
  const servers: Server[] = [
    { name: 'solution server', port: solution.port, replies: 'text' },
    { name: 'real Redis', port: redis.port, replies: 'resp' },
  ];
  try {
    for (const server of servers) await prefill({ port: server.port, keySpace: load.keySpace, replies: server.replies });
    const clients: [string, Measure][] = [
      ['workbook load tester (day 4)', await workbookTester()],
      ['grader load generator', graderGenerator],
      ['redis-benchmark -t get,set', redisBenchmark],
    ];
    console.log(`cachelings · compare — ${servers[0]!.name} (${target.replace(`${root}/`, '')}) vs real Redis ${version.replace('v=', '')}`);
    console.log(`${load.connections} connections, ${load.getRatio * 100}% GET, ${load.keySpace.toLocaleString('en-US')} keys; median of ${runs} runs of ${durationMs / 1000} s (redis-benchmark: -n 100000, or 400000 pipelined)\n`);
    console.log(`${'client'.padEnd(30)} ${'depth'.padStart(5)} ${'solution server'.padStart(16)} ${'real Redis'.padStart(12)}   solution ÷ Redis`);
    const table = new Map<string, (number | string)[]>();
    for (const depth of [1, 16]) {
      for (const [name, measure] of clients) {
        // Alternate the servers run by run, so that a busy moment of the machine does not land on one side only.
        const samples: number[][] = servers.map(() => []);
        const problems: (string | undefined)[] = servers.map(() => undefined);
        for (let i = 0; i < runs; i += 1) {
          for (const [at, server] of servers.entries()) {
            if (problems[at] !== undefined) continue;
            const value = await measure(server, depth).catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
            if (typeof value === 'string') problems[at] = value;
            else samples[at]!.push(value);
          }
        }
        const cells = servers.map((_, at) => problems[at] ?? median(samples[at]!));
        table.set(`${name}@${depth}`, cells);
        const goal = depth === 1 ? 0.9 : name.startsWith('redis-benchmark') ? 0.85 : undefined;
        const share = ratio(cells[0]!, cells[1]!);
        const note = goal === undefined ? (share === undefined ? 'n/a' : `${share.toFixed(2)}×`) : verdict(share, goal);
        console.log(`${name.padEnd(30)} ${String(depth).padStart(5)} ${fmt(cells[0]!).padStart(16)} ${fmt(cells[1]!).padStart(12)}   ${note}`);
      }
    }
    const bench = table.get('redis-benchmark -t get,set@1')![1]!;
    console.log('\nClients against the same real Redis (depth 1), ÷ redis-benchmark:');
    console.log(`  workbook load tester (day 4)   ${verdict(ratio(table.get('workbook load tester (day 4)@1')![1]!, bench), 1.1)}`);
    console.log(`  grader load generator          ${verdict(ratio(table.get('grader load generator@1')![1]!, bench), 1.1)}`);
    notes.forEach((note, i) => console.log(`${i === 0 ? '\n' : ''}[${i + 1}] ${note}`));
    return 0;
  } finally {
    solution.stop();
    redis.stop();
  }
}

process.exitCode = await main();
