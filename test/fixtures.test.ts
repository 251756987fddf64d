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
  .flatMap((day) => readdirSync(join(fixtures, day.name), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${day.name}/${entry.name}`))
  .sort();

describe('planted-bug fixtures', () => {
  it('type-check when laid over solutions/, each one (patches applied)', async () => {
    const trees = new Map(all.map((fixture) => [fixture, treeWith(fixture)]));
    const dir = scratchDir('fixtures-tsc');
    try {
      const config = { extends: resolve(root, 'tsconfig.json'), compilerOptions: { noEmit: true }, include: [...trees.values()].map((tree) => `${tree}/**/*.ts`), exclude: [] };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
      const run = await execa(resolve(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, reject: false });
      const errors = run.stdout.split('\n').filter((line) => line.includes('error TS'));
      const byFixture = [...trees].flatMap(([fixture, tree]) => errors.filter((line) => line.includes(`${relative(root, tree)}/`)).map((line) => `${fixture}: ${line.replace(`${relative(root, tree)}/`, '')}`));
      expect(byFixture, 'every fixture compiles').toEqual([]);
      expect(errors, 'no error outside the fixtures either').toEqual([]);
      expect(run.exitCode, `tsc ran to the end: ${run.stdout.slice(-500)}${run.stderr.slice(-500)}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const tree of trees.values()) rmSync(tree, { recursive: true, force: true });
    }
  });
});
