// Every day of the manifest: the solution passes its checkpoint, and the pristine scaffold fails it helpfully.
import { describe, expect, it } from 'vitest';
import { days, type Day } from '../grader/days.ts';
import { gradeDay, treeWith } from './helpers.ts';

// A day may take up to its own time limit (day 6 re-runs the whole week), plus room to start and report.
const limitMs = (day: Day) => Math.max(180_000, day.timeLimitSec * 1000 + 60_000);

describe.each(days.map((day) => [day.id, day] as const))('%s', (id, day) => {
  it('passes every requirement against solutions/', { timeout: limitMs(day) }, async () => {
    const { run, result } = await gradeDay(id, treeWith(undefined, 'solutions'), limitMs(day) - 10_000);
    const failed = result.tests.filter((test) => test.status !== 'passed');
    expect(failed, `solutions/ should pass ${id}; the grader printed:\n${run.stdout}`).toEqual([]);
    expect(run.exitCode, 'a passing check exits 0').toBe(0);
    expect(run.stdout, 'a pass names the day and the solution').toMatch(/passed/);
  });

  it('fails against the pristine scaffold, saying what is not implemented yet', { timeout: limitMs(day) }, async () => {
    const { run, result } = await gradeDay(id, treeWith(undefined, 'days'), limitMs(day) - 10_000);
    expect(run.exitCode, `the scaffold must fail ${id}`).toBe(1);
    expect(result.passed, 'the report says the day did not pass').toBe(false);
    expect(run.stdout, 'the failure names the unfinished function').toMatch(/not implemented yet: \w+(\.\w+)? in days\//);
    expect(run.stdout, 'no raw stack trace is printed').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
