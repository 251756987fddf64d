// The scored formats against their documented shapes: GitHub Classroom's autograding result (what
// classroom-resources/autograding-grading-reporter reads: { version, status, max_score, tests: [{ name, status,
// message, test_code, filename, line_no, execution_time, score }] }, total = Σ score) and Exercism's results.json,
// test runner interface version 3 ({ version: 3, status, message? (only with error), tests: [{ name, status, message
// (fail/error), output? (the student's own printing), test_code, task_id }] }; error only when no test ran).
import { describe, expect, it } from 'vitest';
import { adviceLines } from '../harness/check.ts';
import { days, dayNumber, type Day } from '../course/days.ts';
import { toClassroom } from '../grader/classroom.ts';
import { toExercism } from '../grader/exercism.ts';
import { encodedLimit, messageLimit } from '../grader/classroom.ts';
import { maxScore, scoredRows } from '../grader/points.ts';
import { buildReport } from '../grader/report.ts';
import type { DayResult, Report, TestResult } from '../grader/results.ts';

const tree = '/elsewhere/ada/days';
const checkpoint = (day: Day) => day.checkpoints[0]!;
const passed = (day: Day, id: string): TestResult => ({
  group: 'G',
  name: `requirement ${id}`,
  id,
  status: 'passed',
  message: '',
  durationMs: 3,
  file: id === 'shared-cache' ? 'checkpoints/day2/clients.test.ts' : checkpoint(day),
});
const week = (change: (day: Day, tests: TestResult[]) => TestResult[] = (_, tests) => tests): DayResult[] =>
  days.map((day) => {
    const tests = change(
      day,
      scoredRows(day)
        .filter((row) => !row.compile)
        .map((row) => passed(day, row.id)),
    );
    return { id: day.id, title: day.title, passed: tests.every((test) => test.status === 'passed'), durationMs: 10, metrics: {}, tests };
  });
const advice = {
  expected: 'v',
  received: '(nil)',
  where: `startServer in ${tree}/02-server/server.ts:9`,
  fix: 'make the Cache once, outside the connection handler.',
};
const diagnosis = ['GET k on a second connection returned (nil).', ...adviceLines(advice)].join('\n');
const failing: Report = buildReport(
  tree,
  1,
  week((day, tests) => {
    if (day.id !== 'day2') return tests;
    const compile: TestResult = {
      group: '',
      name: 'your files compile: tsc finds no type errors',
      id: 'compiles',
      status: 'failed',
      message: `tsc found 1 type error\n${tree}/02-server/server.ts:3  TS2322: …\nLook at:  ${tree}/02-server/server.ts:3`,
      advice: { where: `${tree}/02-server/server.ts:3` },
      durationMs: 0,
    };
    return [
      compile,
      ...tests.map((test) =>
        test.id === 'shared-cache'
          ? { ...test, status: 'failed' as const, message: diagnosis, advice, cause: { kind: 'protocol-mismatch', title: 'a reply differs' } }
          : test,
      ),
    ];
  }),
);
const passing: Report = buildReport(tree, 1, week());
const classroomKeys = ['name', 'status', 'message', 'test_code', 'filename', 'line_no', 'execution_time', 'score'];

describe('GitHub Classroom result', () => {
  it('has the documented shape, and a max_score that is the same for a failing and a passing tree (classroom-fixed)', () => {
    const [bad, good] = [toClassroom(failing), toClassroom(passing)];
    for (const result of [bad, good]) {
      expect(Object.keys(result)).toEqual(['version', 'status', 'max_score', 'tests']);
      for (const test of result.tests) {
        expect(Object.keys(test)).toEqual(classroomKeys);
        expect(['pass', 'fail', 'error']).toContain(test.status);
        expect(typeof test.score).toBe('number');
      }
    }
    expect(bad.max_score).toBe(good.max_score);
    expect(bad.max_score).toBe(maxScore());
    expect(bad.tests).toHaveLength(good.tests.length);
    expect(
      good.tests.reduce((sum, test) => sum + test.score, 0),
      'a passing tree scores every point',
    ).toBe(good.max_score);
    expect(
      bad.tests.reduce((sum, test) => sum + test.score, 0),
      'the compile step and shared-cache cost a point each',
    ).toBe(bad.max_score - 2);
    expect([bad.status, good.status]).toEqual(['fail', 'pass']);
  });

  it("names the learner's file and line, and keeps the whole diagnosis with relative paths (classroom-file)", () => {
    const row = toClassroom(failing).tests.find((test) => test.name.endsWith('requirement shared-cache'))!;
    expect(row).toMatchObject({ status: 'fail', filename: '02-server/server.ts', line_no: 9, score: 0 });
    expect(row.message).toContain('Look at:  startServer in 02-server/server.ts:9');
    expect(row.message).not.toContain('/elsewhere/');
    expect(
      toClassroom({ ...failing, target: 'days' }).tests.find((test) => test.name.endsWith('requirement shared-cache'))!.filename,
      'inside the repository, as the repository names it',
    ).toBe('days/02-server/server.ts');
  });
});

