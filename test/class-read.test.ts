// `npm run class -- DIR`: reads a folder of learners' reports of any known shape, names each file it cannot read, writes the summary.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClass, type ClassInput } from '../grader/class/read.ts';
import { days } from '../course/days.ts';
import { oddFiles, planClass, writeMixedClass } from './class-reports.ts';
import { cli, freshState } from './grader-helpers.ts';
import { scratchDir } from './helpers.ts';

const plans = planClass(24);
let dir: string;
let input: ClassInput;

beforeAll(() => {
  dir = scratchDir('class');
  writeMixedClass(dir, plans);
  input = readClass(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const learner = (name: string) => input.learners.find((entry) => entry.name === name);

describe('reading a class', () => {
  it('reads every learner once, named by the file, the folder or the report itself', () => {
    expect(input.learners.map((entry) => entry.name).sort()).toEqual([...plans.map((plan) => plan.name), ...oddFiles.readable, ...oddFiles.broken].sort());
  });

  it('keeps a row for a report cut short or without a day, marked; leaves out a file that is not a report', () => {
    expect(input.problems.map((problem) => problem.file).sort()).toEqual([...oddFiles.unreadable].sort());
    expect(input.problems.find((problem) => problem.file === 'notes.json')?.reason).toMatch(/not a cachelings report/);
    expect(learner('broken')?.broken).toMatch(/^report cut short: not valid JSON/);
    expect(learner('empty')?.broken).toMatch(/no graded day/);
  });

  it('reads an older report (no version, a passed flag per test, bare figures) and says what it assumed', () => {
    const olga = learner('Old Olga')!;
    expect(olga.days.map((day) => [day.id, day.passed, day.held === day.total])).toEqual([
      ['day1', true, true],
      ['day2', true, true],
    ]);
    expect(olga.days[0]!.metrics['cache.get.opsPerSec']).toEqual({ value: 1_234_567 });
    expect(olga.notes.join('\n')).toMatch(/no version field/);
    expect(olga.notes.join('\n')).toMatch(/unknown fields, ignored: generatedAt/);
  });

  it('reads a newer report as far as it matches, naming its unknown fields', () => {
    const future = learner('future')!;
    expect(future.days.every((day) => day.passed)).toBe(true);
    expect(future.days.find((day) => day.id === 'day5')!.metrics['load.opsPerSec']?.value).toBe(70_000);
    expect(future.notes.join('\n')).toMatch(/version 2 is not the version this view knows/);
    expect(future.notes.join('\n')).toMatch(/machine.*day\.retries|day\.retries.*machine/);
  });

  it('reads a GitHub Classroom result in a learner folder: requirements per day, no figures', () => {
    const dana = learner('dana')!;
    expect(dana.days.map((day) => day.id)).toEqual(days.map((day) => day.id));
    expect(dana.days.every((day) => day.passed && day.total > 0)).toBe(true);
    expect(dana.notes.join('\n')).toMatch(/no measured figures/);
  });

  it('keeps a learner whose report is partly garbage, noting each part left out, and names a dangling link', () => {
    const odd = scratchDir('class-odd');
    writeFileSync(
      join(odd, 'mixed.json'),
      JSON.stringify({
        version: 1,
        days: [
          42,
          { id: 'day1', tests: 'nope' },
          {
            id: 'day2',
            passed: false,
            tests: [
              { name: 'x', status: 'weird' },
              { name: 'y', status: 'failed', message: 'boom' },
            ],
            metrics: { 'load.opsPerSec': 'fast' },
          },
        ],
      }),
    );
    symlinkSync(join(odd, 'missing-target.json'), join(odd, 'ghost.json'));
    const read = readClass(odd);
    expect(read.problems).toEqual([{ file: 'ghost.json', reason: expect.stringMatching(/cannot be opened/) }]);
    const mixed = read.learners[0]!;
    expect(mixed.days.map((day) => [day.id, day.passed, day.firstFailure?.name])).toEqual([
      ['day1', false, ''],
      ['day2', false, 'y'],
    ]);
    expect(mixed.notes).toEqual(
      expect.arrayContaining([
        'day #1 has no id: left out',
        'day1: no list of requirements',
        'day2: 1 requirement(s) without a name or a status: left out',
        'day2: figure load.opsPerSec is not a number: left out',
      ]),
    );
    rmSync(odd, { recursive: true, force: true });
  });

  it('takes the cause a report carries, and derives one from the manifest when it carries none', () => {
    for (const plan of plans.filter((entry) => entry.stuck < days.length)) {
      const cause = learner(plan.name)!.days[plan.stuck]!.firstFailure!.cause;
      // Grouped by the cause the terminal shows (the guide entry's title), not by the observed kind.
      expect(cause.kind, plan.name).toBe(`${days[plan.stuck]!.id}:${cause.title}`);
      expect(cause.guide, plan.name).toBe(`days/${days[plan.stuck]!.slug}/README.md#${plan.anchor}`);
    }
  });
});

describe('npm run class', () => {
  it('writes class.html and class.md, with one line per file it could not read, and exits 0', async () => {
    const out = join(dir, 'view');
    const run = await cli(['class', dir, out], freshState());
    expect(run.exitCode, run.stderr).toBe(0);
    const bad = run.stderr.split('\n').filter((line) => line.startsWith('✗ '));
    expect(bad.map((line) => line.slice(2).split(':')[0]).sort()).toEqual([...oddFiles.unreadable].sort());
    expect(run.stdout).toMatch(
      new RegExp(
        `Read ${plans.length + oddFiles.readable.length + oddFiles.broken.length} learner\\(s\\) .*, ${oddFiles.unreadable.length} file\\(s\\) left out`,
      ),
    );
    const markdown = readFileSync(join(out, 'class.md'), 'utf8');
    for (const plan of plans) expect(markdown).toMatch(new RegExp(`^\\| ${plan.name} \\|`, 'm'));
    for (const file of oddFiles.unreadable) expect(markdown).toContain(`- ✗ \`${file}\``);
    for (const name of oddFiles.broken) expect(markdown).toMatch(new RegExp(`^\\| ${name} \\|( \\? \\|)+ report broken: `, 'm'));
    expect(readFileSync(join(out, 'class.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('turns a missing folder away with exit code 2', async () => {
    const run = await cli(['class', join(dir, 'nowhere')], freshState());
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/no such folder/);
  });
});
