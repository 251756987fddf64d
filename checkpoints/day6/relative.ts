// Day 6: ratios of the learner's tuned server (day 5) to their day-2 server and to real Redis, measured side by side
// in this run, alternating runs so that a busy moment of the machine lands on both sides.
import { load } from '../day5/measure.ts';
import { prefill, runLoad } from '../../harness/loadgen.ts';
import { findTool, startRedis, type RedisInstance } from '../../harness/redis.ts';
import { startServerProcess, type ServerProcess } from '../../harness/server-process.ts';

/** Day 5's load (50 connections, 80% GET), 1.5 s per run. */
const sideBySide = { ...load, durationMs: 1500 } as const;

/** A server to load, and the protocol its replies come in. */
interface Target {
  port: number;
  replies: 'text' | 'resp';
}

/** The best ops/s of each target over two rounds of alternating runs; undefined when one of them errs. */
async function alternate(targets: Target[]): Promise<number[] | undefined> {
  for (const target of targets) await prefill({ ...sideBySide, ...target });
  const best = targets.map(() => 0);
  for (let run = 0; run < 2; run += 1) {
    for (const [index, target] of targets.entries()) {
      const result = await runLoad({ ...sideBySide, ...target, seed: run + 1 });
      if (result.errors > 0) return undefined;
      best[index] = Math.max(best[index]!, result.opsPerSec);
    }
  }
  return best;
}

/** Tuned ÷ day-2 throughput under the grader's generator; undefined when either server does not start or errs. */
export async function tunedOverDay2(): Promise<number | undefined> {
  const servers: ServerProcess[] = [];
  try {
    for (const file of ['02-server/server.ts', '05-performance/server.ts']) servers.push(await startServerProcess(file));
    const best = await alternate(servers.map((server) => ({ port: server.port, replies: 'text' })));
    return best && best[0]! > 0 ? best[1]! / best[0]! : undefined;
  } catch {
    return undefined;
  } finally {
    for (const server of servers) server.stop();
  }
}

/** Tuned ÷ real Redis, measured now; undefined without Redis, or when the server does not start or errs. Day 5's
 *  ratio reuses runs made minutes apart (its calibration, then its cross-check): on a busy machine it can be far off. */
export async function tunedOverRedis(): Promise<number | undefined> {
  if (!findTool('redis-server')) return undefined;
  let server: ServerProcess | undefined;
  let redis: RedisInstance | undefined;
  try {
    server = await startServerProcess('05-performance/server.ts');
    redis = await startRedis();
    const best = await alternate([
      { port: server.port, replies: 'text' },
      { port: redis.port, replies: 'resp' },
    ]);
    return best && best[1]! > 0 ? best[0]! / best[1]! : undefined;
  } catch {
    return undefined;
  } finally {
    server?.stop();
    redis?.stop();
  }
}
