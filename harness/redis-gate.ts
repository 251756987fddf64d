// Day 5's load gate on this machine: real Redis under the grader's generator with day 5's load, and the gate that
// follows from it (course/gates.ts). Shared by day 5's checkpoint and `npm run gate`.
import { figure as ops, gates } from '../course/gates.ts';
import { prefill, runLoad, type LoadResult } from './loadgen.ts';
import { findTool, startRedis } from './redis.ts';

/** Day 5's load: what the gate, the learner's runs and the grader's own runs all use. */
export const load = { host: '127.0.0.1', connections: 50, durationMs: 2500, getRatio: 0.8, keySpace: 10_000 };

/** The gate held on this machine, and why. */
export interface HeldGate {
  value: number;
  why: string;
}

const { value: gate } = gates.load;
const { redisShare } = gates.load.fallback;

/** Real Redis under the grader's generator right now: a 0.5 s warm-up (the generator's first second is slower), then
 *  the best of `runs` 2 s runs; undefined where redis-server is missing or does not start. */
export async function measureRedis(runs: number): Promise<LoadResult | undefined> {
  if (!findTool('redis-server')) return undefined;
  const redis = await startRedis().catch(() => undefined);
  if (!redis) return undefined;
  try {
    await prefill({ port: redis.port, keySpace: load.keySpace, replies: 'resp' });
    await runLoad({ ...load, port: redis.port, durationMs: 500, replies: 'resp' });
    let best: LoadResult | undefined;
    for (let run = 0; run < runs; run += 1) {
      const result = await runLoad({ ...load, port: redis.port, durationMs: 2000, replies: 'resp' });
      if (!best || result.opsPerSec > best.opsPerSec) best = result;
    }
    return best;
  } finally {
    redis.stop();
  }
}

/** The guide's gate, unless Redis (at `redisBest` ops/s, undefined when not measured) cannot reach it ÷ the share. */
export function calibrate(redisBest: number | undefined): HeldGate {
  if (redisBest === undefined) return { value: gate, why: `the guide's ${ops(gate)} ops/s` };
  if (redisBest >= gate / redisShare) return { value: gate, why: `the guide's ${ops(gate)} ops/s (real Redis reached ${ops(redisBest)} here)` };
  return {
    value: Math.round(redisBest * redisShare),
    why: `half of real Redis on this machine: Redis reached ${ops(redisBest)} ops/s under the same generator, below the ${ops(gate / redisShare)} the guide's ${ops(gate)} assumes`,
  };
}
