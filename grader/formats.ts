// Converters from the grader's report (docs/architecture.md) to the GitHub Classroom autograding result
// (grader/classroom.ts) and Exercism's results.json (grader/exercism.ts). Both score the same fixed rows per day
// (grader/points.ts), so the denominator never moves between pushes; each day's state decides first: a day not
// started or not reached scores nothing, whatever its scaffold happens to pass.
import { resolve, sep } from 'node:path';
import { days as manifest } from '../course/days.ts';
import { UsageError } from './args.ts';
import { compileRequirementId } from './compile.ts';
import { whyOf } from './identity.ts';
import { root } from './paths.ts';
import { compileName, compileShare, scoredRows, type Scored } from './points.ts';
import type { DayResult, LookAt, Report, TestResult } from './results.ts';

/** The shapes `--format` accepts. */
export const formats = ['report', 'classroom', 'exercism'] as const;
export type Format = (typeof formats)[number];

/** `--format` as given (default `report`), or a usage error naming the formats. */
export function requireFormat(value: string | undefined): Format {
  if (value === undefined) return 'report';
  if ((formats as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format ${value} is not a format I know. Give one of: ${formats.join(', ')}.`);
}

/** Whether no requirement of a day ran (vitest crashed or stalled before any test: only run-level entries, which
 *  carry no id, and perhaps the compile step): an error, not a failure. */
function ranNothing(day: DayResult): boolean {
  return day.tests.every((test) => test.id === undefined || test.id === compileRequirementId);
}

/** `text` with paths into the graded tree and the workbook made relative (`01-cache/cache.ts`, `checkpoints/…`). */
function relativePaths(text: string, target: string): string {
  return [`${resolve(root, target)}${sep}`, `${root}${sep}`].reduce((out, prefix) => out.split(prefix).join(''), text);
}

/** One scored row as graded: its status, the whole diagnosis, the learner's file and line it points at. */
export interface Row {
  day: DayResult;
  scored: Scored;
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string;
  points: number;
  test?: TestResult;
  lookAt?: LookAt;
}

// What a row of a day not started or not reached says, instead of what its scaffold happened to pass.
function waitingMessage(day: DayResult): string | undefined {
  if (day.state === 'not-started') return `${day.id} is not started: its files are still the scaffold as shipped.`;
  if (day.state === 'not-reached')
    return `${day.id} is not reached: ${day.blockedBy ?? 'an earlier day'} holds it back (this day's code imports files that do not pass there). Fix ${day.blockedBy ?? 'that day'} first.`;
  return undefined;
}

// The row of `scored` in `day`: found by id; a requirement the run did not report fails with what the run said.
function rowOf(day: DayResult, scored: Scored, target: string): Row {
  const points = scored.compile ? compileShare : 1;
  const test = day.tests.find((entry) => entry.id === scored.id);
  const runLevel = day.tests.find((entry) => entry.status === 'failed' && entry.id === undefined);
  const name = test ? `${test.group ? `${test.group} › ` : ''}${test.name}` : scored.compile ? compileName : scored.id;
  const base = { day, scored, name, points, ...(test && { test }) };
  const waiting = waitingMessage(day);
  if (waiting) return { ...base, status: 'fail', message: waiting };
  if (ranNothing(day)) return { ...base, status: 'error', message: relativePaths(runLevel?.message ?? 'the checkpoint did not run', target) };
  if (scored.compile && !test) return { ...base, status: 'pass', message: '' };
  if (test?.status === 'passed') return { ...base, status: 'pass', message: '' };
  if (!test)
    return {
      ...base,
      status: 'fail',
      message: relativePaths(runLevel?.message ?? `${scored.id} was not reported by this run.`, target),
      ...(runLevel?.lookAt && { lookAt: runLevel.lookAt }),
    };
  const why = test.why ?? whyOf(day.id, test);
  const diagnosis = [test.message, ...(test.status === 'failed' && why.guide ? [`Why:      ${why.title} (${why.guide})`] : [])].join('\n');
  return { ...base, status: 'fail', message: relativePaths(diagnosis, target), ...(test.lookAt && { lookAt: test.lookAt }) };
}

/** Every scored row of `report`, day by day in the manifest's order. `week`: every day, a day the report lacks failing
 *  whole (grade); otherwise only the days the report holds (check). */
export function rows(report: Report, week: boolean): Row[] {
  return manifest.flatMap((day) => {
    const graded = report.days.find((entry) => entry.id === day.id);
    if (!graded && !week) return [];
    const result = graded ?? {
      id: day.id,
      title: day.title,
      passed: false,
      durationMs: 0,
      metrics: {},
      tests: [
        {
          group: '',
          name: 'the day was not graded',
          status: 'failed' as const,
          message: `${day.id} is not in this report: the whole week was not graded.`,
          durationMs: 0,
        },
      ],
    };
    return scoredRows(day).map((scored) => rowOf(result, scored, report.target));
  });
}

/** pass when every row passes; error only when no test ran at all; fail otherwise (the Exercism v3 rule). */
export function overall(all: Row[]): 'pass' | 'fail' | 'error' {
  if (all.every((row) => row.status === 'error')) return 'error';
  return all.every((row) => row.status === 'pass') ? 'pass' : 'fail';
}
