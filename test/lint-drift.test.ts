// The course lint fails, naming the fix, for each coupling once it is broken: each test plants one drift in a copy of
// the files it reads (under .tmp/) or in a copy of the manifest, and runs the lint's function in-process.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber, days, findDay, type Day } from '../course/days.ts';
import { besideEachOther, libraryFiles } from '../course/derived.ts';
import { root } from '../grader/paths.ts';
import { dayTableProblems, gradeOrderProblems, writeGradeOrder } from '../grader/tools/lint/day-lists.ts';
import { exportProblems } from '../grader/tools/lint/exports.ts';
import { fixtureCopyProblems, patchProblems, plantedProblems } from '../grader/tools/lint/fixtures.ts';
import { staleGateProblems } from '../grader/tools/lint/gate-figures.ts';
import { figure, gates } from '../course/gates.ts';
import { foldedBlocks, hintProblems, renderHints } from '../grader/tools/lint/guides.ts';
import { fixtureReferences, referenceProblems } from '../grader/tools/lint/references.ts';
import type { Listed } from '../grader/tools/lint/requirements.ts';
import { scaffoldFormatProblems, scaffoldLintProblems, scaffoldVetProblems } from '../grader/tools/lint/scaffolds.ts';
import { requirementTable, specTableProblems, withTable } from '../grader/tools/lint/spec-tables.ts';
import { scratchDir } from './helpers.ts';
import { nextDay, twoDigitNumber } from './next-day.ts';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A scratch copy of the repo's `paths` (files or folders), for a lint function to read with `base`. */
function copyOf(...paths: string[]): string {
  const base = scratchDir('lint-drift');
  copies.push(base);
  for (const path of paths) cpSync(resolve(root, path), join(base, path), { recursive: true });
  return base;
}

function write(base: string, path: string, text: string): void {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
}

const day1 = days[0]!;
const { id: newId, slug: newSlug } = nextDay;
const expiry: Day = { ...day1, id: newId, slug: newSlug, title: nextDay.title, exports: { [`${newSlug}/expiry.ts`]: ['expiry'] }, preconditions: [] };

