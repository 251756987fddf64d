// Day 6: the ratio of the learner's tuned server (day 5) to their day-2 server, measured side by side in this run.
import { prefill, runLoad } from '../support/loadgen.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** The same load day 5 uses, shorter: 50 connections, 80% GET, 1.5 s per run. */
const load = { host: '127.0.0.1', connections: 50, durationMs: 1500, getRatio: 0.8, keySpace: 10_000, replies: 'text' } as const;

/** Tuned ÷ day-2 throughput under the grader's generator, the best of two alternating runs each (alternating, so
 *  that a busy moment of the machine lands on both sides); undefined when either server does not start or errs. */
export async function tunedOverDay2(): Promise<number | undefined> {
  const servers: ServerProcess[] = [];
  try {
    for (const file of ['02-server/server.ts', '05-performance/server.ts']) servers.push(await startServerProcess(file));
    for (const server of servers) await prefill({ ...load, port: server.port });
    const best = [0, 0];
    for (let run = 0; run < 2; run += 1) {
      for (const [index, server] of servers.entries()) {
        const result = await runLoad({ ...load, port: server.port, seed: run + 1 });
        if (result.errors > 0) return undefined;
        best[index] = Math.max(best[index]!, result.opsPerSec);
      }
    }
    return best[0]! > 0 ? best[1]! / best[0]! : undefined;
  } catch {
    return undefined;
  } finally {
    for (const server of servers) server.stop();
  }
}
