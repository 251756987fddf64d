// Day 3: the causes the grader names instead of "your tests check too little": a test that returns before its tasks
// finish, a required test that cannot fail, a test that blocks the event loop, a benchmark faster than the cache.
import { describe, expect, it } from 'vitest';
import { expectCaught, gradeDay, treeWith } from './helpers.ts';

// Day 3's four mutation requirements, run together by `--only`.
const notices = ['notice-loses-writes', 'notice-wrong-key', 'notice-writer-beside-readers', 'notice-lost-update'];

describe('day 3 names the cause of an unnoticed planted bug', () => {
  it('unawaited-tasks: a 50/50 readers-writers test that never awaits its tasks is told so', async () => {
    const id = 'notice-writer-beside-readers';
    const result = await expectCaught('day3', 'day3/unawaited-tasks', id, { only: notices });
    const failure = result.tests.find((test) => test.id === id)!;
    expect(failure.cause?.kind).toBe('tasks-outlived-test');
    expect(failure.message).toContain('returned while its tasks still ran');
    expect(failure.message).toMatch(/Look at:\s+'runs 50 writers and 50 readers at once without corrupting a value' in .*03-testing\/cache\.race\.test\.ts/);
    expect(failure.message).toContain('await Promise.all(tasks)');
  });
});

describe('day 3 judges each required race test on the bug its name promises', () => {
  it('counter-no-await: a counter test that cannot fail is named with its line, though another test caught its bug', async () => {
    const id = 'notice-lost-update';
    const result = await expectCaught('day3', 'day3/counter-no-await', id, { only: notices });
    expect(
      result.tests.filter((test) => test.status === 'failed').map((test) => test.id),
      'one cause, one ✗',
    ).toEqual([id]);
    const failure = result.tests.find((test) => test.id === id)!;
    expect(failure.cause?.kind).toBe('test-cannot-fail');
    expect(failure.message).toContain("Only 'runs 50 writers and 50 readers at once without corrupting a value' noticed it");
    expect(failure.message).toMatch(
      /Look at:\s+'loses no update when 100 tasks increment a counter through RWLock\.write' in .*03-testing\/cache\.race\.test\.ts:55\b/,
    );
  });

  it('tells-planted-bugs: race tests that only try to tell a planted bug from the learner’s code notice none of them', async () => {
    const result = await expectCaught('day3', 'day3/tells-planted-bugs', 'notice-lost-update', { only: notices });
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(failed.map((test) => test.id).sort()).toEqual(
      ['notice-loses-writes', 'notice-lost-update', 'notice-wrong-key', 'notice-writer-beside-readers'].sort(),
    );
    for (const test of failed) expect(test.message, 'judged: its tests passed on the learner’s own code').toContain('Your race tests did not notice');
  });
});

describe('day 3 names a race test that blocks the event loop', () => {
  it('busy-wait-latch: one ✗ that names the test and the statement it spins on, and links its guide entry', async () => {
    const { run, result } = await gradeDay('day3', treeWith('day3/busy-wait-latch'));
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(
      failed.map((test) => test.id),
      run.stdout,
    ).toEqual(['own-tests-pass']);
    expect(failed[0]!.cause?.kind).toBe('event-loop-blocked');
    expect(failed[0]!.message).toContain("Your test 'loses no update when 100 tasks increment a counter through RWLock.write' blocked the event loop");
    expect(failed[0]!.message).toMatch(/Look at:\s+'loses no update[^']*' in .*03-testing\/cache\.race\.test\.ts:69\b/);
    expect(run.stdout).toContain('#a-race-test-blocked-the-event-loop');
    expect(result.tests.find((test) => test.id === 'required-tests')?.status, 'the names are judged from what vitest collected').toBe('passed');
  });
});

describe('day 3 fails a benchmark figure far above the grader’s own', () => {
  it('hoisted-key-bench: a GET of one hoisted key whose result nobody uses fails with that cause', async () => {
    const result = await expectCaught('day3', 'day3/hoisted-key-bench', 'bench-runs', { only: ['bench-runs'] });
    const failure = result.tests.find((test) => test.id === 'bench-runs')!;
    expect(failure.cause?.kind).toBe('bench-result-unused');
    expect(failure.message).toMatch(/the [\d,]+ ops\/s the grader measured on the same Cache/);
    expect(failure.message).toMatch(/Look at:\s+bench\('GET', …\) in .*03-testing\/cache\.bench\.ts:21\b/);
  });
});
