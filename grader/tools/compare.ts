// `npm run compare [-- --runs 3 --duration 1500 --budget 80 --target solutions]`: for maintainers, one table of the day-4 and day-5
// instruments and reference server — {minimal client, workbook load tester, grader load generator, redis-benchmark}
// × {solution server, real Redis} at depth 1 and 16 — with each ratio beside its target, and a Node server that parses
// nothing (compare-floor.ts) under the minimal client and redis-benchmark: the runtime's own floor. A benchmark, not a test.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../paths.ts';
import { processCpuMs, runRedisBenchmark, stopBenchmark } from './compare-benchmark.ts';
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
const { findTool, installRedis, startRedis, commandsProcessed } = await import('../../harness/redis.ts');
const { generatorWorkers, prefill, runLoad, saturatedCpuPercent } = await import('../../harness/loadgen.ts');
const { startServerProcess } = await import('../../harness/server-process.ts');

const load = { host: '127.0.0.1', connections: 50, getRatio: 0.8, keySpace: 10_000 };
const depths = [1, 16] as const;
type Server = { name: string; port: number; pid: number; replies: 'text' | 'resp' };
/** One run's figure, the client's own CPU use (percent of one core) and, on Linux, the server's CPU µs per operation. */
type Sample = { opsPerSec: number; cpuPercent: number; serverUs?: number };
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
      if (report.totalOps > processed + load.connections * depth)
        return 'the workbook load tester reads text replies only (the RESP half of the day-5 stretch)';
    }
    return { opsPerSec: report.opsPerSec, cpuPercent: report.cpuPercent ?? Number.NaN };
  };
}

/** The grader's generator, on as many threads as it picks for this machine; its CPU share is its least busy thread's,
 *  so that ⚑ marks a cell only when every thread was saturated. */
const graderGenerator: Measure = async (server, depth) => {
  const result = await runLoad({ ...load, port: server.port, durationMs, pipeline: depth, replies: server.replies });
  return result.errors > 0
    ? `${result.errors} errors: ${result.firstError}`
    : { opsPerSec: result.opsPerSec, cpuPercent: Math.min(...result.workerCpuPercent) };
};

/** The minimal client's last figure per server and depth: redis-benchmark is given about `durationMs` of requests. */
const lastMinimal = new Map<string, number>();
/** redis-benchmark -t get,set, GET and SET combined for an 80/20 mix (1 / (0.8/get + 0.2/set)). */
const redisBenchmark: Measure = async (server, depth) => {
  const pace = lastMinimal.get(`${server.port}@${depth}`) ?? 50_000;
  const requests = Math.min(2_000_000, Math.max(20_000, Math.round((pace * durationMs) / 1000)));
  const result = await runRedisBenchmark({ port: server.port, connections: load.connections, depth, requests });
  if (typeof result === 'string') return result;
  return { opsPerSec: 1 / (load.getRatio / result.get + (1 - load.getRatio) / result.set), cpuPercent: result.cpuPercent };
};

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

/** The middle sample by ops/s; of an even count, the lower of the middle two (never the luckier run). */
function median(samples: Sample[]): Sample {
  return [...samples].sort((a, b) => a.opsPerSec - b.opsPerSec)[Math.floor((samples.length - 1) / 2)]!;
}

const notes: string[] = [];
type Cell = Sample | string;
/** A figure, flagged ⚑ with the CPU share when the client used most of a core; or `n/a [N]` with the reason as note N. */
function show(cell: Cell | undefined): string {
  if (cell === undefined) return '–';
  if (typeof cell === 'string') {
    if (!notes.includes(cell)) notes.push(cell);
    return `n/a [${notes.indexOf(cell) + 1}]`;
  }
  const figure = Math.round(cell.opsPerSec).toLocaleString('en-US');
  return cell.cpuPercent > saturatedCpuPercent ? `${figure} ⚑${Math.round(cell.cpuPercent)}%` : figure;
}
/** A ratio to two decimals, rounded down so that a ✗ never shows the target's own figure. */
const times = (value: number) => `${(Math.floor(value * 100) / 100).toFixed(2)}×`;
const verdict = (value: number | undefined, goal?: number) => {
  if (value === undefined) return '–';
  return goal === undefined ? times(value) : `${times(value)} ${value >= goal ? '✓' : '✗'} ≥${goal}`;
};
const row = (label: string, cells: string[]) => `${label.padEnd(22)}${cells.map((cell) => cell.padStart(20)).join('')}`;
const load3 = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const cores = availableParallelism();
/** The load before the run against the cores: compare's own server and client keep about two cores busy, so other
 *  work above half of what is left makes the figures noisy (after the run, compare's own load is in the figure). */
