// Every planted-bug fixture loads: laid over solutions/ it type-checks, so a fixture caught only because it does
// not compile cannot pass for a caught bug. (The fixtures are outside the workbook's tsconfig; this checks them.)
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { scratchDir, treeWith } from './helpers.ts';

const fixtures = resolve(root, 'test/fixtures');
// Every fixture folder: day1/shared-map, grader/throws-at-import, review/day1-noisy, …
const all = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((day) =>
    readdirSync(join(fixtures, day.name), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${day.name}/${entry.name}`),
  )
  .sort();

// Fixtures whose type errors are expected: the planted bug is a type error (the compile step must catch it), or it
// changes a type a later day's solution relies on (day 1's own files still compile, which is what day 1 checks).
const expectedTypeErrors: Record<string, RegExp> = {
  'day2/buffer-type': /^02-server\/server\.ts\(\d+,\d+\): error TS2322: Type 'Buffer<ArrayBufferLike>'/,
  // Any later day's file may rely on get's type (today 05-performance/resp.ts): a new day's needs no edit here.
  'day1/get-null': /^\d{2}-[\w-]+\/[\w./-]+\.ts\(\d+,\d+\): error TS\d+: (Argument of )?[Tt]ype 'string \| null'/,
};

describe('planted-bug fixtures', () => {
  it('type-check when laid over solutions/, each one (patches applied)', async () => {
    const trees = new Map(all.map((fixture) => [fixture, treeWith(fixture)]));
    const dir = scratchDir('fixtures-tsc');
    try {
      const config = {
        extends: resolve(root, 'tsconfig.json'),
        compilerOptions: { noEmit: true },
        include: [...trees.values()].map((tree) => `${tree}/**/*.ts`),
        exclude: [],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
      const run = await execa(resolve(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, reject: false });
      const errors = run.stdout.split('\n').filter((line) => line.includes('error TS'));
      const byFixture = [...trees].flatMap(([fixture, tree]) =>
        errors.filter((line) => line.includes(`${relative(root, tree)}/`)).map((line) => `${fixture}: ${line.replace(`${relative(root, tree)}/`, '')}`),
      );
      const unexpected = byFixture.filter((line) => {
        const fixture = line.slice(0, line.indexOf(': '));
        return !expectedTypeErrors[fixture]?.test(line.slice(fixture.length + 2));
      });
      expect(unexpected, 'every fixture compiles, but for its planted type error').toEqual([]);
      for (const [fixture, pattern] of Object.entries(expectedTypeErrors)) {
        expect(
          byFixture.some((line) => line.startsWith(`${fixture}: `) && pattern.test(line.slice(fixture.length + 2))),
          `${fixture} plants ${pattern}`,
        ).toBe(true);
      }
      const outside = errors.filter((line) => ![...trees.values()].some((tree) => line.includes(`${relative(root, tree)}/`)));
      expect(outside, 'no error outside the fixtures either').toEqual([]);
      expect(/error TS/.test(run.stdout) || run.exitCode === 0, `tsc ran to the end: ${run.stdout.slice(-500)}${run.stderr.slice(-500)}`).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const tree of trees.values()) rmSync(tree, { recursive: true, force: true });
    }
  });
});
