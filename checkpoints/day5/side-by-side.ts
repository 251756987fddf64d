// Day 5's verdict: the learner's server and a reference (real Redis; without it, the workbook's own tuned server)
// measured in turns under the grader's generator, in two shapes per round, and decided on the paired ratios
// (harness/paired.ts), so that both sides see the same load on a busy machine.
import { join } from 'node:path';
import { gates } from '../../course/gates.ts';
import { prefill, runLoad, type LoadResult } from '../../harness/loadgen.ts';
import { decideAll, median, type Decision } from '../../harness/paired.ts';
import { root } from '../../harness/paths.ts';
import { command, findTool, startRedis } from '../../harness/redis.ts';
import { load } from '../../harness/redis-gate.ts';
import { startServerProcess, type ServerProcess } from '../../harness/server-process.ts';
import { keyOf, valueOf } from '../../harness/loadgen-thread.ts';

/** The three loads of a round. The day's own (50 connections, one request in flight on each): measured and reported
 *  (the gate's Redis figure and load.grader.opsPerSec come from it), not judged here: its pace swings with the machine's
 *  load, most for a server that waits rather than works. One connection, one request at a time: a reply that waits (on
 *  a timer, a queue or a flush) caps it however idle the machine is, so it is judged on pace against a fifth of the
 *  reference's, a share the reference solution clears many times over. A pipelined one (many commands per write: what
 *  the server spends per command shows, a write or a log line per reply with it), judged on CPU time: commands per
 *  millisecond of the server's own CPU against Redis's, a figure that holds still when the machine is busy. */
export const shapes = [
  { name: 'plain', what: `${load.connections} connections, no pipelining`, measure: 'pace', connections: load.connections, pipeline: 1, share: undefined },
  { name: 'single', what: 'one connection, one request at a time', measure: 'pace', connections: 1, pipeline: 1, share: 0.2 },
  { name: 'pipelined', what: '16 connections, 16 commands per write', measure: 'cpu', connections: 16, pipeline: 16, share: gates.load.fallback.redisShare },
] as const;

type ShapeName = (typeof shapes)[number]['name'];

/** The load a passing verdict is reported for (the pipelined one); every judged load must clear its share. */
const deciding = 2;

/** Each run of a round lasts this long; a round is four runs (reference, yours, in each shape). */
export const roundMs = 500;

/** How many rounds decide; each judged load holds its own share (`shapes`). */
const roundLimits = { minRounds: 3, maxRounds: 10 };

/** Each load's plan: its share and the rounds (undefined for a load that is measured, not judged). */
const plans = shapes.map((shape) => (shape.share === undefined ? undefined : { share: shape.share, ...roundLimits }));

/** What the rounds measured. */
export interface SideBySide {
  /** Real Redis, or (without redis-server) the workbook's reference solution of day 5. */
  reference: 'redis' | 'solution';
  decision: Decision;
  /** The load the decision is about. */
  decidedBy: (typeof shapes)[number];
  /** Per shape: the geometric mean of its ratios, and each round's runs (the reference's, then yours). */
  byShape: Record<ShapeName, { ratio: number; runs: { theirs: LoadResult; yours: LoadResult; ratio: number }[] }>;
  /** The medians of the plain shape (the day's load), in ops/s. */
  theirsPlain: number;
  yoursPlain: number;
  rounds: number;
  /** The learner's server's memory after a full garbage collection (bytes), before the rounds and after them, and
   *  about how many bytes of commands it received meanwhile. */
  memory: { before?: number; after?: number; received: number };
}

/** The reference server's file where redis-server is missing. */
const referenceFile = join(root, 'solutions/05-performance/server.ts');

