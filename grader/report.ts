// Writes the JSON report (docs/architecture.md, "The JSON report").
import { writeFileSync } from 'node:fs';
import { findDay } from '../course/days.ts';
import { blamedOnMissing, dayState, missingFiles } from './day-state.ts';
import { identify, lookAtInTree, lookAtOf, whyOf } from './identity.ts';
import { integrityOf, sealed } from './integrity.ts';
import { display } from './paths.ts';
import type { DayResult, Report, TestResult } from './results.ts';

// A failed requirement as the report keeps it: the learner's file and line (`lookAt`), and the cause as the terminal
// shows it (`why`); a day file that is missing is the cause of every failure of its day.
function reported(dayId: string, test: TestResult, target: string, missing: string[]): TestResult {
  if (test.status !== 'failed') return test;
  if (missing.length > 0) {
    const blamed = blamedOnMissing(test, missing);
    return { ...blamed, why: { title: blamed.cause!.title } };
  }
  const lookAt = test.lookAt ? lookAtInTree(test.lookAt, target) : lookAtOf(test, target);
  const { lookAt: _given, ...rest } = test;
  return { ...rest, ...(lookAt && { lookAt }), why: whyOf(dayId, test) };
}

/** The report for `results` graded on `target` with `seed`: who and what (grader/identity.ts), each day's state
 *  (grader/day-state.ts), and per failed requirement its `lookAt` and `why`. */
export function buildReport(target: string, seed: number, results: DayResult[]): Report {
  const days = results.map((day) => {
    const manifest = findDay(day.id);
    const missing = manifest ? missingFiles(manifest, target) : [];
    return { ...day, tests: day.tests.map((test) => reported(day.id, test, target, missing)) };
  });
  const stated = days.map((day) => ({ ...day, ...dayState(day, target, days) }));
  const integrity = integrityOf(
    target,
    results.map((result) => result.id),
  );
  return { version: 1, target: display(target), ...identify(target), seed, passed: results.every((result) => result.passed), days: stated, integrity };
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
