// Writes the JSON report (docs/architecture.md, "The JSON report").
import { writeFileSync } from 'node:fs';
import { display } from './paths.ts';
import type { DayResult, Report } from './results.ts';

/** The report for `results` graded on `target` with `seed`. */
export function buildReport(target: string, seed: number, results: DayResult[]): Report {
  return { version: 1, target: display(target), seed, passed: results.every((result) => result.passed), days: results };
}

/** The report as docs/architecture.md fixes it: the grader's internal `file` of each test left out. */
export function publicReport(report: Report): Report {
  return { ...report, days: report.days.map((day) => ({ ...day, tests: day.tests.map(({ file: _file, ...test }) => test) })) };
}

/** Writes `report` to `file` as pretty JSON. */
export function writeReport(file: string, report: Report): void {
  writeFileSync(file, `${JSON.stringify(publicReport(report), null, 2)}\n`);
}
