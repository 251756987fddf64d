// Day 3: weak learner tests are caught by the planted bugs, a slow cache fails its gate, a good cache passes.
import { describe, expect, it } from 'vitest';
import { figure, gates } from '../course/gates.ts';
import { expectCaught, gradeDay, treeWith } from './helpers.ts';

const notice = {
  losesWrites: 'notice-loses-writes',
  wrongKey: 'notice-wrong-key',
  writerBesideReaders: 'notice-writer-beside-readers',
  lostUpdate: 'notice-lost-update',
};

function failedIds(result: Awaited<ReturnType<typeof expectCaught>>): (string | undefined)[] {
  return result.tests.filter((test) => test.status === 'failed').map((test) => test.id);
}

describe('day 3 judges the learner’s tests by mutation', () => {
  it.each([['no-assertions'], ['only-no-throw']])('%s: tests that pass but check nothing notice no planted bug', async (fixture) => {
    const result = await expectCaught('day3', `day3/${fixture}`, notice.losesWrites, { only: Object.values(notice) });
    expect(failedIds(result).sort()).toEqual(Object.values(notice).sort());
    const message = result.tests.find((test) => test.id === notice.losesWrites)!.message;
    expect(message).toContain('Your race tests did not notice a cache that loses writes');
    expect(message).toContain('what would you check after all the writers finish?');
  });

  it('existence-only: checking that keys exist notices lost writes, not wrong values or a broken lock', async () => {
    const result = await expectCaught('day3', 'day3/existence-only', notice.wrongKey, { only: Object.values(notice) });
    expect(failedIds(result).sort()).toEqual([notice.wrongKey, notice.writerBesideReaders, notice.lostUpdate].sort());
  });
});

describe('day 3 runs the learner’s benchmarks', () => {
  it('no-mixed-bench: a bench file without the mixed 80/20 benchmark is named as incomplete', async () => {
    const result = await expectCaught('day3', 'day3/no-mixed-bench', 'bench-runs', { only: ['bench-runs'] });
    const message = result.tests.find((test) => test.id === 'bench-runs')!.message;
    expect(message).toContain("has no benchmark named 'mixed 80/20'");
  });

  it('fixed-key-bench: a GET benchmark over one fixed key passes, but its figure carries a note saying so', async () => {
    const { run, result } = await gradeDay('day3', treeWith('day3/fixed-key-bench'), undefined, 'run with vitest bench');
    expect(result.tests.find((test) => test.id === 'bench-runs')?.status, run.stdout).toBe('passed');
    expect(result.metrics['bench.get.hz']?.note).toMatch(/reads only 'key-1': one hot key runs several times faster/);
    expect(result.metrics['bench.set.hz']?.note).toBeUndefined();
    expect(run.stdout).toMatch(/bench\.get\.hz +[\d,]+ calls\/s — note: your GET benchmark reads only 'key-1'/);
    expect(run.stdout, 'the unit of hz is explained').toContain('each call is a batch of operations');
  });

  it('setup-in-bench: a SET benchmark that fills a new Cache in every call passes, but its figure carries a note saying so', async () => {
    // "run" selects the bench requirement (which asks for the bench run) and the GET and SET gates (which compare with it).
    const { run, result } = await gradeDay('day3', treeWith('day3/setup-in-bench'), undefined, 'run');
    expect(result.tests.find((test) => test.id === 'bench-runs')?.status, run.stdout).toBe('passed');
    expect(result.metrics['bench.set.hz']?.note, run.stdout).toMatch(
      /× below the [\d,]+ ops\/s the grader measured on the same Cache: is the setup \(a new Cache, filling its keys\) inside the timed function\?/,
    );
    expect(result.metrics['bench.get.hz']?.note, 'the GET bench sets up outside its calls').toBeUndefined();
  });
});

describe('day 3 gates the cache’s own throughput', () => {
  it('linear-get: an O(n) get fails the GET gate at 10,000 keys, and the failure names the cause', async () => {
    const result = await expectCaught('day3', 'day3/linear-get', 'get-gate', { only: null });
    // SET and the mixed load's correctness still hold. (The race tests may also run out of time on a loaded
    // machine: they read 10,000 keys through this slow get, five times over; that is not what this fixture checks.)
    expect(failedIds(result)).not.toContain('set-gate');
    expect(failedIds(result)).not.toContain('mixed-load');
    const message = result.tests.find((test) => test.id === 'get-gate')!.message;
    expect(message).toContain(`short of the gate of ${figure(gates.get.value)} ops/s`);
    expect(message).toMatch(/slows down as the cache grows/);
    const get = result.metrics['cache.get.opsPerSec']!;
    expect(get.gate).toEqual({ op: '>', value: gates.get.value });
    expect(get.value).toBeLessThan(gates.get.value);
    expect(result.metrics['map.get.opsPerSec']!.value).toBeGreaterThan(gates.get.value);
  });

  it('fast-cache: a different correct, fast cache passes the whole day and reports every figure', async () => {
    const { run, result } = await gradeDay('day3', treeWith('day3/fast-cache'));
    expect(
      result.tests.filter((test) => test.status !== 'passed'),
      run.stdout,
    ).toEqual([]);
    expect(run.exitCode).toBe(0);
    for (const name of ['cache.get.opsPerSec', 'cache.set.opsPerSec', 'cache.mixed.opsPerSec', 'cache.bytesPerOp', 'map.get.opsPerSec', 'bench.get.hz']) {
      expect(result.metrics[name], `metric ${name}`).toBeDefined();
    }
    expect(result.metrics['cache.get.opsPerSec']!.gate).toEqual({ op: '>', value: gates.get.value });
    expect(result.metrics['cache.set.opsPerSec']!.gate).toEqual({ op: '>', value: gates.set.value });
    expect(run.stdout).toMatch(/Measured[\s\S]*cache\.get\.opsPerSec[\s\S]*map\.get\.opsPerSec/);
  });
});
