// The report in the shape `--format` names: the JSON report itself, GitHub Classroom's result or Exercism's results.json.
import { toClassroom } from './classroom.ts';
import { toExercism } from './exercism.ts';
import type { Format } from './formats.ts';
import { sealed } from './integrity.ts';
import { writtenReport } from './report.ts';
import type { Report } from './results.ts';

/** `report` as `format`; `week` false (check) scores only the days the report holds. Every shape ends with the report's
 *  integrity block and is sealed with its digest (grader/integrity.ts). */
export function convert(report: Report, format: Format, week: boolean): unknown {
  if (format === 'classroom') return withIntegrity(toClassroom(report, week), report);
  if (format === 'exercism') return withIntegrity(toExercism(report, week), report);
  return writtenReport(report);
}

/** A scored result with the report's tamper check (at most 20 files a list) and days same as solutions/, sealed. */
function withIntegrity<T extends object>(shape: T, report: Report): T {
  if (!report.integrity) return shape;
  const { digest: _digest, tamper, ...rest } = report.integrity;
  const cut = (files: string[]) => files.slice(0, 20);
  return sealed({
    ...shape,
    integrity: { ...rest, tamper: { ...tamper, changed: cut(tamper.changed), missing: cut(tamper.missing), added: cut(tamper.added) } },
  });
}
