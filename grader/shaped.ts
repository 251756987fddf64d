// The report in the shape `--format` names: the JSON report itself, GitHub Classroom's result or Exercism's results.json.
import { toClassroom } from './classroom.ts';
import { toExercism } from './exercism.ts';
import type { Format } from './formats.ts';
import { publicReport } from './report.ts';
import type { Report } from './results.ts';

/** `report` as `format`; `week` false (check) scores only the days the report holds. */
export function convert(report: Report, format: Format, week: boolean): unknown {
  if (format === 'classroom') return toClassroom(report, week);
  if (format === 'exercism') return toExercism(report, week);
  return publicReport(report);
}
