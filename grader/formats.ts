// Converters from the grader's report (docs/architecture.md) to the GitHub Classroom autograding result and Exercism's
// results.json (test runner interface, version 3). Both score the same fixed rows per day (grader/points.ts), so the
// denominator never moves between pushes; messages carry the whole diagnosis, with paths made relative to the tree.
import { relative, resolve, sep } from 'node:path';
import { days as manifest, dayNumber, findDay } from '../course/days.ts';
import { compileRequirementId } from './compile.ts';
import { lookAtOf, whyOf } from './identity.ts';
import { root } from './paths.ts';
import { compileName, compileShare, maxScore, scoredRows, testSnippet, type Scored } from './points.ts';
import { sealed } from './integrity.ts';
import { writtenReport } from './report.ts';
import type { DayResult, Report, TestResult } from './results.ts';

/** The shapes `--format` accepts. */
export const formats = ['report', 'classroom', 'exercism'] as const;
export type Format = (typeof formats)[number];

/** Whether no requirement of a day ran (vitest crashed or stalled before any test: only run-level entries, which
 *  carry no id, and perhaps the compile step): an error, not a failure. */
function ranNothing(day: DayResult): boolean {
  return day.tests.every((test) => test.id === undefined || test.id === compileRequirementId);
}

/** `text` with paths into the graded tree and the workbook made relative (`01-cache/cache.ts`, `checkpoints/…`). */
export function relativePaths(text: string, target: string): string {
  return [`${resolve(root, target)}${sep}`, `${root}${sep}`].reduce((out, prefix) => out.split(prefix).join(''), text);
}

/** One scored row as graded: its status, the whole diagnosis, and the learner's file it points at. */
interface Row {
  day: DayResult;
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string;
  points: number;
  test?: TestResult;
  lookAt?: string;
}

// The row of `scored` in `day`: found by id; a requirement the run did not report fails with what the run said.
function rowOf(day: DayResult, scored: Scored, target: string): Row {
  const points = scored.compile ? compileShare : 1;
  const test = day.tests.find((entry) => entry.id === scored.id);
  const runLevel = day.tests.find((entry) => entry.status === 'failed' && entry.id === undefined);
  const name = test ? `${test.group ? `${test.group} › ` : ''}${test.name}` : scored.compile ? compileName : scored.id;
  if (ranNothing(day)) return { day, name, status: 'error', message: relativePaths(runLevel?.message ?? 'the checkpoint did not run', target), points };
  if (scored.compile && !test) return { day, name, status: 'pass', message: '', points };
  if (test?.status === 'passed') return { day, name, status: 'pass', message: '', points, test };
  if (!test) return { day, name, status: 'fail', message: relativePaths(runLevel?.message ?? `${scored.id} was not reported by this run: npm run check ${day.id} shows why.`, target), points };
  const why = whyOf(day.id, test);
  const diagnosis = [test.message, ...(test.status === 'failed' && why.guide ? [`Why:      ${why.title} (${why.guide})`] : [])].join('\n');
  return { day, name, status: 'fail', message: relativePaths(diagnosis, target), points, test, lookAt: test.lookAt ?? lookAtOf(test.message, target) };
}

/** Every scored row of `report`, day by day in the manifest's order; a day the report lacks fails whole. */
function rows(report: Report): Row[] {
  return manifest.flatMap((day) => {
    const result = report.days.find((entry) => entry.id === day.id) ?? { id: day.id, title: day.title, passed: false, durationMs: 0, metrics: {}, tests: [{ group: '', name: 'the day was not graded', status: 'failed' as const, message: `${day.id} is not in this report: run npm run grade.`, durationMs: 0 }] };
    return scoredRows(day).map((scored) => rowOf(result, scored, report.target));
  });
}

/** pass when every row passes; error only when no test ran at all; fail otherwise (the Exercism v3 rule). */
function overall(all: Row[]): 'pass' | 'fail' | 'error' {
  if (all.every((row) => row.status === 'error')) return 'error';
  return all.every((row) => row.status === 'pass') ? 'pass' : 'fail';
}

// The learner's file a row points at, as the repository names it, and its line.
function fileOf(row: Row, target: string): { filename: string; line_no: number } {
  const day = findDay(row.day.id);
  const [file, line] = (row.lookAt ?? day?.files[0] ?? '').split(':');
  const inside = resolve(root, target).startsWith(`${root}${sep}`) ? `${relative(root, resolve(root, target)).split(sep).join('/')}/` : '';
  return { filename: file ? `${inside}${file}` : '', line_no: Number(line) || 0 };
}

/** GitHub Classroom's autograding result (what autograding-grading-reporter reads): a fixed max_score. */
export function toClassroom(report: Report) {
  const all = rows(report);
  const tests = all.map((row) => ({
    name: `${row.day.id} · ${row.name}`,
    status: row.status,
    message: row.message,
    test_code: `npm run check ${row.day.id}`,
    ...fileOf(row, report.target),
    execution_time: `${((row.test?.durationMs ?? 0) / 1000).toFixed(2)}s`,
    score: row.status === 'pass' ? row.points : 0,
  }));
  return withIntegrity({ version: 1, status: overall(all), max_score: maxScore(), tests }, report);
}

/** Exercism's results.json (version 3): the whole diagnosis in `message`, the checkpoint's code in `test_code`, no
 *  `output` (the grader does not capture what a learner's code printed per test), error only when no test ran. */
export function toExercism(report: Report) {
  const all = rows(report);
  const status = overall(all);
  const tests = all.map((row) => ({
    name: `${row.day.id} · ${row.name}`,
    status: row.status,
    ...(row.status === 'pass' ? {} : { message: row.message }),
    test_code: testSnippet(row.test?.file, row.test?.id ?? '') ?? `// ${row.name}\n// by hand: npm run check ${row.day.id}`,
    task_id: dayNumber(findDay(row.day.id)!),
  }));
  return withIntegrity({ version: 3, status, ...(status === 'error' ? { message: `${all[0]!.day.id}: ${all[0]!.message}` } : {}), tests }, report);
}

/** A scored result with the report's integrity block (tamper check, days same as solutions/), sealed with its digest. */
function withIntegrity<T extends object>(shape: T, report: Report): T {
  if (!report.integrity) return shape;
  const { digest: _digest, ...integrity } = report.integrity;
  return sealed({ ...shape, integrity });
}

/** `report` in the shape `format` names. */
export function convert(report: Report, format: Format): unknown {
  if (format === 'classroom') return toClassroom(report);
  if (format === 'exercism') return toExercism(report);
  return writtenReport(report);
}
