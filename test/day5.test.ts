// Day 5: the solution passes with the Redis comparison really run; a slow server, an over-reporting load tester
// and a machine without Redis each get the outcome and the words meant for them.
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figure, gates } from '../course/gates.ts';
import { findTool, installRedis } from '../harness/redis.ts';
import type { DayResult, Report } from '../grader/results.ts';
import { compileRequirementId } from '../grader/compile.ts';
import { graded } from './graded.ts';
import { expectCaught, gradeDay, runGrader, scratchDir, treeWith } from './helpers.ts';
import { expectDiagnosed } from './diagnosis.ts';
import { requirementName } from './requirement-names.ts';

const gateTest = 'load-gate';
const crossCheck = 'generator-confirms';
const comparison = 'redis-beside';
const respBenchmark = 'redis-benchmark';

/** Grades day 5 on `tree` with a PATH that holds only `node`, as on a machine without Redis. */
async function gradeWithoutRedis(tree: string): Promise<{ stdout: string; result: DayResult }> {
  const bin = join(scratchDir('path'), 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  const json = join(tree, 'report.json');
  const run = await runGrader(['check', 'day5', '--target', tree, '--json', json], { PATH: bin });
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  rmSync(tree, { recursive: true, force: true });
  rmSync(join(bin, '..'), { recursive: true, force: true });
  return { stdout: run.stdout, result: report.days[0]! };
}

const status = (result: DayResult, id: string) => result.tests.find((test) => test.id === id);

describe('day 5', () => {
  it('passes against solutions/ with the Redis comparison run (not skipped) and every figure reported', async () => {
    expect(findTool('redis-server'), 'this test needs real Redis: apt-get install redis-server redis-tools (CI installs it)').toBeDefined();
    expect(findTool('redis-benchmark'), 'this test needs redis-tools: apt-get install redis-tools').toBeDefined();
    // From the self-test's one grade of solutions/ (test/graded.ts): day 5 exactly as `npm run grade` ran it.
    const { run, report } = await graded('solutions');
    const result = report.days.find((day) => day.id === 'day5')!;
    expect(result.passed, `solutions/ should pass day 5; the grader printed:\n${run.stdout}`).toBe(true);
    expect(status(result, comparison)?.status, 'the Redis comparison must run, not be skipped').toBe('passed');
    for (const name of [
      'load.opsPerSec',
      'load.errors',
      'load.p50Ms',
      'load.p99Ms',
      'load.gate',
      'load.sideBySide.ratio',
      'load.memoryGrowthKiB',
      'redis.load.opsPerSec',
      'redis.ratio',
    ]) {
      expect(result.metrics[name], `the JSON report should carry ${name}`).toBeDefined();
    }
    const held = result.metrics['load.opsPerSec']!.gate!.value;
    expect(
      held,
      `the gate is ${figure(gates.load.value)}, or half of real Redis on a machine where Redis cannot reach ${figure(gates.load.value / gates.load.fallback.redisShare)}`,
    ).toBeLessThanOrEqual(gates.load.value);
    expect(result.metrics['load.opsPerSec']!.value).toBeGreaterThan(held);
    expect(result.metrics['redis.ratio']!.value).toBeGreaterThan(0);
    const bonus = result.tests.filter((test) => test.group.startsWith('Stretch'));
    expect(
      bonus.slice(0, 3).map((test) => [test.name, test.status]),
      'the solution speaks RESP: PING, redis-cli and redis-benchmark all pass',
    ).toEqual(bonus.slice(0, 3).map((test) => [test.name, 'passed']));
    expect(run.stdout).toMatch(/redis\.ratio\s+[\d.]+/);
  });

  // Slow in the usual ways: each is caught by its own requirement, with its own cause (the side-by-side verdict, or
  // memory that grows); `only` runs that requirement alone, so the table costs seconds, not whole checks.
  it.each([
    ['day5/log-per-request', 'generator-confirms', /kept [\d.]+× the commands per millisecond of CPU of real Redis side by side .*below the gate of 0\.5×/],
    ['day5/write-per-reply', 'generator-confirms', /kept [\d.]+× the commands per millisecond of CPU of real Redis side by side .*below the gate of 0\.5×/],
    [
      'day5/timer-capped',
      'generator-confirms',
      /kept [\d.]+× the pace of real Redis side by side .*below the gate of 0\.2×, under "one connection, one request at a time"/,
    ],
    ['day5/keeps-everything', 'memory-flat', /memory grew by [\d,]+ KiB while it received about [\d,]+ KiB/],
  ])('%s is caught by %s', async (fixture, id, mentions) => {
    const result = await expectCaught('day5', fixture, id, { only: [id], mentions });
    if (id !== 'generator-confirms' || fixture === 'day5/timer-capped') return;
    // Where the time went: a CPU profile of the server, its top functions in the learner's files with file:line (a server
    // that waits on a timer spends no CPU a profile could show, so its miss has none).
    expect(status(result, id)!.message).toMatch(/Where your server's CPU went[^\n]*\n +\d+% +\S+ \([^)]*05-performance\/server\.ts:\d+/);
  });

  it("fails the RESP bonus for a load tester that reads Redis's replies as text lines (bonus: the day itself holds)", async () => {
    const { result } = await gradeDay('day5', treeWith('day5/resp-as-lines'), undefined, 'drives real Redis');
    const bonus = status(result, 'drives-redis')!;
    expect(bonus.status, 'a tester without a RESP reader fails the bonus').toBe('failed');
    expect(bonus.message).toMatch(/errors where Redis answered [\d,]+ with an error reply|more replies than Redis sent/);
  });

  it('fails a server that writes each reply on its own timer, saying by how much and pointing to "Batching writes"', async () => {
    const result = await expectCaught('day5', 'day5/reply-per-timer', gateTest, { only: null });
    const message = status(result, gateTest)!.message;
    expect(message).toMatch(/[\d,]+ ops\/s is \d+% below the gate: [\d,]+ ops\/s short of [\d,]+\./);
    expect(message).toContain('section "Batching writes"');
    expect(status(result, crossCheck)?.status, "the grader's own generator agrees that the server is too slow").toBe('failed');
  });

  it("catches a load tester that over-reports with the grader's own load generator; without Redis the comparison is skipped with one install line", async () => {
    const { stdout, result } = await gradeWithoutRedis(treeWith('day5/sums-shared-counter'));
    expect(status(result, crossCheck)?.status, `the over-reporting tester should be caught; the grader printed:\n${stdout}`).toBe('failed');
    expect(status(result, crossCheck)!.message).toMatch(/Your load tester reported [\d.]+× what the grader's own load generator measured/);
    expect(
      stdout.trimStart().startsWith('redis-server is not installed'),
      `the missing Redis is said first, with its install line; the grader printed:\n${stdout}`,
    ).toBe(true);
    expect(stdout).toMatch(/Fix: {2}\S/);
    expect(result.metrics['load.gate']!.note, 'without Redis the gate is half of the reference server, measured here').toMatch(
      /^half of the workbook's reference server on this machine/,
    );
    expect(result.metrics['load.sideBySide.ratio']!.note).toMatch(/^against the workbook's reference server/);
    const skipped = status(result, comparison)!;
    expect(skipped.status, 'without redis-server the comparison is skipped, not passed').toBe('skipped');
    expect(skipped.message).toBe(installRedis);
    expect(stdout).toContain(`- ${skipped.name} (${installRedis})`);
  });

  it('runs the over-reporting check under --only as well, measuring the load tester itself', async () => {
    const result = await expectCaught('day5', 'day5/sums-shared-counter', crossCheck, { only: [crossCheck] });
    expect(status(result, crossCheck)!.message).toMatch(/Your load tester reported [\d.]+× what the grader's own load generator measured/);
    expect(status(result, gateTest)?.status, 'the gate test did not run').not.toBe('passed');
  });

  it('keeps the gate at or above its floor for a slow server that burns CPU beside it', async () => {
    const result = await expectCaught('day5', 'day5/burns-cpu', gateTest, { only: [gateTest] });
    const message = status(result, gateTest)!.message;
    const held = result.metrics['load.opsPerSec']!.gate!.value;
    const floor = /never below ([\d,]+) ops\/s, \d+% of the first calibration of this run \(([\d,]+) ops\/s\)/.exec(message);
    if (/measured again/.test(message)) {
      // Redis slowed beside the burning server and the gate was lowered: never below the floor.
      expect(floor, message).not.toBeNull();
      const [floorValue, firstValue] = [floor![1]!, floor![2]!].map((text) => Number(text.replace(/,/g, ''))) as [number, number];
      expect(floorValue).toBe(Math.round(firstValue * gates.load.fallback.floorShare));
      expect(held, message).toBeGreaterThanOrEqual(floorValue);
    } else {
      expect(message, 'a gate not lowered is the first calibration itself').not.toMatch(/never below/);
    }
    expect(message).toMatch(/[\d,]+ ops\/s is \d+% below the gate/);
  });

  it('port-or-default: a server that reads port 0 as "no port" is one ✗, naming ?? and the port, and nothing is measured', async () => {
    // 6380 free: the server listens there and is told so; 6380 taken (a learner's own server): EADDRINUSE, with the same advice.
    const { result } = await expectDiagnosed('day5', 'day5/port-or-default', 'day2-protocol', '05-performance/server.ts', /listened on 6380|EADDRINUSE/);
    expect(status(result, 'day2-protocol')!.message).toContain('`options.port || 6380` (or `port || 6379`) reads 0 as "no port given"');
    const later = result.tests.filter((test) => test.id !== 'day2-protocol' && test.id !== compileRequirementId); // the compile step holds on its own
    expect(
      later.map((test) => [test.id, test.status]),
      'the load runs and the bonus wait for a server that starts',
    ).toEqual(later.map((test) => [test.id, 'skipped']));
  });

  it('reports redis-benchmark output it cannot read as such, never as a NaN figure (RESP bonus)', async () => {
    const bin = join(scratchDir('path'), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'redis-benchmark'), '#!/bin/sh\necho "WARNING: output in a format nobody expected"\n');
    chmodSync(join(bin, 'redis-benchmark'), 0o755);
    const tree = treeWith(undefined);
    const json = join(tree, 'report.json');
    try {
      await runGrader(['check', 'day5', '--target', tree, '--json', json, '--only', await requirementName('day5', respBenchmark)], {
        PATH: `${bin}:${process.env.PATH}`,
      });
      const result = (JSON.parse(readFileSync(json, 'utf8')) as Report).days[0]!;
      const bonus = status(result, respBenchmark)!;
      expect(bonus.status, 'unreadable output is a failure, not a pass').toBe('failed');
      expect(bonus.message).toMatch(/^redis-benchmark ran against your server, but its output could not be read/);
      expect(bonus.message).toContain('WARNING: output in a format nobody expected');
      expect(
        Object.keys(result.metrics).filter((name) => name.startsWith('resp.benchmark')),
        'no figure is recorded',
      ).toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(join(bin, '..'), { recursive: true, force: true });
    }
  });
});
