// Day 3: when the learner's own race test returns before its tasks finish, the grader names that cause
// instead of saying the test checks too little.
import { describe, expect, it } from 'vitest';
import { expectCaught } from './helpers.ts';

describe('day 3 names the cause of an unnoticed planted bug', () => {
  it('unawaited-tasks: a 50/50 readers-writers test that never awaits its tasks is told so', async () => {
    const id = 'notice-writer-beside-readers';
    const result = await expectCaught('day3', 'day3/unawaited-tasks', id, { only: ['notice-loses-writes', 'notice-wrong-key', id, 'notice-lost-update'] });
    const failure = result.tests.find((test) => test.id === id)!;
    expect(failure.cause?.kind).toBe('tasks-outlived-test');
    expect(failure.message).toContain('returned while its tasks still ran');
    expect(failure.message).toMatch(/Look at:\s+'runs 50 writers and 50 readers at once without corrupting a value' in .*03-testing\/cache\.race\.test\.ts/);
    expect(failure.message).toContain('await Promise.all(tasks)');
  });
});
