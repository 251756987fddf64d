// Day 5's arithmetic, without a server: redis-benchmark's output read or refused, the gate's floor after a recheck, the
// ratio to Redis when the grader's generator was saturated, the side-by-side verdict, a CPU profile read, the install line.
import { describe, expect, it } from 'vitest';
import { readBenchmark, unreadable } from '../checkpoints/day5/benchmark-output.ts';
import { redisRatio } from '../checkpoints/day5/generator-metrics.ts';
import { floorShare, lowerGate, machineNote } from '../checkpoints/day5/measure.ts';
import type { LoadResult } from '../harness/loadgen.ts';
import { decide, decideAll } from '../harness/paired.ts';
import { framesText, hotFrames } from '../harness/cpu-profile.ts';
import { installLine } from '../grader/preflight.ts';

describe("redis-benchmark's output (RESP bonus)", () => {
  it('reads GET and SET requests per second from the CSV', () => {
    const csv = '"test","rps","avg_latency_ms"\n"SET","45045.05","0.571"\n"GET","47169.81","0.549"\n';
    expect(readBenchmark(csv)).toEqual({ get: 47169.81, set: 45045.05 });
  });

  it('refuses output it cannot read instead of recording NaN, and says so with what was printed', () => {
    for (const stdout of [
      '',
      'Could not connect to Redis at 127.0.0.1:1: Connection refused',
      '"SET","45045.05"\n',
      '"SET","nan"\n"GET","nan"\n',
      '"SET","0.00"\n"GET","0.00"\n',
    ]) {
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
    expect(lowerGate(first, { value: 30_000, why: 'lowered once' }, 10_000)?.value, 'the floor is relative to the first calibration, not the last gate').toBe(
      floor,
    );
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
    expect(withheld.value, "no ratio when both figures are the generator's own limit").toBeUndefined();
    expect(withheld.note).toMatch(/^no ratio: .*96% .* 99%/);
  });
});

describe("day 5's side-by-side verdict (harness/paired.ts)", () => {
  const plan = { share: 0.5, minRounds: 3, maxRounds: 10 };

  it('waits for the fewest rounds, then clears, misses or says too close to call (sbs-verdict)', () => {
    expect(decide([0.9, 0.95], plan), 'fewer rounds than the minimum decide nothing').toBeUndefined();
    expect(decide([0.9, 0.95, 0.85, 0.92], plan)?.verdict).toBe('clears');
    expect(decide([0.2, 0.22, 0.19, 0.25], plan)?.verdict).toBe('misses');
    expect(decide([0.3, 0.9, 0.5], plan), 'spread across the share after 3 rounds: one more round').toBeUndefined();
    const close = decide([0.45, 0.55, 0.5, 0.48, 0.52, 0.47, 0.53, 0.5, 0.49, 0.51], plan)!;
    expect(close.verdict, 'right at the share after the most rounds').toBe('too-close');
    expect(close.low).toBeLessThan(0.5);
    expect(close.high).toBeGreaterThan(0.5);
  });

  it('averages ratios as logarithms: 2× and 0.5× average to 1×, not 1.25×', () => {
    expect(decide([2, 0.5, 2, 0.5], { ...plan, maxRounds: 4 })!.ratio).toBeCloseTo(1, 6);
  });

  it('fails on any load clearly below the share, clears only when every load clears, and says too close after the most rounds', () => {
    const clears = [0.9, 0.95, 0.92];
    const misses = [0.2, 0.21, 0.19];
    const unclear = [0.3, 0.9, 0.5];
    expect(decideAll([misses, clears], 1, [plan, plan])).toMatchObject({ verdict: 'misses', load: 0 });
    expect(decideAll([clears, clears], 1, [plan, plan])).toMatchObject({ verdict: 'clears', load: 1 });
    expect(decideAll([unclear, clears], 1, [plan, plan]), 'one load still unclear: another round').toBeUndefined();
    expect(
      decideAll([unclear, clears], 1, [
        { ...plan, maxRounds: 3 },
        { ...plan, maxRounds: 3 },
      ]),
    ).toMatchObject({ verdict: 'too-close', load: 0 });
    expect(
      decideAll([misses, [0.5, 0.55, 0.6], clears], 2, [undefined, { ...plan, share: 0.2 }, plan]),
      'a load without a plan is not judged; each load has its own share',
    ).toMatchObject({ verdict: 'clears', load: 2 });
  });
});

describe("where a slow server's CPU went (harness/cpu-profile.ts)", () => {
  const dir = '/work/tree';
  const frame = (id: number, functionName: string, url: string, lineNumber: number, children: number[] = []) => ({
    id,
    callFrame: { functionName, url, lineNumber },
    children,
  });
  // root → onData (server.ts:62) → consoleCall (node:internal); onData → answer (server.ts:86); plus idle.
  const profile = {
    nodes: [
      frame(1, '(root)', '', -1, [2, 5]),
      frame(2, 'onData', `file://${dir}/05-performance/server.ts`, 61, [3, 4]),
      frame(3, 'consoleCall', 'node:internal/console/constructor', 10),
      frame(4, 'answer', `file://${dir}/05-performance/server.ts`, 85),
      frame(5, '(idle)', '', -1),
    ],
    samples: [3, 3, 3, 2, 4, 5, 5, 5],
  };

  it("names the learner's functions with file, line and share of the busy samples, and what took most of their time", () => {
    const frames = hotFrames(profile, dir);
    const server = `05-performance/${'server.ts'}`;
    expect(frames.map(({ name, file, line, share }) => ({ name, file, line, share }))).toEqual([
      { name: 'onData', file: server, line: 62, share: 0.8 },
      { name: 'answer', file: server, line: 86, share: 0.2 },
    ]);
    expect(frames[0]!.mostlyIn).toEqual({ name: 'consoleCall', share: 0.6 });
    expect(framesText(frames, (file) => file)).toContain(`80%  onData (${server}:62), 60% of it in consoleCall`);
  });
});

describe('the install line for Redis (grader/preflight.ts)', () => {
  it("names the learner's system: apt, dnf, pacman, brew, or WSL2 on Windows", () => {
    expect(installLine('linux', 'ID=ubuntu\nID_LIKE=debian\n')).toMatch(/^sudo apt-get install -y redis-server/);
    expect(installLine('linux', 'ID="fedora"\n')).toBe('sudo dnf install -y redis');
    expect(installLine('linux', 'ID=arch\n')).toBe('sudo pacman -S redis');
    expect(installLine('darwin', '')).toBe('brew install redis');
    expect(installLine('win32', '')).toMatch(/WSL2/);
  });
});