function machineLine(before: number[]): string {
  const spare = Math.max(cores - 2, 1);
  const busy =
    before[0]! > spare / 2
      ? `busy: a 1-minute load of ${before[0]!.toFixed(2)} before the run, over half of the ${spare} core(s) compare leaves free, so other work shared them and the figures are noisy`
      : `quiet enough: a 1-minute load of ${before[0]!.toFixed(2)} before the run, under half of the ${spare} core(s) compare leaves free`;
  return `${cores} cores · load average (1, 5, 15 min) ${before.map((n) => n.toFixed(2)).join(' ')} before, ${load3()} after — ${busy}`;
}

async function main(): Promise<number> {
  if (!findTool('redis-server') || !findTool('redis-benchmark')) {
    console.error(installRedis);
    return 1;
  }
  const loadBefore = loadavg();
  const solution = await startServerProcess('05-performance/server.ts');
  const floor = await startServerProcess(resolve(import.meta.dirname, 'compare-floor.ts'));
  const redis = await startRedis();
  const stopAll = () => {
    stopBenchmark();
    solution.stop();
    floor.stop();
    redis.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  const servers: Server[] = [
    { name: 'solution server', port: solution.port, pid: solution.pid, replies: 'text' },
    { name: 'real Redis', port: redis.port, pid: redis.pid, replies: 'resp' },
    { name: 'Node floor', port: floor.port, pid: floor.pid, replies: 'text' },
  ];
  const started = performance.now();
  try {
    const version =
      /v=(\S+)/.exec(
        await new Promise<string>((done) => spawn(findTool('redis-server')!, ['--version']).stdout!.on('data', (b: Buffer) => done(b.toString()))),
      )?.[1] ?? '';
    for (const server of servers) {
      await prefill({ port: server.port, keySpace: load.keySpace, replies: server.replies });
      await runMinimal({ ...load, port: server.port, durationMs: 500, depth: 16, replies: server.replies }); // warm-up: the JIT, the caches
    }
    const measures: Measure[] = [minimal, await workbookTester(), graderGenerator, redisBenchmark];
    // Every sample of every cell, by run. Each pair a target compares is measured back to back (the workbook load
    // tester right after the minimal client on the same server; each client on the solution server, then on Redis),
    // and a ratio is the median of the per-run ratios: a busy moment of the machine then lands on both sides of it.
    // The floor only under the minimal client and redis-benchmark, the clients of the solution-÷-Redis targets.
    const schedule = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 2],
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
      [3, 2],
    ] as const; // [client, server]
    const samples = depths.map(() => measures.map(() => servers.map((): (Sample | undefined)[] => [])));
    const problems = depths.map(() => measures.map(() => servers.map((): string | undefined => undefined)));
    let done = 0;
    for (; done < runs && (done === 0 || performance.now() - started < budgetMs); done += 1) {
      for (const [d, depth] of depths.entries()) {
        // Every other run goes through the schedule backwards, so neither side of a pair is always measured first.
        for (const [c, s] of done % 2 === 0 ? schedule : [...schedule].reverse()) {
          if (problems[d]![c]![s] !== undefined) continue;
          const cpuBefore = processCpuMs(servers[s]!.pid);
          const wallBefore = performance.now();
          const value = await measures[c]!(servers[s]!, depth).catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
          const cpuMs = processCpuMs(servers[s]!.pid) - cpuBefore;
          if (typeof value !== 'string' && Number.isFinite(cpuMs))
            value.serverUs = (cpuMs * 1000) / ((value.opsPerSec * (performance.now() - wallBefore)) / 1000);
          if (typeof value === 'string') problems[d]![c]![s] = value;
          samples[d]![c]![s]![done] = typeof value === 'string' ? undefined : value;
        }
      }
    }
    const cellOf = (d: number, c: number, s: number): Cell | undefined => {
      const measured = samples[d]![c]![s]!.filter((x) => x !== undefined);
      return problems[d]![c]![s] ?? (measured.length > 0 ? median(measured) : undefined);
    };
    /** The median over runs of (client a on server a) ÷ (client b on server b), runs where both were measured. */
    const ratioOf = (d: number, [ca, sa]: readonly [number, number], [cb, sb]: readonly [number, number]) => {
      const ratios = samples[d]![ca]![sa]!.flatMap((a, run) => {
        const b = samples[d]![cb]![sb]![run];
        return a && b ? [a.opsPerSec / b.opsPerSec] : [];
      });
      if (ratios.length === 0) return undefined;
      const sorted = [...ratios].sort((x, y) => x - y);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2; // of two middle ones, their mean
    };

    const where = target.replace(`${root}/`, '');
    console.log(`cachelings · compare — the solution server (${where}/05-performance) vs real Redis ${version}, the same clients`);
    console.log(
      `${cores} cores; the grader's load generator runs on ${generatorWorkers()} thread(s) here (CACHELINGS_LOADGEN_WORKERS forces a count); the load average is ${loadBefore.map((n) => n.toFixed(2)).join(' ')} (1, 5, 15 min) before the run`,
    );
    console.log(
      `${load.connections} connections, ${load.getRatio * 100}% GET, ${load.keySpace.toLocaleString('en-US')} keys; median of ${done}${done < runs ? ` (of ${runs}: time budget reached)` : ''} runs of ${durationMs / 1000} s each; redis-benchmark -t get,set -n (about ${durationMs / 1000} s of requests), GET and SET combined 80/20\n`,
    );
    console.log(
      row(
        '',
        clients.map(([a]) => a),
      ),
    );
    console.log(
      row(
        '',
        clients.map(([, b]) => b),
      ),
    );
    for (const [d, depth] of depths.entries()) {
      const goal = (client: number) => targets.find((t) => t.depth === depth && t.top[0] === client && t.top[1] === 0 && t.bottom[1] === 1)?.goal;
      const baseGoal = (client: number) => targets.find((t) => t.depth === depth && t.top[0] === client && t.bottom[0] === 0 && t.bottom[1] === 0)?.goal;
      const clientsAt = measures.map((_, c) => c);
      console.log(row(`depth ${depth}${depth === 1 ? '' : ` (-P ${depth})`}`, []));
      console.log(
        row(
          '  solution server',
          clientsAt.map((c) => show(cellOf(d, c, 0))),
        ),
      );
      console.log(
        row(
          '  real Redis',
          clientsAt.map((c) => show(cellOf(d, c, 1))),
        ),
      );
      console.log(
        row(
          '  Node floor',
          clientsAt.map((c) => show(cellOf(d, c, 2))),
        ),
      );
      console.log(
        row(
          '  solution ÷ Redis',
          clientsAt.map((c) => verdict(ratioOf(d, [c, 0], [c, 1]), goal(c))),
        ),
      );
      console.log(
        row(
          '  floor ÷ Redis',
          clientsAt.map((c) => verdict(ratioOf(d, [c, 2], [c, 1]))),
        ),
      );
      console.log(
        row(
          '  ÷ minimal client',
          clientsAt.map((c) => (c === 0 || c === 3 ? '–' : verdict(ratioOf(d, [c, 0], [0, 0]), baseGoal(c)))),
        ),
      );
      const us = (s: number) => (c: number) => {
        const cell = cellOf(d, c, s);
        return typeof cell === 'object' && cell.serverUs !== undefined ? `${cell.serverUs.toFixed(2)} µs` : '–';
      };
      console.log(row('  server CPU per op:', []));
      console.log(row('    solution server', clientsAt.map(us(0))));
      console.log(row('    real Redis', clientsAt.map(us(1))));
      console.log(row('    Node floor', clientsAt.map(us(2))));
    }
    console.log(
      `\n⚑ the client used more than ${saturatedCpuPercent}% of a CPU core in that cell (its share shown; for the grader's generator, its least busy thread's): the figure is a floor for the server.`,
    );
    console.log(
      'Node floor: a Node server that parses nothing (it counts the commands of a chunk and answers OK to each, in one write): what the runtime alone costs per command.',
    );
    console.log(
      'Server CPU per op: the CPU time of the server process (kernel included) ÷ operations, from the median run; it moves less with the load of the machine than ops/s do.',
    );
    notes.forEach((note, i) => console.log(`[${i + 1}] ${note}`));

    console.log('\nTargets (each the median of the per-run ratios of two cells measured back to back):');
    let met = 0;
    for (const t of targets) {
      const value = ratioOf(depths.indexOf(t.depth), t.top, t.bottom);
      if (value !== undefined && value >= t.goal) met += 1;
      console.log(
        `  ${t.name.padEnd(70)} ${value === undefined ? 'n/a' : times(value).padStart(6)}  target ≥ ${t.goal}  ${value !== undefined && value >= t.goal ? '✓' : '✗'}`,
      );
    }
    console.log(`\n${met} of ${targets.length} targets met · ${((performance.now() - started) / 1000).toFixed(0)} s · ${machineLine(loadBefore)}`);
    return 0;
  } finally {
    stopAll();
  }
}

process.exitCode = await main();
