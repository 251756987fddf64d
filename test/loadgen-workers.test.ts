// The grader's load generator over worker threads (harness/loadgen*.ts): how many threads, how connections and seeds
// are shared, when it calls itself saturated, and that a run over two threads counts exactly what the server answered.
import { describe, expect, it } from 'vitest';
import { startServer } from '../grader/tools/cheap-server.ts';
import { generatorWorkers, runLoad, saturated, saturationNote } from '../harness/loadgen.ts';
import { shares, workerSeed } from '../harness/loadgen-workers.ts';

describe("the grader's load generator", () => {
  it('uses one thread below 4 cores, half the cores (at most 4) above, and the count CACHELINGS_LOADGEN_WORKERS forces (wk-count)', () => {
    const counts = [1, 2, 3, 4, 8, 16, 64].map((cores) => generatorWorkers(cores, {}));
    expect(counts, 'threads for 1, 2, 3, 4, 8, 16 and 64 cores').toEqual([1, 1, 1, 2, 4, 4, 4]);
    expect(generatorWorkers(2, { CACHELINGS_LOADGEN_WORKERS: '3' }), 'forced to 3 on 2 cores').toBe(3);
    expect(generatorWorkers(2, { CACHELINGS_LOADGEN_WORKERS: '99' }), 'forced beyond the bound').toBe(8);
    expect(generatorWorkers(16, { CACHELINGS_LOADGEN_WORKERS: 'x' }), 'a forced count that is no number is ignored').toBe(4);
  });

  it('shares the connections as evenly as whole numbers allow, each worker with a seed of its own (wk-shares)', () => {
    expect(shares(50, 4)).toEqual([13, 13, 12, 12]);
    expect(shares(3, 3)).toEqual([1, 1, 1]);
    const seeds = [0, 1, 2, 3].map((index) => workerSeed(12345, index));
    expect(seeds[0], "the first worker keeps the run's seed").toBe(12345);
    expect(new Set(seeds).size, `seeds ${seeds.join(', ')}`).toBe(4);
    expect(workerSeed(12345, 2), 'the same printed seed gives the same streams').toBe(seeds[2]);
  });

  it('calls itself saturated only when every thread used more than 90% of a core, and says so (wk-saturated)', () => {
    expect(saturated({ workerCpuPercent: [97] })).toBe(true);
    expect(saturated({ workerCpuPercent: [97, 95, 93] })).toBe(true);
    expect(saturated({ workerCpuPercent: [97, 60, 93] }), 'one thread with room to spare').toBe(false);
    expect(saturationNote({ workerCpuPercent: [96, 98] })).toContain('96% and 98% (2 worker threads) of a CPU core');
    expect(saturationNote({ workerCpuPercent: [70] })).toBe('');
  });

  it('counts, over two worker threads, exactly the replies a server wrote, and reports both threads (wk-honest)', async () => {
    const server = await startServer();
    try {
      // Without the threads' unmeasured warm-up, so that everything the server answered belongs to the run.
      const result = await runLoad({
        port: server.port,
        connections: 6,
        durationMs: 400,
        getRatio: 0.8,
        keySpace: 100,
        replies: 'text',
        workers: 2,
        seed: 7,
        warmUpMs: 0,
      });
      expect(result.errors, result.firstError).toBe(0);
      expect(result.workers).toBe(2);
      expect(result.workerCpuPercent).toHaveLength(2);
      expect(
        result.workerCpuPercent.every((share) => share > 0 && share <= 105),
        `thread shares ${result.workerCpuPercent.join(', ')}`,
      ).toBe(true);
      // Every connection waits for its last reply before it stops: the server answered exactly what was counted.
      expect(result.totalOps, `the cheap server answered ${server.answered()}`).toBe(server.answered());
      expect(result.totalOps).toBeGreaterThan(0);
      expect(result.opsPerSec).toBeCloseTo((result.totalOps / result.durationMs) * 1000, 3);
      expect(result.p50Ms).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('refuses to connect anywhere but this machine (wk-loopback)', async () => {
    await expect(runLoad({ host: '10.0.0.1', port: 1, connections: 1, durationMs: 10, getRatio: 1, keySpace: 1, replies: 'text' })).rejects.toThrow(
      /only to 127\.0\.0\.1/,
    );
  });
});
