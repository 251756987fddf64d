// What points at a requirement from outside its checkpoint file: the fixtures' "caught by" tables name it by id, and
// no code file repeats its sentence, so rewording a requirement touches only its test file (and the guide quoting it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileRequirementId } from '../../compile.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';
import type { Listed } from './requirements.ts';

/** A requirement id named by a fixture table (`['fixture', 'id', …]`) or an `expectCaught`/`expectDiagnosed` call. */
export interface Reference {
  file: string;
  day: string;
  id: string;
}

/** The .ts files under `dir` (repo-relative), fixtures and dependencies left out. */
export function codeFiles(dir: string, base = root): string[] {
  return readdirSync(resolve(base, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) return [];
    if (statSync(resolve(base, path)).isDirectory()) return codeFiles(path, base);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The id a bug.patch names on a `Caught by: <id>` line before its diff (test/planted.test.ts grades those). */
export function caughtByLine(patch: string): string | undefined {
  return /^Caught by: (\S+)\s*$/m.exec(patch.slice(0, Math.max(0, patch.indexOf('--- '))))?.[1];
}

/** test/fixtures/dayN/<bug>/bug.patch files with a `Caught by:` line: [day, fixture folder, id]. */
export function caughtByPatches(base = root): [day: string, fixture: string, id: string][] {
  const fixtures = resolve(base, 'test/fixtures');
  if (!existsSync(fixtures)) return [];
  return readdirSync(fixtures)
    .filter((day) => /^day\d+$/.test(day))
    .flatMap((day) => readdirSync(join(fixtures, day)).map((name): [string, string] => [day, `${day}/${name}`]))
    .flatMap(([day, fixture]) => {
      const patch = join(fixtures, fixture, 'bug.patch');
      const id = existsSync(patch) ? caughtByLine(readFileSync(patch, 'utf8')) : undefined;
      return id === undefined ? [] : [[day, fixture, id] as [string, string, string]];
    });
}

/** The ids the fixture tables of test/dayN*.test.ts name (N of one digit or more), and the `Caught by:` lines of the
 *  patches, with the day each belongs to. */
export function fixtureReferences(base = root): Reference[] {
  const references: Reference[] = caughtByPatches(base).map(([day, fixture, id]) => ({ file: `test/fixtures/${fixture}/bug.patch`, day, id }));
  for (const file of codeFiles('test', base).filter((path) => /^test\/day\d+(?:\D[^/]*)?\.test\.ts$/.test(path))) {
    const day = `day${/^test\/day(\d+)/.exec(file)![1]}`;
    const text = readFileSync(resolve(base, file), 'utf8');
    for (const [, id] of text.matchAll(/^\s*\['[\w-]+', '([^']*)'[,\]]/gm)) references.push({ file, day, id: id! });
    for (const [, id] of text.matchAll(/expect(?:Caught|Diagnosed)\('day\d+', [^,]+, '([^']*)'/g)) references.push({ file, day, id: id! });
  }
  return references;
}

/** Fixture references to ids no requirement of that day declares. */
export function referenceProblems(listed: Listed[], references = fixtureReferences()): Problem[] {
  const known = new Set([...listed.map((test) => `${test.day}\0${test.id}`)]);
  return references
    .filter((ref) => ref.id !== compileRequirementId && !known.has(`${ref.day}\0${ref.id}`))
    .map((ref) => ({
      file: ref.file,
      problem: `names the requirement "${ref.id}", which ${ref.day} does not declare`,
      fix: `use the id of the it() meant to catch it (course/days.ts's explain keys list ${ref.day}'s ids)`,
    }));
}

/** Code files that quote a requirement's whole sentence as a string, outside its checkpoint file. */
export function sentenceProblems(listed: Listed[]): Problem[] {
  const files = ['course', 'grader', 'harness', 'checkpoints', 'test']
    .flatMap((dir) => codeFiles(dir))
    .map((file) => ({ file, text: readFileSync(resolve(root, file), 'utf8') }));
  const problems: Problem[] = [];
  for (const test of listed) {
    const raw = test.name.replace(/\\/g, '\\\\');
    const quoted = [`'${raw.replace(/'/g, "\\'")}'`, `"${raw.replace(/"/g, '\\"')}"`, `\`${raw}\``];
    for (const { file, text } of files) {
      if (file === test.module || !quoted.some((form) => text.includes(form))) continue;
      problems.push({
        file,
        problem: `quotes the sentence of ${test.day}'s requirement "${test.id ?? test.name}" (${test.module})`,
        fix: `name it by its id, '${test.id ?? '…'}', so rewording it touches only its test file`,
      });
    }
  }
  return problems;
}
