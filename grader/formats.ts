// Converters from the grader's report (docs/architecture.md) to the GitHub Classroom and Exercism result shapes.
import { dayNumberOf } from './card.ts';
import { publicReport } from './report.ts';
import type { Report, TestResult } from './results.ts';

/** The shapes `--format` accepts. */
export const formats = ['report', 'classroom', 'exercism'] as const;
export type Format = (typeof formats)[number];

/** The requirements that count (stretch `bonus` ones are left out of scored formats). */
function required(tests: TestResult[]): TestResult[] {
  return tests.filter((test) => !test.bonus);
}

/** Whether nothing of a day ran at all (vitest crashed or stalled before any test): an error, not a failure. */
function ranNothing(tests: TestResult[]): boolean {
  return tests.every((test) => test.file === undefined);
}

function overall(report: Report): 'pass' | 'fail' | 'error' {
  if (report.days.some((day) => ranNothing(day.tests))) return 'error';
  return report.passed ? 'pass' : 'fail';
}

function label(dayId: string, test: TestResult): string {
  return `${dayId} · ${test.group ? `${test.group} › ` : ''}${test.name}`;
}

/** GitHub Classroom's autograding result (what autograding-grading-reporter reads): one point per requirement. */
export function toClassroom(report: Report) {
  const tests = report.days.flatMap((day) =>
    required(day.tests).map((test) => ({
      name: label(day.id, test),
      status: test.status === 'passed' ? 'pass' : ranNothing(day.tests) ? 'error' : 'fail',
      message: test.status === 'passed' ? '' : test.message,
      test_code: `npm run check ${day.id}`,
      filename: test.file ?? '',
      line_no: 0,
      execution_time: `${(test.durationMs / 1000).toFixed(2)}s`,
      score: test.status === 'passed' ? 1 : 0,
    })),
  );
  return { version: 1, status: overall(report), max_score: tests.length, tests };
}

/** Exercism's test-runner results.json (version 3): status pass/fail/error, tests in file order. */
export function toExercism(report: Report) {
  const status = overall(report);
  const broken = report.days.find((day) => ranNothing(day.tests));
  const tests = report.days.flatMap((day) =>
    required(day.tests).map((test) => {
      const failed = test.status !== 'passed';
      return {
        name: label(day.id, test),
        status: test.status === 'passed' ? 'pass' : ranNothing(day.tests) ? 'error' : 'fail',
        ...(failed ? { message: test.message.split('\n')[0], output: clip(test.message, 500) } : {}),
        test_code: `npm run check ${day.id}`,
        task_id: dayNumberOf(day),
      };
    }),
  );
  return { version: 3, status, ...(broken ? { message: `${broken.id}: ${broken.tests[0]?.message ?? 'the checkpoint did not run'}` } : {}), tests };
}

/** `text` cut to at most `max` characters, ending in … when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `report` in the shape `format` names. */
export function convert(report: Report, format: Format): unknown {
  if (format === 'classroom') return toClassroom(report);
  if (format === 'exercism') return toExercism(report);
  return publicReport(report);
}
