// Planted-bug fixtures follow the solution: a small bug is a bug.patch (it stops applying when the solution moves), and
// a whole-file rewrite still exports what the solution file exports. A whole file that is mostly the solution's
// lines is a copy that will drift unseen: the lint asks for a patch instead (test/fixtures/README.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { days as allDays, type Day } from '../../../course/days.ts';
import { listFiles } from '../../../harness/files.ts';
import { root } from '../../paths.ts';
import { patched } from '../patch.ts';
import type { Problem } from './problem.ts';
import { caughtByPatches, codeFiles, fixtureReferences, type Reference } from './references.ts';

/** Above this share of a whole-file fixture's lines found unchanged in the solution, it should be a bug.patch. */
export const copyShare = 0.85;

/** The value names a TypeScript file exports (functions, classes, variables). */
function valueExports(source: string): string[] {
  return [...source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+(\w+)/gm)].map((match) => match[1]!);
}

/** The share of `copy`'s non-blank lines that appear in `original`, in order (a longest common subsequence). */
export function sharedShare(original: string, copy: string): number {
  const a = original.split('\n').filter((line) => line.trim() !== '');
  const b = copy.split('\n').filter((line) => line.trim() !== '');
  if (b.length === 0) return 0;
  let row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const next = [0];
    for (let j = 1; j <= b.length; j += 1) next[j] = line === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return row[b.length]! / b.length;
}

/** The whole-file fixtures of test/fixtures/dayN/*: [fixture folder, file relative to the tree]. */
export function wholeFileFixtures(base = root): [string, string][] {
  const fixtures = resolve(base, 'test/fixtures');
  if (!existsSync(fixtures)) return [];
  return readdirSync(fixtures)
    .filter((day) => /^day\d+$/.test(day))
    .flatMap((day) => readdirSync(join(fixtures, day)).map((name) => join(fixtures, day, name)))
    .filter((dir) => statSync(dir).isDirectory())
    .flatMap((dir) =>
      listFiles(dir)
        .filter((file) => file !== 'bug.patch')
        .map((file): [string, string] => [relative(base, dir), file]),
    );
}

/** Whole-file fixtures that are nearly a copy of their solution file, or no longer export what it exports. */
export function fixtureCopyProblems(base = root): Problem[] {
  const problems: Problem[] = [];
  for (const [dir, file] of wholeFileFixtures(base)) {
    const solution = resolve(base, 'solutions', file);
    const path = `${dir}/${file}`;
    if (!existsSync(solution)) {
      problems.push({
        file: path,
        problem: `lays over solutions/${file}, which does not exist`,
        fix: 'move it to the path of the learner file it replaces (laid out like days/)',
      });
      continue;
    }
    const [original, copy] = [readFileSync(solution, 'utf8'), readFileSync(resolve(base, path), 'utf8')];
    const share = sharedShare(original, copy);
    if (share >= copyShare)
      problems.push({
        file: path,
        problem: `is ${Math.round(share * 100)}% lines of solutions/${file}: a copy that will not follow the solution`,
        fix: `make it a bug.patch (diff -u against solutions/${file}, test/fixtures/README.md), which stops applying when the solution moves`,
      });
    if (!file.endsWith('.ts')) continue;
    const missing = valueExports(original).filter((name) => !valueExports(copy).includes(name));
    if (missing.length > 0)
      problems.push({
        file: path,
        problem: `does not export ${missing.join(', ')}, which solutions/${file} exports: it drifted from the solution`,
        fix: `re-make it from solutions/${file}, planting the same bug`,
      });
  }
  return problems;
}

/** Days whose planted bugs no fixture table names, and fixture folders no test uses. */
export function plantedProblems(days: Day[] = allDays, base = root, references: Reference[] = fixtureReferences(base)): Problem[] {
  const problems: Problem[] = [];
  for (const day of days.filter((day) => !references.some((ref) => ref.day === day.id))) {
    problems.push({
      file: `test/fixtures/${day.id}`,
      problem: `no planted bug names a requirement of ${day.id}: nothing shows its checks catch one`,
      fix: `plant one in test/fixtures/${day.id}/<bug>/bug.patch, its first line "Caught by: <requirement id>" (test/planted.test.ts grades it; npm run new-day writes one)`,
    });
  }
  const tests = codeFiles('test', base)
    .map((file) => readFileSync(resolve(base, file), 'utf8'))
    .join('\n');
  const fixtures = resolve(base, 'test/fixtures');
  const folders = existsSync(fixtures)
    ? readdirSync(fixtures)
        .filter((day) => /^day\d+$/.test(day))
        .flatMap((day) => readdirSync(join(fixtures, day)).map((name) => `${day}/${name}`))
    : [];
  const declared = new Set(caughtByPatches(base).map(([, fixture]) => fixture));
  for (const folder of folders.filter((folder) => !declared.has(folder))) {
    const name = folder.split('/')[1]!;
    if (!tests.includes(`'${name}'`) && !tests.includes(`${folder}'`) && !tests.includes(`${folder}\``))
      problems.push({
        file: `test/fixtures/${folder}`,
        problem: 'is a planted bug no test uses',
        fix: 'open its bug.patch with the line "Caught by: <requirement id>" (test/planted.test.ts grades it), or delete the folder',
      });
  }
  return problems;
}

/** Planted-bug patches that no longer apply to the solution, even with fuzz (grader/tools/patch.ts). */
export function patchProblems(base = root): Problem[] {
  const fixtures = resolve(base, 'test/fixtures');
  if (!existsSync(fixtures)) return [];
  const folders = readdirSync(fixtures)
    .filter((day) => /^day\d+$/.test(day))
    .flatMap((day) => readdirSync(join(fixtures, day)).map((name) => `${day}/${name}`));
  const problems: Problem[] = [];
  for (const folder of folders) {
    const files = listFiles(join(fixtures, folder));
    if (!files.includes('bug.patch') || files.length > 1) continue; // a patch over the fixture's own files: its test applies it
    try {
      patched(join(fixtures, folder, 'bug.patch'), resolve(base, 'solutions'));
    } catch (error) {
      const why = error instanceof Error ? (/\(@@[^)]*\)/.exec(error.message)?.[0] ?? error.message) : String(error);
      problems.push({
        file: `test/fixtures/${folder}/bug.patch`,
        problem: `no longer applies to the solution ${why}: the solution changed where it plants its bug`,
        fix: 'plant the bug again in a copy of the solution file and write the diff with diff -u (test/fixtures/README.md, "Making or re-making a patch")',
      });
    }
  }
  return problems;
}