/** Measures in rounds until the verdict is clear; `checkYours` throws for a run of the learner's server that failed. */
export async function sideBySide(yours: Pick<ServerProcess, 'port' | 'heap' | 'ask'>, checkYours: (result: LoadResult) => void): Promise<SideBySide> {
  const yoursPort = yours.port;
  const redis = findTool('redis-server') ? await startRedis().catch(() => undefined) : undefined;
  const other = redis ? undefined : await startServerProcess(referenceFile);
  const reference = redis
    ? { port: redis.port, replies: 'resp' as const, cpu: () => redisCpuMs(redis.port) }
    : { port: other!.port, replies: 'text' as const, cpu: () => processCpuMs(other!) };
  const yoursCpu = () => processCpuMs(yours);
  const byShape = { plain: { ratio: 0, runs: [] }, single: { ratio: 0, runs: [] }, pipelined: { ratio: 0, runs: [] } } as SideBySide['byShape'];
  try {
    await prefill({ ...load, ...reference });
    await prefill({ ...load, port: yoursPort, replies: 'text' });
    const run = (shape: (typeof shapes)[number], port: number, replies: 'resp' | 'text', seed: number, durationMs = roundMs) =>
      runLoad({ ...load, connections: shape.connections, pipeline: shape.pipeline, port, replies, seed, durationMs });
    // A first, unmeasured pass: JIT and connections warm on both sides.
    for (const shape of shapes) {
      await run(shape, reference.port, reference.replies, 1, 200);
      checkYours(await run(shape, yoursPort, 'text', 1, 200));
    }
    const before = await yours.heap();
    // Rounds in turns (reference, then yours, in each load) until the verdict is clear or the most rounds have run.
    let decision: (Decision & { load: number }) | undefined;
    let rounds = 0;
    while (!decision) {
      for (const shape of shapes) {
        const cpu = shape.measure === 'cpu';
        const theirsFrom = cpu ? await reference.cpu() : 0;
        const theirs = await run(shape, reference.port, reference.replies, rounds + 2);
        const theirsCpu = cpu ? (await reference.cpu()) - theirsFrom : 0;
        const yoursFrom = cpu ? await yoursCpu() : 0;
        const yours = await run(shape, yoursPort, 'text', rounds + 2);
        const yoursUsed = cpu ? (await yoursCpu()) - yoursFrom : 0;
        checkYours(yours);
        const ratio =
          shape.measure === 'pace'
            ? yours.opsPerSec / theirs.opsPerSec
            : yours.totalOps / Math.max(yoursUsed, 0.1) / (theirs.totalOps / Math.max(theirsCpu, 0.1));
        byShape[shape.name].runs.push({ theirs, yours, ratio });
      }
      rounds += 1;
      decision = decideAll(
        shapes.map((shape) => byShape[shape.name].runs.map((one) => one.ratio)),
        deciding,
        plans,
      );
    }
    for (const shape of shapes) byShape[shape.name].ratio = geometricMean(byShape[shape.name].runs.map((one) => one.ratio));
    const plain = byShape.plain.runs;
    const commands = shapes.reduce((sum, shape) => sum + byShape[shape.name].runs.reduce((all, one) => all + one.yours.totalOps, 0), 0);
    const memory = { before, after: await yours.heap(), received: Math.round(commands * commandBytes) };
    return {
      reference: redis ? 'redis' : 'solution',
      decision,
      decidedBy: shapes[decision.load]!,
      byShape,
      theirsPlain: median(plain.map((one) => one.theirs.opsPerSec)),
      yoursPlain: median(plain.map((one) => one.yours.opsPerSec)),
      rounds,
      memory,
    };
  } finally {
    redis?.stop();
    other?.stop();
  }
}

// Redis's own CPU time so far (INFO cpu: used_cpu_user + used_cpu_sys, in seconds), in milliseconds.
async function redisCpuMs(port: number): Promise<number> {
  const info = await command(port, 'INFO cpu');
  const read = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  const seconds = read('used_cpu_user') + read('used_cpu_sys');
  if (!Number.isFinite(seconds)) throw new Error(`INFO cpu had no used_cpu_user and used_cpu_sys: ${info.slice(0, 200)}`);
  return seconds * 1000;
}

// A server process's own CPU time so far (serve.ts answers `cpu` with process.cpuUsage()), in milliseconds.
async function processCpuMs(server: Pick<ServerProcess, 'ask'>): Promise<number> {
  const answer = await server.ask('cpu', 'cpu');
  if (answer === undefined) throw new Error("the server's process did not report its CPU time within 15 s: its event loop was busy all that time");
  return Number(answer) / 1000;
}

// About how many bytes one command of the load takes on the wire (a key from the middle of the key space).
const commandBytes = (() => {
  const n = load.keySpace / 2;
  return load.getRatio * `GET ${keyOf(n)}\n`.length + (1 - load.getRatio) * `SET ${keyOf(n)} ${valueOf(n)}\n`.length;
})();

function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(Math.max(value, 1e-6)), 0) / values.length);
}
