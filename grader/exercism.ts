// Exercism's results.json, test runner interface version 3 (exercism.org/docs/building/tooling/test-runners/interface):
// each test's own code as `test_code`, the whole diagnosis in `message` worded for a student who has only the files
// (no npm scripts, no guide beside them), status `error` only when no test ran.
import { findDay, dayNumber, type Day } from '../course/days.ts';
import { guideSection } from './class/guide.ts';
import { compileRequirement } from './compile.ts';
import { overall, rows, type Row } from './formats.ts';
import { testSnippet } from './points.ts';
import type { Report } from './results.ts';

/** The most characters of a top-level message the interface allows. */
const topLevelLimit = 65_535;

// The compile step has no it() of its own: its code is the type check the grader runs over the day's files.
const compileCode = (day: Day) => [`// ${compileRequirement}`, `tsc --noEmit --strict ${day.files.filter((file) => /\.ts$/.test(file)).join(' ')}`].join('\n');

/** The checkpoint's own code for the row: its it() in the file the run reported, else in any of the day's files. */
function codeOf(row: Row): string {
  const day = findDay(row.day.id)!;
  if (row.scored.compile) return compileCode(day);
  const files = [row.test?.file, ...day.checkpoints, ...(day.bonus ?? [])];
  for (const file of files) {
    const code = testSnippet(file, row.scored.id);
    if (code) return code;
  }
  return `// ${row.name}`;
}

/** `message` for a student who has only their files: commands of this repository and links into its guides left out,
 *  the guide entry's own first paragraph in their place, and the line a Look at's function is declared on. */
function forStudent(message: string, lookAtLine?: number): string {
  const lines = message.split('\n').flatMap((line) => {
    const why = /^Why:\s+(.*?) \((days\/[^)#\s]+\.md)#([^)\s]+)\)$/.exec(line);
    if (why) {
      const paragraph = guideSection(why[2]!, why[3]!)
        ?.split(/\n{2,}/)
        .find((block) => block.trim() && !/^[<#`|-]/.test(block.trim()));
      return [
        `Why:      ${why[1]}`,
        ...(paragraph
          ? [
              `          ${paragraph
                .replace(/\s*\n\s*/g, ' ')
                .replace(/\*\*([^*]+)\*\*/g, '$1')
                .trim()}`,
            ]
          : []),
      ];
    }
    if (lookAtLine !== undefined && /^Look at:\s+\S.* in \S+\.\w+$/.test(line)) return [`${line}, line ${lookAtLine}`];
    const plain = line.replace(/npm run typecheck/g, 'tsc --noEmit').replace(/`?npm run check [^\s`]+(?: -- [^`\n]*)?`?/g, 'the tests');
    return /\bnpm (?:run|test|start)\b|README\.md/.test(plain) ? [] : [plain];
  });
  return lines.join('\n');
}

/** The results.json for `report`: every day of the week (`grade`), or only the days the report holds (`check`). */
export function toExercism(report: Report, week = true) {
  const all = rows(report, week);
  const status = overall(all);
  const tests = all.map((row) => ({
    name: `${row.day.id} · ${row.name}`,
    status: row.status,
    ...(row.status === 'pass' ? {} : { message: forStudent(row.message, row.lookAt?.line) }),
    test_code: codeOf(row),
    task_id: dayNumber(findDay(row.day.id)!),
  }));
  const message = status === 'error' ? { message: `${all[0]!.day.id}: ${forStudent(all[0]!.message)}`.slice(0, topLevelLimit) } : {};
  return { version: 3, status, ...message, tests };
}
