// Day 6: the ratio of the learner's tuned server (day 5) to their day-2 server, measured side by side in this run.
import { load } from '../day5/measure.ts';
import { prefill, runLoad } from '../../harness/loadgen.ts';
import { startServerProcess, type ServerProcess } from '../../harness/server-process.ts';

/** Day 5's load (50 connections, 80% GET), 1.5 s per run. */
const sideBySide = { ...load, durationMs: 1500, replies: 'text' } as const;

/** Tuned ÷ day-2 throughput under the grader's generator, the best of two alternating runs each (alternating, so
 *  that a busy moment of the machine lands on both sides); undefined when either server does not start or errs. */
export async function tunedOverDay2(): Promise<number | undefined> {
  const servers: ServerProcess[] = [];
  try {
    for (const file of ['02-server/server.ts', '05-performance/server.ts']) servers.push(await startServerProcess(file));
    for (const server of servers) await prefill({ ...sideBySide, port: server.port });
    const best = [0, 0];
    for (let run = 0; run < 2; run += 1) {
      for (const [index, server] of servers.entries()) {
        const result = await runLoad({ ...sideBySide, port: server.port, seed: run + 1 });
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
