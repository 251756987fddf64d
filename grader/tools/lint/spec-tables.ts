// Each day's CHECKPOINT.md lists its requirements as the grader names them: a table of ids and sentences written
// from the checkpoints' it() calls (`npm run lint:course -- --write`), never typed. The lint fails when it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day } from '../../../course/days.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';
import type { Listed } from './requirements.ts';

/** The heading of the table's section; it comes right before "## Required exports". */
export const tableHeading = '## Requirements, as the grader names them';

/** The command that rewrites every table. */
export const writeTables = 'npm run lint:course -- --write';

const note = `<!-- Written by \`${writeTables}\` from the checkpoints' it() ids and sentences: edit those, not this table. -->`;

/** A markdown table cell: pipes escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The section `day`'s CHECKPOINT.md should have: heading, note, and one row per requirement, in the order of the
 *  manifest's checkpoint files (bonus last), each file's in its own order (vitest may collect the files in any order). */
export function requirementTable(day: Day, listed: Listed[]): string {
  const bonus = new Set(day.bonus ?? []);
  const files = [...(day.checkpoints ?? []), ...(day.bonus ?? [])];
  const rank = (test: Listed) => (files.includes(test.module) ? files.indexOf(test.module) : files.length);
  const rows = listed
    .filter((test) => test.day === day.id)
    .map((test, i) => ({ test, i }))
    .sort((a, b) => rank(a.test) - rank(b.test) || a.i - b.i)
    .map(({ test }) => test)
    .map((test) => `| \`${test.id ?? '(no id)'}\` | ${cell(test.group)} | ${cell(test.name)}${bonus.has(test.module) ? ' (stretch)' : ''} |`);
  return [tableHeading, note, '', '| id | group | requirement |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

// The table's section in `spec` as [start, end) offsets, or undefined.
function tableSpan(spec: string): [number, number] | undefined {
  const start = spec.indexOf(`${tableHeading}\n`);
  if (start < 0) return undefined;
  const next = spec.slice(start + tableHeading.length).search(/^## /m);
  return [start, next < 0 ? spec.length : start + tableHeading.length + next];
}

/** `spec` with its table (re)written just before "## Required exports". */
export function withTable(spec: string, table: string): string {
  const span = tableSpan(spec);
  if (span) return `${spec.slice(0, span[0])}${table}\n${spec.slice(span[1])}`;
  const at = spec.search(/^## Required exports/m);
  return at < 0 ? `${spec.trimEnd()}\n\n${table}` : `${spec.slice(0, at)}${table}\n${spec.slice(at)}`;
}

/** Where `day`'s CHECKPOINT.md table differs from its checkpoints: a missing table, a missing or stale row. */
export function specTableProblems(day: Day, listed: Listed[], base = root): Problem[] {
  const file = `days/${day.slug}/CHECKPOINT.md`;
  const spec = readFileSync(resolve(base, file), 'utf8');
  const span = tableSpan(spec);
  if (!span)
    return [
      {
        file,
        problem: `has no "${tableHeading}" section listing ${day.id}'s requirements`,
        fix: `${writeTables} (it writes the table before "## Required exports")`,
      },
    ];
  const want = requirementTable(day, listed)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  const have = spec
    .slice(...span)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  const problems: Problem[] = [];
  for (const row of want.filter((line) => !have.includes(line)))
    problems.push({ file, problem: `the requirement table has no row ${row}`, fix: `${writeTables} (rows are written from the checkpoints)` });
  for (const row of have.filter((line) => !want.includes(line)))
    problems.push({
      file,
      problem: `the requirement table has the row ${row}, which no checkpoint declares`,
      fix: `${writeTables} (rows are written from the checkpoints)`,
    });
  if (problems.length === 0 && want.join('\n') !== have.join('\n'))
    problems.push({ file, problem: "the requirement table is not in the order of the manifest's checkpoint files", fix: writeTables });
  return problems;
}

/** Rewrites every day's table from `listed`; returns the files it changed. */
export function writeSpecTables(days: Day[], listed: Listed[], base = root): string[] {
  const changed: string[] = [];
  for (const day of days) {
    const path = resolve(base, `days/${day.slug}/CHECKPOINT.md`);
    const before = readFileSync(path, 'utf8');
    const after = withTable(before, requirementTable(day, listed));
    if (after === before) continue;
    writeFileSync(path, after);
    changed.push(`days/${day.slug}/CHECKPOINT.md`);
  }
  return changed;
}
