// Day 5's arithmetic, without a server: redis-benchmark's output read or refused, the gate's floor after a recheck, and
// the ratio to Redis when the grader's generator was saturated.
import { describe, expect, it } from 'vitest';
import { readBenchmark, unreadable } from '../checkpoints/day5/benchmark-output.ts';
import { redisRatio } from '../checkpoints/day5/generator-metrics.ts';
import { floorShare, lowerGate, machineNote } from '../checkpoints/day5/measure.ts';
import type { LoadResult } from '../harness/loadgen.ts';

describe("redis-benchmark's output (RESP bonus)", () => {
  it('reads GET and SET requests per second from the CSV', () => {
    const csv = '"test","rps","avg_latency_ms"\n"SET","45045.05","0.571"\n"GET","47169.81","0.549"\n';
    expect(readBenchmark(csv)).toEqual({ get: 47169.81, set: 45045.05 });
  });

  it('refuses output it cannot read instead of recording NaN, and says so with what was printed', () => {
    for (const stdout of ['', 'Could not connect to Redis at 127.0.0.1:1: Connection refused', '"SET","45045.05"\n', '"SET","nan"\n"GET","nan"\n', '"SET","0.00"\n"GET","0.00"\n']) {
      expect(readBenchmark(stdout), JSON.stringify(stdout)).toBeUndefined();
    }
    const message = unreadable('Could not connect to Redis', 'your server').message;
    expect(message).toMatch(/^redis-benchmark ran against your server, but its output could not be read/);
    expect(message).toContain('Received: "Could not connect to Redis"');
  });
});

describe('the load gate after a recheck', () => {
  const first = { value: 34_100, why: 'half of real Redis on this machine' };

  it('follows a machine that slowed, down to half of what Redis reaches now', () => {
    expect(lowerGate(first, first, 60_000)?.value).toBe(30_000);
    expect(lowerGate(first, first, 80_000), 'Redis as fast as before: the gate stays').toBeUndefined();
  });

  it("never sinks below 75% of the run's first calibration, even after an earlier lowering", () => {
    const floor = Math.round(first.value * floorShare);
    const lowered = lowerGate(first, first, 20_000)!;
    expect(lowered.value).toBe(floor);
    expect(lowered.why).toContain('never below 25,575 ops/s, 75% of the first calibration of this run (34,100 ops/s)');
    expect(lowerGate(first, { value: 30_000, why: 'lowered once' }, 10_000)?.value, 'the floor is relative to the first calibration, not the last gate').toBe(floor);
    expect(lowerGate(first, { value: floor, why: 'at the floor' }, 5_000), 'at the floor it stays').toBeUndefined();
  });
});

describe("the note on Redis's figure after a miss", () => {
  it('blames the machine only when Redis slowed since the start of the check, and the server otherwise', () => {
    expect(machineNote(40_000, 62_000)).toMatch(/down from 62,000 at the start of this check: the machine got busier/);
    const steady = machineNote(65_718, 56_625);
    expect(steady).toMatch(/did not slow down: the shortfall is your server's/);
    expect(steady).not.toMatch(/busy/);
    expect(machineNote(undefined, 62_000), 'no Redis measured: no note').toBe('');
  });
});

describe("day 5's ratio to Redis", () => {
  const run = (opsPerSec: number, workerCpuPercent: number[]) => ({ opsPerSec, workerCpuPercent }) as LoadResult;

  it('is plain when neither run saturated the generator, a floor or a ceiling when one did, withheld when both did (wk-ratio)', () => {
    expect(redisRatio(run(60_000, [70]), run(100_000, [80]))).toEqual({ value: 0.6 });
    const floor = redisRatio(run(60_000, [95, 97]), run(100_000, [80, 60]));
    expect(floor.value).toBe(0.6);
    expect(floor.note).toMatch(/^a floor: .*95% and 97% \(2 worker threads\)/);
    const ceiling = redisRatio(run(60_000, [70]), run(100_000, [99]));
    expect(ceiling.value).toBe(0.6);
    expect(ceiling.note).toMatch(/^a ceiling: .*99%/);
    const withheld = redisRatio(run(60_000, [96]), run(100_000, [99]));
    expect(withheld.value, 'no ratio when both figures are the generator\'s own limit').toBeUndefined();
    expect(withheld.note).toMatch(/^no ratio: .*96% .* 99%/);
  });
});