describe('the course lint names the fix for each drift', () => {
  it('a folded hint whose words differ from the manifest (hint-differs)', () => {
    const hint = day1.hints[0]!;
    const guide = readFileSync(resolve(root, `days/${day1.slug}/README.md`), 'utf8').replace(hint, hint.replace('Map<string, string>', 'Map<string,string>'));
    const problems = hintProblems(day1, guide);
    expect(problems).toEqual([
      expect.objectContaining({
        file: `days/${day1.slug}/README.md`,
        problem: expect.stringMatching(/folds hint 1 with other words .* from character \d+: the guide has ".*Map<string,string>/),
      }),
    ]);
    expect(problems[0]!.fix).toContain('npm run lint:course -- --write folds it into the guide');
    expect(hintProblems(day1, renderHints(day1, guide)), 'the guide rendered from the manifest folds it again').toEqual([]);
    expect(hintProblems(day1, `${guide}\n<details><summary>Hint 5</summary>\n\nAn extra one.\n</details>\n`).at(-1)!.problem).toContain(
      `folds a hint 5 that course/days/${day1.slug}.ts`,
    );
  });

  it('a reworded or moved hint: --write rewrites its summary, a hand-written title follows its hint (hint-summary)', () => {
    const summaries = (guide: string) => foldedBlocks(guide).map((block) => block.summary);
    const guide = readFileSync(resolve(root, `days/${day1.slug}/README.md`), 'utf8');
    const [first, ...others] = day1.hints;
    const reworded: Day = { ...day1, hints: [`Which store holds the values? ${first!}`, ...others] };
    expect(summaries(renderHints(reworded, guide))[0]).toBe('Hint 1: Which store holds the values?');
    const titled = days.find((day) =>
      foldedBlocks(readFileSync(resolve(root, `days/${day.slug}/README.md`), 'utf8')).some(
        (block, i) => block.summary !== `Hint ${i + 1}: ${day.hints[i]!.split('?')[0]}?`,
      ),
    )!;
    const titledGuide = readFileSync(resolve(root, `days/${titled.slug}/README.md`), 'utf8');
    const before = summaries(titledGuide);
    const swapped: Day = { ...titled, hints: [titled.hints[1]!, titled.hints[0]!, ...titled.hints.slice(2)] };
    const after = summaries(renderHints(swapped, titledGuide));
    expect(after.slice(0, 2)).toEqual([before[1]!.replace(/^Hint 2/, 'Hint 1'), before[0]!.replace(/^Hint 1/, 'Hint 2')]);
    expect(hintProblems(swapped, renderHints(swapped, titledGuide))).toEqual([]);
  });

  it('a CHECKPOINT.md requirement table missing a requirement (table-row-missing)', () => {
    const base = copyOf(`days/${day1.slug}/CHECKPOINT.md`);
    const listed: Listed[] = [{ day: day1.id, module: day1.checkpoints[0]!, group: 'Cache', name: 'returns each stored key', id: 'stores-keys' }];
    const path = join(base, `days/${day1.slug}/CHECKPOINT.md`);
    writeFileSync(path, withTable(readFileSync(path, 'utf8'), requirementTable(day1, listed)));
    expect(specTableProblems(day1, listed, base)).toEqual([]);
    const added = [...listed, { ...listed[0]!, name: 'forgets a deleted key', id: 'delete-forgets' }];
    expect(specTableProblems(day1, added, base)).toEqual([
      {
        file: `days/${day1.slug}/CHECKPOINT.md`,
        problem: 'the requirement table has no row | `delete-forgets` | Cache | forgets a deleted key |',
        fix: 'npm run lint:course -- --write (rows are written from the checkpoints)',
      },
    ]);
  });

  it('a scaffold with an unused import, or unformatted (scaffold-vet)', async () => {
    const base = copyOf('days');
    const cache = readFileSync(join(base, 'days/01-cache/cache.ts'), 'utf8');
    write(
      base,
      'days/01-cache/cache.ts',
      cache.replace(/^(\/\/.*\n)+/, (header) => `${header}import { join } from 'node:path';\n`),
    );
    write(base, 'days/01-cache/rwlock.ts', readFileSync(join(base, 'days/01-cache/rwlock.ts'), 'utf8').replace('export class', 'export   class'));
    const [format, vet] = await Promise.all([scaffoldFormatProblems(base), scaffoldVetProblems(base)]);
    expect(format).toEqual([expect.objectContaining({ file: 'days/01-cache/rwlock.ts', fix: 'npx prettier --write days/01-cache/rwlock.ts' })]);
    expect(vet).toEqual([
      expect.objectContaining({ file: 'days/01-cache/cache.ts', problem: expect.stringContaining("'join' is declared but its value is never read") }),
    ]);
    expect(vet[0]!.fix).toContain('void [name]');
    expect(scaffoldLintProblems(base)).toEqual([]);
    write(base, 'days/01-cache/cache.ts', `${cache}export const helper = 1;\nconsole.log('debug');\n`);
    expect(scaffoldLintProblems(base).map((problem) => problem.problem)).toEqual([
      `line ${cache.split('\n').length + 1} prints (console.log('debug');): day 6's step 9 fails every learner on a print in library code`,
      "exports helper, which no file imports and no checkpoint loads: day 6's step 9 fails every learner who keeps it",
    ]);
  });

  it('a new day missing from the derived lists and the front page (new-day-lists)', () => {
    const withExpiry = [...days, expiry];
    expect(besideEachOther(withExpiry), 'a day with no gate is graded side by side, without an edit').toEqual([...besideEachOther(), newId]);
    expect(libraryFiles(withExpiry)).toContain(`${newSlug}/expiry.ts`);
    expect(plantedProblems(withExpiry)).toEqual([
      expect.objectContaining({ file: `test/fixtures/${newId}`, problem: expect.stringContaining(`no planted bug names a requirement of ${newId}`) }),
    ]);
    expect(dayTableProblems(withExpiry)).toEqual([
      {
        file: 'README.md',
        problem: `the table of days has no row for ${newId} (days/${newSlug})`,
        fix: `add "| ${nextDay.number} | \`days/${newSlug}\` | Key expiry: … |" after the row of the day before it`,
      },
    ]);
    const order = gradeOrderProblems(withExpiry);
    expect(order.map((problem) => problem.file)).toEqual(['docs/architecture.md', 'docs/architecture.md']);
    expect(order[0]!.problem).toMatch(new RegExp(`the days graded side by side are [\\d, ]+ and ${nextDay.number}\\b`));
    const base = copyOf('README.md', 'docs/architecture.md');
    expect(writeGradeOrder(withExpiry, base)).toEqual(['docs/architecture.md']);
    expect(gradeOrderProblems(withExpiry, base)).toEqual([]);
  });

  it('a day numbered 10 or more: found by number, listed, and its fixture table read (day-10)', () => {
    const n = twoDigitNumber;
    const tenth: Day = { ...expiry, id: `day${n}`, slug: `${n}-eviction`, title: 'Eviction' };
    expect(dayNumber(tenth)).toBe(n);
    expect(dayTableProblems([...days, tenth])[0]!.fix).toContain(`| ${n} | \`days/${n}-eviction\` |`);
    const base = copyOf();
    write(
      base,
      `test/day${n}.test.ts`,
      `const planted = [\n  ['evicts-newest', 'evicts-oldest'],\n];\nawait expectCaught('day${n}', 'day${n}/x', 'keeps-size');\n`,
    );
    write(base, `test/fixtures/day${n}/no-limit/bug.patch`, `Caught by: stays-small\n--- a/${n}-eviction/evict.ts\n+++ b/${n}-eviction/evict.ts\n`);
    const references = fixtureReferences(base);
    expect(references).toEqual([
      { file: `test/fixtures/day${n}/no-limit/bug.patch`, day: `day${n}`, id: 'stays-small' },
      { file: `test/day${n}.test.ts`, day: `day${n}`, id: 'evicts-oldest' },
      { file: `test/day${n}.test.ts`, day: `day${n}`, id: 'keeps-size' },
    ]);
    const declared: Listed[] = [{ day: `day${n}`, module: `checkpoints/day${n}/evict.test.ts`, group: '', name: 'evicts the oldest key', id: 'evicts-oldest' }];
    expect(referenceProblems(declared, references).map((problem) => problem.problem)).toEqual([
      `names the requirement "stays-small", which day${n} does not declare`,
      `names the requirement "keeps-size", which day${n} does not declare`,
    ]);
    expect(findDay(String(n))).toBeUndefined(); // not in the manifest: findDay reads only days.ts
  });

  it('an export a checkpoint loads that the manifest does not list, or a scaffold that lost it (exports)', () => {
    const base = copyOf('checkpoints/day1', 'days', 'solutions/01-cache', 'docs/architecture.md');
    write(base, 'checkpoints/day1/ttl.test.ts', "await learnerModule<{ ttl: () => number }>(file, ['ttl']);\n");
    write(base, 'days/01-cache/rwlock.ts', readFileSync(join(base, 'days/01-cache/rwlock.ts'), 'utf8').replace('export class RWLock', 'class RWLock'));
    const problems = exportProblems([day1], base);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'checkpoints/day1/ttl.test.ts', problem: expect.stringContaining('ttl, which no day') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'days/01-cache/rwlock.ts', problem: expect.stringContaining('does not export RWLock') }));
  });

  it('a whole-file fixture that is a near copy of the solution (fixture-copy)', () => {
    const base = copyOf('solutions/01-cache');
    write(base, 'test/fixtures/day1/copied/01-cache/cache.ts', readFileSync(join(base, 'solutions/01-cache/cache.ts'), 'utf8'));
    expect(fixtureCopyProblems(base)).toEqual([
      expect.objectContaining({
        file: 'test/fixtures/day1/copied/01-cache/cache.ts',
        problem: expect.stringContaining('100% lines of solutions/01-cache/cache.ts'),
      }),
    ]);
    write(base, 'test/fixtures/day1/copied/01-cache/cache.ts', '// Another store\nexport class Store {}\n');
    expect(fixtureCopyProblems(base)[0]!.problem).toContain('does not export Cache');
  });

  it('a guide still stating a gate figure the gate no longer has, named by line (gate-stale)', () => {
    const quoting = [...new Set(Object.values(gates).flatMap((gate) => [...gate.quotedIn, ...('fallback' in gate ? gate.fallback.quotedIn : [])]))];
    const base = copyOf(...quoting);
    expect(staleGateProblems(base)).toEqual([]);
    const file = gates.get.quotedIn[0]!;
    const [old, stale] = [figure(gates.get.value), figure(gates.get.value + 7)];
    const text = readFileSync(join(base, file), 'utf8');
    const line = text.split('\n').findIndex((entry) => entry.includes(`than **${old} ops/s`)) + 1;
    expect(line, `${file} states the get gate as "more than **${old} ops/s**"`).toBeGreaterThan(0);
    write(base, file, text.replace(`than **${old} ops/s`, `than **${stale} ops/s`));
    expect(staleGateProblems(base)).toEqual([
      expect.objectContaining({ file: `${file}:${line}`, problem: expect.stringContaining(`states ${stale} where a gate's figure stands`) }),
    ]);
  });

  it('a planted-bug patch the solution has outgrown (patch-outgrown)', () => {
    const base = copyOf('solutions/02-server', 'test/fixtures/day2/del-answers-boolean');
    expect(patchProblems(base)).toEqual([]);
    const protocol = join(base, 'solutions/02-server/protocol.ts');
    const solution = readFileSync(protocol, 'utf8');
    writeFileSync(protocol, solution.replace("    case 'DEL':", "    case 'EXISTS':\n      return '0';\n    case 'DEL':"));
    expect(patchProblems(base), 'a case added next to the planted bug: applied with fuzz').toEqual([]);
    writeFileSync(protocol, solution.replace("      cache.delete(args[0]!);\n      return 'OK';", "      return cache.delete(args[0]!) ? 'OK' : 'OK';"));
    expect(patchProblems(base)).toEqual([
      expect.objectContaining({
        file: 'test/fixtures/day2/del-answers-boolean/bug.patch',
        problem: expect.stringMatching(/^no longer applies to the solution \(@@ /),
      }),
    ]);
  });
});
