// The count of a day is the same on every run: the compile step is one requirement, held or not; and `grade` tells a
// day whose files are all as shipped from a day started and failing.
import { appendFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { compileRequirementId } from '../grader/compile.ts';
import { root } from '../grader/paths.ts';
import { notStarted } from '../grader/shipped.ts';
import { gradeDay, treeWith } from './helpers.ts';

const day1 = days[0]!;
const required = (tests: { bonus?: boolean }[]) => tests.filter((test) => !test.bonus);

describe('counts that do not move with a type error', () => {
  it('C1: day 1 counts the same total with and without a type error, the compile step one requirement of it', async () => {
    const clean = await gradeDay(day1.id, treeWith(undefined), 120_000);
    const broken = treeWith(undefined);
    appendFileSync(join(broken, day1.files[0]!), "\nexport const typo: number = 'not a number';\n"); // TS2322; runs as before
    const typed = await gradeDay(day1.id, broken, 120_000);
    const total = required(clean.result.tests).length;
    expect(required(typed.result.tests), 'the same requirements, one of them the compile step').toHaveLength(total);
    expect(clean.result.tests.find((test) => test.id === compileRequirementId)?.status, 'the compile step holds on the solution').toBe('passed');
    expect(typed.result.tests.find((test) => test.id === compileRequirementId)?.status).toBe('failed');
    expect(clean.run.stdout).toContain(`${total} of ${total} requirements hold`);
    expect(typed.run.stdout).toContain(`${total - 1} of ${total} requirements hold`);
  }, 150_000);

  it('C2: under --only, the compile step is one requirement not selected, unless its words are the ones asked for', async () => {
    const { result } = await gradeDay(day1.id, treeWith(undefined), 120_000, 'two caches');
    expect(result.tests.find((test) => test.id === compileRequirementId)).toMatchObject({ status: 'skipped', message: 'not selected by --only' });
    const asked = await gradeDay(day1.id, treeWith(undefined), 120_000, 'tsc finds no type errors');
    expect(asked.result.tests.filter((test) => test.status !== 'skipped').map((test) => test.id)).toEqual([compileRequirementId]);
  }, 150_000);
});

describe('a day not started', () => {
  it('C3: is one whose files are all still the shipped scaffold; a changed or solved file starts it', () => {
    const tree = treeWith(undefined, 'days');
    try {
      expect(
        days.filter((day) => notStarted(day, tree)).map((day) => day.id),
        'every day of days/ as shipped',
      ).toEqual(days.map((day) => day.id));
      writeFileSync(join(tree, day1.files[1]!), '// started\n', { flag: 'a' });
      expect(notStarted(day1, tree), 'one file changed').toBe(false);
      cpSync(resolve(root, 'solutions', days[1]!.slug), join(tree, days[1]!.slug), { recursive: true });
      expect(notStarted(days[1]!, tree), 'solved').toBe(false);
      expect(notStarted(days[2]!, tree), 'the others stay not started').toBe(true);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
