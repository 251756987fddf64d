// Writes the JSON report (docs/architecture.md, "The JSON report").
import { writeFileSync } from 'node:fs';
import { identify, lookAtOf, whyOf } from './identity.ts';
import { integrityOf, sealed } from './integrity.ts';
import { display } from './paths.ts';
import type { DayResult, Report } from './results.ts';

/** The report for `results` graded on `target` with `seed`: who and what (grader/identity.ts), and per failed
 *  requirement the learner's file (`lookAt`) and the cause as the terminal shows it (`why`). */
export function buildReport(target: string, seed: number, results: DayResult[]): Report {
  const days = results.map((day) => ({
    ...day,
    tests: day.tests.map((test) => {
      if (test.status !== 'failed') return test;
      const lookAt = lookAtOf(test.message, target);
      return { ...test, ...(lookAt && { lookAt }), why: whyOf(day.id, test) };
    }),
  }));
  const integrity = integrityOf(target, results.map((result) => result.id));
  return { version: 1, target: display(target), ...identify(target), seed, passed: results.every((result) => result.passed), days, integrity };
}

/** The report as docs/architecture.md fixes it: the grader's internal `file` of each test left out. */
export function publicReport(report: Report): Report {
  return { ...report, days: report.days.map((day) => ({ ...day, tests: day.tests.map(({ file: _file, ...test }) => test) })) };
}

/** The report as written: public, and sealed with the digest of its content when it carries an integrity block. */
export function writtenReport(report: Report): Report {
  const shown = publicReport(report);
  return shown.integrity ? sealed({ ...shown, integrity: shown.integrity }) : shown;
}

/** Writes `report` to `file` as pretty JSON. */
export function writeReport(file: string, report: Report): void {
  writeFileSync(file, `${JSON.stringify(writtenReport(report), null, 2)}\n`);
}
