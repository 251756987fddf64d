// `npm run grade`: the report card, exit codes, the first unfinished day as "next", and the JSON shapes.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownCard, renderCard } from '../grader/card.ts';
import { days } from '../course/days.ts';
import { toClassroom } from '../grader/classroom.ts';
import { toExercism } from '../grader/exercism.ts';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { cli, freshState, textOf } from './grader-helpers.ts';
import { gradeMs, graded } from './graded.ts';
import { treeWith } from './helpers.ts';

describe('npm run grade', () => {
  it(
    'passes solutions/ with a card of every day, a classroom result and a job summary (with the tamper warning)',
    async () => {
      // The self-test's one grade of solutions/ (test/graded.ts), run as the workflow runs it: --format classroom,
      // GITHUB_STEP_SUMMARY and GITHUB_OUTPUT set, and one checkpoint marked as edited.
      const { run, classroom: text, summary, output } = await graded('solutions');
      // solutions/ passes every day: the verdicts are asserted as they must be, not derived from this run's results.
      const classroom = JSON.parse(text) as ReturnType<typeof toClassroom>;
      const failing = classroom.tests.filter((test) => test.status !== 'pass').map((test) => `${test.name}: ${test.message ?? ''}`);
      expect(failing, `every requirement of solutions/ passes; it printed:\n${run.stdout}`).toEqual([]);
      expect(run.exitCode, `grade exits 0 when every day passes; it printed:\n${run.stdout}\n${run.stderr}`).toBe(0);
      expect(classroom).toMatchObject({ version: 1, status: 'pass' });
      for (const [index, day] of days.entries()) {
        expect(run.stdout).toMatch(new RegExp(`✓ day ${index + 1} — ${day.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)/\\1`));
      }
      expect(run.stdout).toContain('Every day passes');
      expect(run.stdout).not.toContain('Next: ');
      expect(classroom.tests.length).toBe(classroom.max_score);
      expect(classroom.tests.every((test) => test.score === (test.status === 'pass' ? 1 : 0))).toBe(true);
      expect(summary).toMatch(/^## cachelings · report card for `\S+\/solutions\/`/m);
      expect(run.stdout).toContain('changed: checkpoints/vitest.config.ts');
      expect(summary).toMatch(/^> \[!WARNING\]\n> ⚠ The files that decide a verdict differ from what shipped/m);
      const encoded = /^result=(.+)$/m.exec(output)?.[1] ?? '';
      expect(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')), 'GITHUB_OUTPUT carries the same result in base64').toEqual(classroom);
    },
    gradeMs + 10_000,
  );

  it(
    'names the first unfinished day as next, exits 1, and writes Exercism results',
    async () => {
      // Day 1 solved, day 2 on as shipped (the later days too, so the run is short): day 2 is next.
      const unsolved = days[1]!;
      const tree = treeWith(undefined, 'days');
      cpSync(resolve(root, 'solutions/01-cache'), join(tree, '01-cache'), { recursive: true });
      const json = join(tree, 'results.json');
      const full = join(tree, 'full-report.json');
      const run = await cli(['grade', '--target', tree, '--json', json, '--format', 'exercism'], freshState(), {
        timeoutMs: gradeMs,
        env: { CACHELINGS_REPORT: full },
      });
      expect(run.exitCode, 'an unfinished day makes grade exit 1').toBe(1);
      const results = JSON.parse(textOf(json)) as ReturnType<typeof toExercism>;
      expect(results).toMatchObject({ version: 3, status: 'fail' });
      const failing = results.tests.filter((test) => test.status === 'fail');
      expect(
        failing.some((test) => test.name.startsWith(`${unsolved.id} · `)),
        `${unsolved.id}, left unsolved, fails`,
      ).toBe(true);
      expect(
        failing.filter((test) => test.name.startsWith(`${days[0]!.id} · `)),
        'day 1 is solved and has no throughput gate',
      ).toEqual([]);
      expect(run.stdout).toContain(`Next: ${unsolved.id} — ${unsolved.title} (npm run check ${unsolved.id})`);
      // Days 2–6 are the shipped scaffolds: "not started", with no gate rows under them and no failures listed.
      for (const day of days.slice(1))
        expect(run.stdout).toMatch(new RegExp(`· day ${days.indexOf(day) + 1} — .*not started: read days/${day.slug}/README\\.md`));
      expect(run.stdout, 'no throughput row for a day not started').not.toMatch(/opsPerSec/);
      expect(run.stdout).not.toContain(`What fails in ${unsolved.id}`);
      for (const test of failing) {
        expect(test.message).toBeTruthy();
        expect(test, "output is only what the learner's code printed, which the grader does not capture").not.toHaveProperty('output');
      }
      const report = JSON.parse(textOf(full)) as Report;
      expect(report.version, 'CACHELINGS_REPORT also writes the full JSON report').toBe(1);
      expect(report.days.map((day) => day.id)).toEqual(days.map((day) => day.id));
      expect(
        report.days.slice(0, 2).map((day) => day.passed),
        'day 1 passes, day 2 (unsolved) fails, as in the Exercism result',
      ).toEqual([true, false]);
      rmSync(tree, { recursive: true, force: true });
    },
    gradeMs + 10_000,
  );

  it('rejects an unknown --format with the valid ones', async () => {
    const run = await cli(['grade', '--format', 'junit'], freshState());
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Give one of: report, classroom, exercism');
    const check = await cli(['check', 'day1', '--format', 'exercism', '--repeat', '2'], freshState());
    expect(check.exitCode, 'check scores one whole run: no --repeat beside --format').toBe(2);
    expect(check.stderr).toContain('leave out --repeat and --only');
  });
});

describe('report card and converters', () => {
  const test = (name: string, status: 'passed' | 'failed', file?: string) => ({
    group: 'G',
    name,
    status,
    file,
    message: status === 'failed' ? `${name} broke\n${'x'.repeat(900)}` : '',
    durationMs: 5,
  });
  const report: Report = {
    version: 1,
    target: 'days',
    seed: 7,
    passed: false,
    days: [
      { id: 'day1', title: 'One', passed: true, durationMs: 1, metrics: {}, tests: [test('a', 'passed', 'checkpoints/day1/x.race.test.ts')] },
      {
        id: 'day2',
        title: 'Two',
        passed: false,
        durationMs: 1,
        metrics: { 'cache.get.opsPerSec': { value: 123456, gate: { op: '>', value: 90000 } }, 'load.p99Ms': { value: 12, gate: { op: '<', value: 10 } } },
        tests: [test('b', 'passed', 'checkpoints/day2/y.test.ts'), test('c', 'failed', 'checkpoints/day2/y.test.ts')],
      },
    ],
  };

  it('prints each figure beside its gate, marking the one that misses it', () => {
    const card = renderCard(report);
    expect(card).toMatch(/✓ cache\.get\.opsPerSec\s+123,456 ops\/s \(gate > 90,000\)/);
    expect(card).toMatch(/✗ load\.p99Ms\s+12 ms \(gate < 10\)/);
    expect(card).toMatch(/✓ day 1 — One\s+1\/1 required\s+race-stress ✓ 1\/1/);
    expect(card).toMatch(/✗ day 2 — Two\s+1\/2 required\s+race-stress —/);
    expect(card).toContain('Next: day2 — Two');
  });

  it('G1: shows a day not started as such, with no counts and no gate rows (terminal and Markdown)', () => {
    const waiting: Report = { ...report, days: report.days.map((day) => (day.id === 'day2' ? { ...day, state: 'not-started' as const } : day)) };
    const card = renderCard(waiting);
    expect(card).toMatch(/· day 2 — Two\s+not started: read days\/02-server\/README\.md, then npm run check day2/);
    expect(card, 'no figure of a day not started').not.toMatch(/opsPerSec|p99Ms/);
    expect(card).not.toMatch(/1\/2 required/);
    expect(card).toContain('Next: day2 — Two');
    const markdown = markdownCard(waiting);
    expect(markdown).toContain('| · | day 2 — Two | not started: read days/02-server/README.md, then npm run check day2 | — | — |');
    expect(markdown).not.toContain('What fails there');
  });

  it("keeps the columns in line when a title is long (day 5's)", () => {
    const rows: Report = {
      ...report,
      days: days.map((day) => ({
        id: day.id,
        title: day.title,
        passed: true,
        durationMs: 1,
        metrics: {},
        tests: [test('a', 'passed', 'checkpoints/x.test.ts')],
      })),
    };
    const lines = renderCard(rows)
      .split('\n')
      .filter((line) => /^[✓✗] day \d/.test(line));
    expect(lines).toHaveLength(days.length);
    const columns = new Set(lines.map((line) => line.indexOf('1/1')));
    expect(columns.size, `the requirements column starts at one place:\n${lines.join('\n')}`).toBe(1);
  });
});
