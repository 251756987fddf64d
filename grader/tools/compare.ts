// `npm run compare [-- --runs 3 --duration 1500 --budget 80 --target solutions]`: for maintainers, one table of the day-4 and day-5
// instruments and reference server — {minimal client, workbook load tester, grader load generator, redis-benchmark}
// × {solution server, real Redis} at depth 1 and 16 — with each ratio beside its target. A benchmark, not a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../paths.ts';
import { runMinimal } from './minimal-client.ts';

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1]!;
};
const runs = Number(option('runs', '3'));
const durationMs = Number(option('duration', '1500'));
const budgetMs = Number(option('budget', '80')) * 1000; // no new run starts after this many seconds
const target = resolve(root, option('target', 'solutions'));
process.env.CACHELINGS_TARGET = target; // read by the server runner below
const { findTool, installRedis, startRedis, commandsProcessed } = await import('../../checkpoints/support/redis.ts');
const { prefill, runLoad, saturatedCpuPercent } = await import('../../checkpoints/support/loadgen.ts');
const { startServerProcess } = await import('../../checkpoints/support/server-process.ts');

const load = { host: '127.0.0.1', connections: 50, getRatio: 0.8, keySpace: 10_000 };
const depths = [1, 16] as const;
type Server = { name: string; port: number; replies: 'text' | 'resp' };
/** One run's figure and the client's own CPU use (percent of one core). */
type Sample = { opsPerSec: number; cpuPercent: number };
/** One measurement, or the reason why this client cannot measure this server. */
type Measure = (server: Server, depth: number) => Promise<Sample | string>;

const minimal: Measure = async (server, depth) => {
  const result = await runMinimal({ ...load, port: server.port, durationMs, depth, replies: server.replies });
  lastMinimal.set(`${server.port}@${depth}`, result.opsPerSec);
  return result;
};

/** The day-4 load tester of the target tree; against Redis its count is checked with Redis's own (INFO stats). */
async function workbookTester(): Promise<Measure> {
  type Report = { totalOps: number; errors: number; opsPerSec: number; cpuPercent?: number };
  const url = pathToFileURL(resolve(target, '04-loadtest/loadtest.ts')).href;
  const { runLoadTest } = (await import(url)) as { runLoadTest(options: Record<string, unknown>): Promise<Report> };
  return async (server, depth) => {
    const before = server.replies === 'resp' ? await commandsProcessed(server.port) : 0;
    const report = await runLoadTest({ ...load, port: server.port, durationMs, pipeline: depth });
    if (report.errors > 0) return `${report.errors} errors`;
    if (server.replies === 'resp') {
      const processed = (await commandsProcessed(server.port)) - before - 1;
      if (report.totalOps > processed + load.connections * depth) return 'the workbook load tester reads text replies only (the RESP half of the day-5 stretch)';
    }
    return { opsPerSec: report.opsPerSec, cpuPercent: report.cpuPercent ?? Number.NaN };
  };
}

const graderGenerator: Measure = async (server, depth) => {
  const result = await runLoad({ ...load, port: server.port, durationMs, pipeline: depth, replies: server.replies });
  return result.errors > 0 ? `${result.errors} errors: ${result.firstError}` : result;
};

let benchmarkChild: ChildProcess | undefined;
/** The minimal client's last figure per server and depth: redis-benchmark is given about `durationMs` of requests. */
const lastMinimal = new Map<string, number>();
/**
 * redis-benchmark -t get,set, GET and SET combined for an 80/20 mix (1 / (0.8/get + 0.2/set)); its CPU from `times`.
 * It runs a number of requests, not a duration: as many as the minimal client did in `durationMs` against that server.
 */
