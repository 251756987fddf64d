// GitHub Classroom's autograding result (what classroom-resources/autograding-grading-reporter reads): one row per
// scored requirement, `filename` and `line_no` from the failure's Look at, and messages capped so the whole result,
// base64-encoded, fits the one environment variable the reporter reads it from (`<RUNNER>_RESULTS`).
import { relative, resolve, sep } from 'node:path';
import { root } from './paths.ts';
import { maxScore } from './points.ts';
import { overall, rows, type Row } from './formats.ts';
import type { Report } from './results.ts';

/** The most characters one row's message keeps (the rest is in the job summary and the full JSON report). */
export const messageLimit = 1_000;

/** The most bytes the base64 result may take: Linux holds one environment string to 128 KiB (MAX_ARG_STRLEN), and the
 *  reporter reads the result from one; room is left for the variable's name. */
export const encodedLimit = 120_000;

/** `text` cut to at most `max` characters, ending in a line that says so when cut. */
function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n… (cut here: the job summary and cachelings-report.json hold the rest)';
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}

// The learner's file a row points at, as the repository names it, and its line; none when the failure names none.
function fileOf(row: Row, target: string): { filename: string; line_no: number } {
  if (!row.lookAt) return { filename: '', line_no: 0 };
  const inside = resolve(root, target).startsWith(`${root}${sep}`) ? `${relative(root, resolve(root, target)).split(sep).join('/')}/` : '';
  return { filename: `${inside}${row.lookAt.file}`, line_no: row.lookAt.line ?? 0 };
}

/** The result for `report`: a fixed max_score; `week` false scores only the days the report holds (`check`). */
export function toClassroom(report: Report, week = true) {
  const all = rows(report, week);
  const result = (limit: number) => ({
    version: 1,
    status: overall(all),
    max_score: week ? maxScore() : all.reduce((sum, row) => sum + row.points, 0),
    tests: all.map((row) => ({
      name: `${row.day.id} · ${row.name}`,
      status: row.status,
      message: capped(row.message, limit),
      test_code: `npm run check ${row.day.id}`,
      ...fileOf(row, report.target),
      execution_time: `${((row.test?.durationMs ?? 0) / 1000).toFixed(2)}s`,
      score: row.status === 'pass' ? row.points : 0,
    })),
  });
  // Ninety rows of 1,000 characters fit; should they not (many multi-byte characters), cut every message shorter.
  for (let limit = messageLimit; limit > 100; limit = Math.floor(limit / 2)) {
    const shaped = result(limit);
    if (Buffer.byteLength(JSON.stringify(shaped)) * (4 / 3) < encodedLimit) return shaped;
  }
  return result(100);
}