describe("both formats read each day's state", () => {
  it('scores a day not started or not reached nothing, each row saying why (formats-state)', () => {
    const waiting: Report = {
      ...passing,
      days: passing.days.map((day, index) =>
        index === 0 ? day : index === 1 ? { ...day, state: 'not-reached' as const, blockedBy: 'day1' } : { ...day, state: 'not-started' as const },
      ),
    };
    const result = toClassroom(waiting);
    expect(result.tests.filter((test) => test.score > 0).every((test) => test.name.startsWith('day1 · '))).toBe(true);
    expect(result.tests.find((test) => test.name.startsWith('day2 · '))!.message).toMatch(/^day2 is not reached: day1 holds it back/);
    expect(result.tests.find((test) => test.name.startsWith('day3 · '))!.message).toMatch(/^day3 is not started/);
    expect(result.max_score, 'the same denominator').toBe(maxScore());
  });

  it('scores only the graded day for check, and caps Classroom messages to fit one environment variable (formats-check)', () => {
    const oneDay: Report = { ...failing, days: failing.days.filter((day) => day.id === 'day2') };
    const result = toClassroom(oneDay, false);
    expect(result.tests.every((test) => test.name.startsWith('day2 · '))).toBe(true);
    expect(result.max_score).toBe(scoredRows(days[1]!).length);
    expect(toExercism(oneDay, false).tests.every((test) => test.task_id === 2)).toBe(true);
    const long: Report = {
      ...failing,
      days: failing.days.map((day) => ({
        ...day,
        passed: false,
        tests: day.tests.map((test) => ({ ...test, status: 'failed' as const, message: `${'ü'.repeat(5_000)}\nLook at:  x` })),
      })),
    };
    const capped = toClassroom(long);
    expect(Math.max(...capped.tests.map((test) => test.message.length))).toBeLessThanOrEqual(messageLimit);
    expect(Buffer.from(JSON.stringify(capped)).toString('base64').length).toBeLessThan(encodedLimit);
  });
});

describe('Exercism results.json (v3)', () => {
  it('puts the whole diagnosis in message, no output, a snippet of the check as test_code, the day as task_id (exercism-fields)', () => {
    const results = toExercism(failing);
    expect(Object.keys(results)).toEqual(['version', 'status', 'tests']);
    expect(results).toMatchObject({ version: 3, status: 'fail' });
    const row = results.tests.find((test) => test.name.endsWith('requirement shared-cache'))!;
    for (const part of [
      'Expected: v',
      'Received: (nil)',
      'Look at:  startServer in 02-server/server.ts:9',
      'Try:      make the Cache once',
      "Why:      Clients do not see each other's keys",
    ])
      expect(row.message).toContain(part);
    expect(row).not.toHaveProperty('output');
    expect(row.test_code).toMatch(/^it\('.*\{ meta: \{ id: 'shared-cache' \} \}/);
    expect(row.test_code.split('\n').length).toBeLessThanOrEqual(13);
    expect(row.task_id).toBe(dayNumber(days[1]!));
    for (const test of results.tests) {
      expect(test.status === 'pass' ? !('message' in test) : typeof test.message === 'string').toBe(true);
      expect(test.test_code, 'each row its own code, none a placeholder').toMatch(/^(it\(|\/\/ your files compile)/);
      expect(test.message ?? '', 'no command or link a student on Exercism does not have').not.toMatch(/npm run|README\.md/);
    }
  });

  it('says error only when no test ran at all; a day that ran nothing beside others is a fail (exercism-status)', () => {
    const nothing = (day: DayResult): DayResult => ({
      ...day,
      passed: false,
      tests: [{ group: '', name: 'the checkpoint runs', status: 'failed', message: `did not finish within 10 s`, durationMs: 0 }],
    });
    const oneDay = toExercism({ ...passing, days: passing.days.map((day, index) => (index === 2 ? nothing(day) : day)) });
    expect(oneDay.status).toBe('fail');
    expect(oneDay.tests.filter((test) => test.status === 'error').every((test) => test.name.startsWith('day3 · '))).toBe(true);
    const none = toExercism({ ...passing, days: passing.days.map(nothing) });
    expect(none).toMatchObject({ status: 'error', message: 'day1: did not finish within 10 s' });
    expect(toClassroom({ ...passing, days: passing.days.map(nothing) }).status).toBe('error');
    expect(toExercism(passing)).toMatchObject({ status: 'pass' });
  });
});