const redisBenchmark: Measure = async (server, depth) => {
  const pace = lastMinimal.get(`${server.port}@${depth}`) ?? 50_000;
  const requests = String(Math.min(2_000_000, Math.max(20_000, Math.round((pace * durationMs) / 1000))));
  const args = ['-h', '127.0.0.1', '-p', String(server.port), '-t', 'get,set', '-n', requests, '-c', String(load.connections), '-P', String(depth), '--csv'];
  const started = performance.now();
  const stdout = await new Promise<string>((done, fail) => {
    // `times` (POSIX sh) prints the CPU time of the shell's children: redis-benchmark's own. Its own process group, so a stop kills it too.
    const child = spawn('sh', ['-c', '"$@"; times', 'sh', findTool('redis-benchmark')!, ...args], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    benchmarkChild = child;
    let out = '';
    const timer = setTimeout(() => stopGroup(child), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      benchmarkChild = undefined;
      done(out);
    });
  });
  const wallMs = performance.now() - started;
  const rps = (name: string) => Number(new RegExp(`^"${name}","([\\d.]+)"`, 'm').exec(stdout)?.[1]);
  const opsPerSec = 1 / (load.getRatio / rps('GET') + (1 - load.getRatio) / rps('SET'));
  if (!Number.isFinite(opsPerSec)) return `redis-benchmark printed no figures: ${stdout.split('\n')[0]}`;
  const seconds = [...(stdout.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { opsPerSec, cpuPercent: ((seconds[0]! + seconds[1]!) * 1000 * 100) / wallMs };
};

function stopGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const clients: [string, string][] = [
  ['minimal client', '(baseline)'],
  ['workbook', 'load tester'],
  ['grader load', 'generator'],
  ['redis-benchmark', '(RESP)'],
];
/** The targets of the table: [numerator, denominator] cells as [client, server] at a depth. */
const targets = [
  { name: 'workbook load tester ÷ minimal client, solution server, depth 1', depth: 1, top: [1, 0], bottom: [0, 0], goal: 0.95 },
  { name: 'workbook load tester ÷ minimal client, solution server, depth 16', depth: 16, top: [1, 0], bottom: [0, 0], goal: 0.8 },
  { name: 'solution ÷ Redis, minimal client, depth 1 (text)', depth: 1, top: [0, 0], bottom: [0, 1], goal: 0.9 },
  { name: 'solution ÷ Redis, minimal client, depth 16 (text)', depth: 16, top: [0, 0], bottom: [0, 1], goal: 0.85 },
  { name: 'solution ÷ Redis, redis-benchmark -P 16 (RESP)', depth: 16, top: [3, 0], bottom: [3, 1], goal: 0.85 },
] as const;

function median(samples: Sample[]): Sample {
  return [...samples].sort((a, b) => a.opsPerSec - b.opsPerSec)[Math.floor(samples.length / 2)]!;
}

const notes: string[] = [];
type Cell = Sample | string;
/** A figure, flagged ⚑ with the CPU share when the client used most of a core; or `n/a [N]` with the reason as note N. */
function show(cell: Cell): string {
  if (typeof cell === 'string') {
    if (!notes.includes(cell)) notes.push(cell);
    return `n/a [${notes.indexOf(cell) + 1}]`;
  }
  const figure = Math.round(cell.opsPerSec).toLocaleString('en-US');
  return cell.cpuPercent > saturatedCpuPercent ? `${figure} ⚑${Math.round(cell.cpuPercent)}%` : figure;
}
const ratioOf = (a: Cell | undefined, b: Cell | undefined) => (typeof a === 'object' && typeof b === 'object' ? a.opsPerSec / b.opsPerSec : undefined);
const verdict = (value: number | undefined, goal?: number) => {
  if (value === undefined) return '–';
  return goal === undefined ? `${value.toFixed(2)}×` : `${value.toFixed(2)}× ${value >= goal ? '✓' : '✗'} ≥${goal}`;
};
const row = (label: string, cells: string[]) => `${label.padEnd(22)}${cells.map((cell) => cell.padStart(20)).join('')}`;
const load3 = () => loadavg().map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<number> {
  if (!findTool('redis-server') || !findTool('redis-benchmark')) {
    console.error(installRedis);
    return 1;
  }
  const loadBefore = load3();
  const solution = await startServerProcess('05-performance/server.ts');
  const redis = await startRedis();
  const stopAll = () => {
    if (benchmarkChild) stopGroup(benchmarkChild);
    solution.stop();
    redis.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  const servers: Server[] = [
    { name: 'solution server', port: solution.port, replies: 'text' },
    { name: 'real Redis', port: redis.port, replies: 'resp' },
  ];
  const started = performance.now();
  try {
    const version = /v=(\S+)/.exec(await new Promise<string>((done) => spawn(findTool('redis-server')!, ['--version']).stdout!.on('data', (b: Buffer) => done(b.toString()))))?.[1] ?? '';
    for (const server of servers) {
      await prefill({ port: server.port, keySpace: load.keySpace, replies: server.replies });
      await runMinimal({ ...load, port: server.port, durationMs: 500, depth: 16, replies: server.replies }); // warm-up: the JIT, the caches
    }
    const measures: Measure[] = [minimal, await workbookTester(), graderGenerator, redisBenchmark];
    // Every sample of every cell; run by run, depth by depth, client by client, server by server, so that a busy
    // moment of the machine does not land on one side only. Past the time budget, no new run starts.
    const samples = depths.map(() => measures.map(() => servers.map((): Sample[] => [])));
    const problems = depths.map(() => measures.map(() => servers.map((): string | undefined => undefined)));
    let done = 0;
    for (; done < runs && (done === 0 || performance.now() - started < budgetMs); done += 1) {
      for (const [d, depth] of depths.entries()) {
        for (const [c, measure] of measures.entries()) {
          for (const [s, server] of servers.entries()) {
            if (problems[d]![c]![s] !== undefined) continue;
            const value = await measure(server, depth).catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
            if (typeof value === 'string') problems[d]![c]![s] = value;
            else samples[d]![c]![s]!.push(value);
          }
        }
      }
    }
    const table = new Map<number, Cell[][]>(depths.map((depth, d) => [depth, measures.map((_, c) => servers.map((_, s) => problems[d]![c]![s] ?? median(samples[d]![c]![s]!)))]));

    const where = target.replace(`${root}/`, '');
    console.log(`cachelings · compare — the solution server (${where}/05-performance) vs real Redis ${version}, the same clients`);
    console.log(`${load.connections} connections, ${load.getRatio * 100}% GET, ${load.keySpace.toLocaleString('en-US')} keys; median of ${done}${done < runs ? ` (of ${runs}: time budget reached)` : ''} runs of ${durationMs / 1000} s each; redis-benchmark -t get,set -n (about ${durationMs / 1000} s of requests), GET and SET combined 80/20\n`);
    console.log(row('', clients.map(([a]) => a)));
    console.log(row('', clients.map(([, b]) => b)));
    for (const depth of depths) {
      const cells = table.get(depth)!;
      const goal = (client: number) => targets.find((t) => t.depth === depth && t.top[0] === client && t.top[1] === 0 && t.bottom[1] === 1)?.goal;
      const baseGoal = (client: number) => targets.find((t) => t.depth === depth && t.top[0] === client && t.bottom[0] === 0 && t.bottom[1] === 0)?.goal;
      console.log(row(`depth ${depth}${depth === 1 ? '' : ` (-P ${depth})`}`, []));
      console.log(row('  solution server', cells.map((cell) => show(cell[0]!))));
      console.log(row('  real Redis', cells.map((cell) => show(cell[1]!))));
      console.log(row('  solution ÷ Redis', cells.map((cell, c) => verdict(ratioOf(cell[0], cell[1]), goal(c)))));
      console.log(row('  ÷ minimal client', cells.map((cell, c) => (c === 0 || c === 3 ? '–' : verdict(ratioOf(cell[0], cells[0]![0]), baseGoal(c))))));
    }
    console.log(`\n⚑ the client used more than ${saturatedCpuPercent}% of a CPU core in that cell (its share shown): the figure is a floor for the server.`);
    notes.forEach((note, i) => console.log(`[${i + 1}] ${note}`));

    console.log('\nTargets (ratios of medians, same run):');
    let met = 0;
    for (const t of targets) {
      const cells = table.get(t.depth)!;
      const value = ratioOf(cells[t.top[0]]![t.top[1]], cells[t.bottom[0]]![t.bottom[1]]);
      if (value !== undefined && value >= t.goal) met += 1;
      console.log(`  ${t.name.padEnd(70)} ${value === undefined ? 'n/a' : `${value.toFixed(2)}×`.padStart(6)}  target ≥ ${t.goal}  ${value !== undefined && value >= t.goal ? '✓' : '✗'}`);
    }
    console.log(`\n${met} of ${targets.length} targets met · ${((performance.now() - started) / 1000).toFixed(0)} s · load average (1, 5, 15 min) ${loadBefore} before, ${load3()} after (2 cores: above ~1 the figures are noisy)`);
    return 0;
  } finally {
    stopAll();
  }
}

process.exitCode = await main();
