// The share-out's comparison: the grader's own load generator against the learner's server, then against real Redis,
// with the same connections, mix and keys, so the two charts compare like with like.
import { prefill, runLoad } from '../../harness/loadgen.ts';
import type { LoadOptions } from '../../harness/loadgen-thread.ts';
import { findTool, startRedis } from '../../harness/redis.ts';
import type { Series } from './charts.ts';

/** The load both servers get (5 whole seconds, so each has five per-second points). */
export const sideBySideLoad = { connections: 50, durationMs: 5_000, getRatio: 0.8, keySpace: 10_000, seed: 7 };

/** What was measured: one series per server that could be run, and why Redis could not, if it could not. */
export interface SideBySide {
  series: Series[];
  redisMissing?: string;
}

async function measure(port: number, replies: LoadOptions['replies']): Promise<Series['result']> {
  await prefill({ port, keySpace: sideBySideLoad.keySpace, replies });
  // A short warm-up first, so the first second is not the JIT compiling the server's hot path.
  await runLoad({ ...sideBySideLoad, durationMs: 1_000, port, replies });
  return runLoad({ ...sideBySideLoad, port, replies });
}

/** Drives the learner's server on `port`, then a private redis-server started for the purpose and stopped after. */
export async function sideBySide(port: number): Promise<SideBySide> {
  const series: Series[] = [{ server: 'your server', result: await measure(port, 'text') }];
  if (!findTool('redis-server')) return { series, redisMissing: 'redis-server is not installed, so there is no Redis line to compare with' };
  const redis = await startRedis();
  try {
    series.push({ server: 'Redis', result: await measure(redis.port, 'resp') });
    return { series };
  } finally {
    redis.stop();
  }
}
