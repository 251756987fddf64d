// Maintainers: is the grader's load generator the bottleneck? Where no many-core machine is at hand, a simulation:
// a server made artificially cheap (grader/tools/cheap-server.ts, in its own process: it parses nothing and answers
// from a precomputed buffer), driven at depth 1 by the minimal client and by the generator on 1, 2, … worker threads
// (forced), alternating runs. Prints generator ÷ minimal client (median of the per-run ratios), each thread's share of
// a core (⚑ where every thread was saturated), and each client's CPU time per operation: on a machine shared with
// other work, ops/s swing from run to run, while CPU per operation moves much less, so the ceiling each client would
// reach with a core per thread (threads × 1 s ÷ CPU per op) is the steadier comparison. A benchmark, not a test.
// Usage: node --import tsx grader/tools/loadgen-sim.ts [--workers 1,2] [--runs 3] [--duration 1500] [--connections 50]
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { runLoad, saturated, sharesText } from '../../harness/loadgen.ts';
import { startServerProcess } from '../../harness/server-process.ts';
import { runMinimal } from './minimal-client.ts';

const option = (name: string, fallback: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback);
const threadCounts = option('workers', '1,2').split(',').map(Number);
const runs = Math.min(Number(option('runs', '3')), 10);
const durationMs = Math.min(Number(option('duration', '1500')), 10_000);
const connections = Math.min(Number(option('connections', '50')), 500);
const load = { connections, durationMs, getRatio: 0.8, keySpace: 10_000 };

/** The middle value; of an even count, the mean of the middle two. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const server = await startServerProcess(resolve(import.meta.dirname, 'cheap-server.ts'));
try {
  console.log(
    `${availableParallelism()} cores, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; the cheap server in its own process; ${connections} connections, depth 1, ${runs} runs of ${durationMs / 1000} s per cell, alternating`,
  );
  await runMinimal({ ...load, port: server.port, durationMs: 500, depth: 1, replies: 'text' }); // warm-up
  for (const workers of threadCounts) {
    const ratios: number[] = [];
    const costs = { minimal: [] as number[], generator: [] as number[] };
    const lines: string[] = [];
    let flagged = 0;
    for (let run = 0; run < runs; run += 1) {
      const minimal = await runMinimal({ ...load, port: server.port, depth: 1, replies: 'text' });
      const generator = await runLoad({ ...load, port: server.port, replies: 'text', workers, seed: run + 1 });
      if (generator.errors > 0) throw new Error(`the generator counted ${generator.errors} errors: ${generator.firstError}`);
      ratios.push(generator.opsPerSec / minimal.opsPerSec);
      // CPU µs per operation: the share of a core × the run's length ÷ the operations (the generator's over all its threads).
      costs.minimal.push((minimal.cpuPercent * 10 * durationMs) / ((minimal.opsPerSec * durationMs) / 1000));
      costs.generator.push((generator.cpuPercent * 10 * generator.durationMs) / generator.totalOps);
      if (saturated(generator)) flagged += 1;
      lines.push(
        `  run ${run + 1}: minimal ${Math.round(minimal.opsPerSec).toLocaleString('en-US')} ops/s (${Math.round(minimal.cpuPercent)}% of a core) · generator ${Math.round(generator.opsPerSec).toLocaleString('en-US')} ops/s, threads at ${sharesText(generator)}${saturated(generator) ? ' ⚑ saturated' : ''}`,
      );
    }
    const [minimalUs, generatorUs] = [median(costs.minimal), median(costs.generator)];
    const ceiling = (threads: number, us: number) => Math.round((threads * 1e6) / us).toLocaleString('en-US');
    console.log(
      `generator on ${workers} thread(s): generator ÷ minimal client ${median(ratios).toFixed(2)} (median of ${ratios.map((r) => r.toFixed(2)).join(', ')}); saturated in ${flagged} of ${runs} runs`,
    );
    console.log(
      `  CPU per operation: minimal client ${minimalUs.toFixed(2)} µs, generator ${generatorUs.toFixed(2)} µs (all threads) → ceilings with a core per thread: minimal ${ceiling(1, minimalUs)} ops/s, generator ${ceiling(workers, generatorUs)} ops/s, ratio ${((workers * minimalUs) / generatorUs).toFixed(2)}`,
    );
    lines.forEach((line) => console.log(line));
  }
} finally {
  server.stop();
}
