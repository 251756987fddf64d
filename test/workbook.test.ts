// Every day of the manifest, from one whole-week grade of each tree: the solution passes every requirement, and the
// pristine scaffold fails, saying what is not implemented yet. Both trees are graded as copies in the OS temp folder
// (test/graded.ts), so this is also the proof that a tree anywhere grades as it does at home.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { outsideWorkbook } from '../harness/any-tree.ts';
import { root } from '../harness/paths.ts';
import { graded, type GradedRun } from './graded.ts';

const ran: Partial<Record<'solutions' | 'days', GradedRun>> = {};

beforeAll(async () => {
  // Both at once: this file starts first (test/sequencer.ts), and the files that read these grades find them made.
  [ran.solutions, ran.days] = await Promise.all([graded('solutions'), graded('days')]);
}, 900_000);

describe.each(days.map((day) => [day.id] as const))('%s', (id) => {
  it('passes every requirement against solutions/', () => {
    const { run, report } = ran.solutions!;
    const day = report.days.find((entry) => entry.id === id);
    expect(day, `grade --target solutions reported no ${id}; it printed:\n${run.stdout}`).toBeDefined();
    const failed = day!.tests.filter((test) => test.status !== 'passed').map((test) => `${test.name}: ${test.message}`);
    expect(failed, `solutions/ should pass ${id}`).toEqual([]);
    expect(day!.passed).toBe(true);
  });

  it('fails against the pristine scaffold, saying what is not implemented yet', () => {
    const { run, report } = ran.days!;
    const day = report.days.find((entry) => entry.id === id);
    expect(day, `grade of the scaffolds reported no ${id}; it printed:\n${run.stdout}`).toBeDefined();
    expect(day!.passed, `the scaffold must fail ${id}`).toBe(false);
    const messages = day!.tests
      .filter((test) => test.status === 'failed')
      .map((test) => test.message)
      .join('\n');
    expect(messages, 'the failures name the unfinished function').toMatch(/not implemented yet: \w+(\.\w+)? in days\//);
    expect(messages, 'no raw stack trace is shown').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('the whole week', () => {
  it('grades copies that lie outside the workbook, with no package.json or node_modules above them (any-tree)', () => {
    for (const tree of ['solutions', 'days'] as const) {
      const { target, report } = ran[tree]!;
      expect(outsideWorkbook(target), `${tree} was graded from ${target}, which should lie outside ${root}`).toBe(true);
      expect(existsSync(resolve(target, '..', 'package.json')), 'no package.json beside the copy').toBe(false);
      expect(report.target, 'the report names the copy it graded').toBe(target);
    }
  });

  it('grade exits 0 on solutions/ and 1 on the scaffolds, and says so', () => {
    expect(ran.solutions!.run.exitCode, ran.solutions!.run.stdout).toBe(0);
    expect(ran.solutions!.report.passed).toBe(true);
    expect(ran.days!.run.exitCode, 'the scaffolds fail the week').toBe(1);
    expect(ran.days!.run.stdout, 'the card points at day 1 first').toMatch(/Next: day1/);
    expect(ran.days!.run.stdout, 'no raw stack trace is printed').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
