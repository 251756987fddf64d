// The learner's exports are listed once, in the manifest (`exports` of course/days.ts). Every name a checkpoint
// loads is listed there, and the scaffold, the solution, the day's CHECKPOINT.md and docs/architecture.md name it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { days as allDays, type Day } from '../../../course/days.ts';
import { gradedExports } from '../../../course/derived.ts';
import { root } from '../../paths.ts';
import { manifestFile, type Problem } from './problem.ts';
import { codeFiles } from './references.ts';

/** Whether `source` exports a value named `name` (a function, class or variable, or in an `export { … }` list). */
export function exportsName(source: string, name: string): boolean {
  if (new RegExp(`^export\\s+(?:default\\s+)?(?:async\\s+)?(?:function\\*?|class|const|let|var)\\s+${name}\\b`, 'm').test(source)) return true;
  return [...source.matchAll(/^export\s*\{([^}]*)\}/gm)].some((match) =>
    match[1]!.split(',').some(
      (part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() === name,
    ),
  );
}

/** The names the checkpoints load from the learner's tree: `learnerModule<…>(file, ['Cache'])` (or `remoteModule`, in the learner host), with the file. */
export function loadedNames(base = root): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of codeFiles('checkpoints', base)) {
    const source = readFileSync(resolve(base, file), 'utf8');
    for (const match of source.matchAll(/(?:learnerModule|remoteModule)\b[\s\S]{0,400}?\(\s*[\w'"./-]+\s*,\s*\[([^\]]*)\]\s*\)/g)) {
      for (const name of match[1]!.matchAll(/['"](\w+)['"]/g)) found.push({ file, name: name[1]! });
    }
  }
  return found;
}

/** The "## Required exports" section of a CHECKPOINT.md (empty when it has none). */
function requiredExportsSection(spec: string): string {
  const start = spec.search(/^## Required exports/m);
  if (start < 0) return '';
  const end = spec.slice(start + 3).search(/^## /m);
  return end < 0 ? spec.slice(start) : spec.slice(start, start + 3 + end);
}

/** docs/architecture.md's bullet on `file`: from "- `file`" to the next bullet or blank line. */
function architectureBullet(doc: string, file: string): string {
  const start = doc.indexOf(`- \`${file}\``);
  if (start < 0) return '';
  const end = doc.slice(start + 2).search(/\n(- |\n|#)/);
  return end < 0 ? doc.slice(start) : doc.slice(start, start + 2 + end);
}

/** Where the manifest's exports and the files that repeat them disagree. */
export function exportProblems(days: Day[] = allDays, base = root): Problem[] {
  const read = (path: string) => (existsSync(resolve(base, path)) ? readFileSync(resolve(base, path), 'utf8') : '');
  const problems: Problem[] = [];
  const listed = new Set([...gradedExports(days).values()].flat());
  for (const { file, name } of loadedNames(base)) {
    if (!listed.has(name))
      problems.push({
        file,
        problem: `loads the learner's export ${name}, which no day's exports in course/days.ts list`,
        fix: `add ${name} to the exports of the day that asks for it (course/days.ts), file → names`,
      });
  }
  const architecture = read('docs/architecture.md');
  for (const day of days) {
    const spec = `days/${day.slug}/CHECKPOINT.md`;
    const section = requiredExportsSection(read(spec));
    for (const [file, names] of Object.entries(day.exports ?? {})) {
      const bullet = architectureBullet(architecture, file);
      for (const name of names) {
        for (const tree of ['days', 'solutions']) {
          if (!exportsName(read(`${tree}/${file}`), name))
            problems.push({
              file: `${tree}/${file}`,
              problem: `does not export ${name}, which ${manifestFile(day)} lists as ${day.id}'s export`,
              fix: `export it (\`export function ${name} …\` or \`export class ${name} …\`), or drop it from the manifest`,
            });
        }
        if (!section.includes(`days/${file}`) || !section.includes(name))
          problems.push({
            file: spec,
            problem: `its "## Required exports" does not name ${name} in days/${file} (${manifestFile(day)} lists it)`,
            fix: `add "- \`days/${file}\`: \`export … ${name} …\`" with its signature`,
          });
        if (!bullet.includes(name))
          problems.push({
            file: 'docs/architecture.md',
            problem: `its "Learner-facing modules" do not name ${name} in \`${file}\` (${manifestFile(day)} lists it)`,
            fix: `add "- \`${file}\`: \`${name}…\`" with its signature: it is a contract`,
          });
      }
    }
  }
  return problems;
}
