// After a miss on day 5: a CPU profile of the learner's server under the grader's pipelined load (serve.ts drives
// V8's profiler, as `node --cpu-prof` does), read as the functions of the learner's files that used the CPU.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hotFrames, type CpuProfile, type HotFrame } from '../../harness/cpu-profile.ts';
import { targetDir } from '../../harness/learner.ts';
import { runLoad } from '../../harness/loadgen.ts';
import { load } from '../../harness/redis-gate.ts';
import type { ServerProcess } from '../../harness/server-process.ts';
import { shapes } from './side-by-side.ts';

/** How long the profiled run lasts. */
export const profileMs = 1000;

/** The learner's functions that used the server's CPU during one pipelined run, largest share first; undefined when
 *  the server's process did not answer the profiler's commands. The profile file is removed after reading. */
export async function profileServer(server: ServerProcess): Promise<HotFrame[] | undefined> {
  const file = join(tmpdir(), `cachelings-day5-${process.pid}-${server.pid}.cpuprofile`);
  const shape = shapes[1];
  try {
    if ((await server.ask('profile-start', 'profile-start')) === undefined) return undefined;
    await runLoad({ ...load, connections: shape.connections, pipeline: shape.pipeline, port: server.port, replies: 'text', durationMs: profileMs });
    // Writing the profile takes a moment on a busy machine: wait for it, so that no file is written after the cleanup.
    if ((await server.ask(`profile-stop ${file}`, 'profile-stop', 30_000)) === undefined) return undefined;
    return hotFrames(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, targetDir);
  } finally {
    rmSync(file, { force: true });
  }
}
