// Lists of days in prose are derived from the manifest: the front page's table of days, and the grade order the
// README and docs/ state ("days 1, 2 and 4 side by side"). The lint fails when one differs, and
// `npm run lint:course -- --write` rewrites the grade-order lists.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dayNumber, days as allDays, type Day } from '../../../course/days.ts';
import { gradedAlone, numberList } from '../../../course/derived.ts';
import { gates, type Gate } from '../../../course/gates.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';

/** The files that state the grade order. */
export const gradeOrderFiles = ['README.md', 'docs/architecture.md', 'docs/maintainers.md'];

const list = String.raw`(\d+(?:, \d+)*(?: and \d+)?)`;

/** Each phrase of the grade order: its pattern (the list is group 1) and the days it must list. */
function gradeOrderPhrases(days: Day[]): { what: string; pattern: RegExp; numbers: number[] }[] {
  const gated = new Set(Object.values(gates as Record<string, Gate>).map((gate) => gate.day));
  const numbers = (keep: (day: Day) => boolean) => days.filter(keep).map(dayNumber);
  return [
    {
      what: 'the days graded side by side',
      pattern: new RegExp(String.raw`\bdays ${list} (?:run )?side by side`, 'g'),
      numbers: numbers((day) => !gradedAlone(day)),
    },
    { what: 'the days graded alone', pattern: new RegExp(String.raw`\b${list} each alone`, 'g'), numbers: numbers(gradedAlone) },
    { what: 'the speed-gated days', pattern: new RegExp(String.raw`speed-gated days ${list} alone`, 'g'), numbers: numbers((day) => gated.has(day.id)) },
  ];
}

/** Grade-order phrases whose list of days differs from the manifest's. */
export function gradeOrderProblems(days: Day[] = allDays, base = root): Problem[] {
  return gradeOrder(days, base, false).problems;
}

/** Rewrites the grade-order lists from the manifest; returns the files it changed. */
export function writeGradeOrder(days: Day[] = allDays, base = root): string[] {
  return gradeOrder(days, base, true).changed;
}

// Checks (or, with `write`, rewrites) each grade-order phrase of each file.
function gradeOrder(days: Day[], base: string, write: boolean): { problems: Problem[]; changed: string[] } {
  const problems: Problem[] = [];
  const changed: string[] = [];
  for (const file of gradeOrderFiles) {
    const path = resolve(base, file);
    if (!existsSync(path)) continue;
    const before = readFileSync(path, 'utf8');
    let text = before;
    for (const { what, pattern, numbers } of gradeOrderPhrases(days)) {
      const want = numberList(numbers);
      text = text.replace(pattern, (phrase, found: string) => {
        if (found === want) return phrase;
        problems.push({
          file,
          problem: `says "${phrase}", but ${what} are ${want} (course/derived.ts, from the manifest and the gates)`,
          fix: `npm run lint:course -- --write (it rewrites the list), or write "${phrase.replace(found, want)}"`,
        });
        return phrase.replace(found, want);
      });
    }
    if (write && text !== before) {
      writeFileSync(path, text);
      changed.push(file);
    }
  }
  return { problems, changed };
}

/** The front page's table of days: one row per day of the manifest, `| N | \`days/<slug>\` | … |`, in order. */
export function dayTableProblems(days: Day[] = allDays, base = root): Problem[] {
  const rows = [...readFileSync(resolve(base, 'README.md'), 'utf8').matchAll(/^\| (\d+) \| `days\/([^`]+)` \|/gm)].map((match) => `${match[1]} ${match[2]}`);
  const want = days.map((day) => `${dayNumber(day)} ${day.slug}`);
  const problems: Problem[] = [];
  for (const day of days.filter((day) => !rows.includes(`${dayNumber(day)} ${day.slug}`))) {
    problems.push({
      file: 'README.md',
      problem: `the table of days has no row for ${day.id} (days/${day.slug})`,
      fix: `add "| ${dayNumber(day)} | \`days/${day.slug}\` | ${day.title}: … |" after the row of the day before it`,
    });
  }
  for (const row of rows.filter((row) => !want.includes(row)))
    problems.push({
      file: 'README.md',
      problem: `the table of days has a row for days/${row.split(' ')[1]}, which course/days.ts does not have`,
      fix: 'drop the row, or add the day to the manifest',
    });
  if (problems.length === 0 && rows.join('|') !== want.join('|'))
    problems.push({
      file: 'README.md',
      problem: "the table of days is not in the manifest's order",
      fix: `order the rows as course/days.ts: ${want.join(', ')}`,
    });
  return problems;
}
