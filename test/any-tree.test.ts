// A tree outside the workbook (OS temp folder, no package.json or node_modules above it) read as the workbook reads
// its own: tsx runs it as ES modules with the workbook's packages, tsc type-checks it, and the grader writes nothing
// into it. The whole-week grades of test/graded.ts grade such copies of solutions/ and the scaffolds day by day.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { days, type Day } from '../course/days.ts';
import { compileFailure, typeErrors } from '../grader/compile.ts';
import { anyTreeNodeOptions, outsideWorkbook } from '../harness/any-tree.ts';
import { root } from '../harness/paths.ts';
import { runTsc } from '../harness/tsc.ts';
import { cli, freshState } from './grader-helpers.ts';

const tree = mkdtempSync(join(tmpdir(), 'cachelings-any-tree-'));
writeFileSync(
  join(tree, 'main.ts'),
  "import { build } from 'hdr-histogram-js';\nimport { twice } from './twice.ts';\nconst h = build();\nh.recordValue(twice(21));\nconsole.log(`max ${h.maxValue} ${typeof import.meta.url}`);\n",
);
writeFileSync(join(tree, 'twice.ts'), 'export const twice = (n: number): number => n * 2;\n');
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('any tree, anywhere', () => {
  it('tells the workbook from elsewhere (any-tree-where)', () => {
    expect(outsideWorkbook(tree)).toBe(true);
    expect(outsideWorkbook(join(root, 'solutions'))).toBe(false);
    expect(anyTreeNodeOptions(join(root, 'days'), {}), 'nothing added at home').toEqual({});
  });

  it('runs a file of the tree under tsx as an ES module that finds hdr-histogram-js (any-tree-tsx)', async () => {
    const env = { ...process.env, ...anyTreeNodeOptions(tree, { ...process.env, NODE_OPTIONS: '' }) };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(tree, 'main.ts')], { cwd: root, env });
    expect(stdout.trim(), 'the import, the relative .ts import and import.meta all work').toBe('max 42 string');
  });

  it("type-checks the tree as ES modules with the workbook's packages, and still finds its type errors (any-tree-tsc)", async () => {
    const clean = await runTsc({ files: [join(tree, 'main.ts')], include: [] });
    expect(clean).toEqual({ ran: true, output: '' });
    writeFileSync(join(tree, 'wrong.ts'), "import { twice } from './twice.ts';\nexport const s: string = twice(1);\n");
    const wrong = await runTsc({ files: [join(tree, 'wrong.ts')], include: [] });
    expect(wrong.ran && wrong.output, 'a real type error is still one').toMatch(/wrong\.ts\(2,14\): error TS2322/);
    rmSync(join(tree, 'wrong.ts'));
  });

  it('names a package that neither the tree nor the workbook has, as a type error of the tree (any-tree-missing)', async () => {
    writeFileSync(join(tree, 'pad.ts'), "import leftPad from 'left-pad';\nexport const padded: string = leftPad('1', 3);\n");
    const day = { ...days[0]!, files: ['pad.ts', 'main.ts'], typecheck: true } as Day;
    const found = await typeErrors(day, tree);
    rmSync(join(tree, 'pad.ts'));
    expect(Array.isArray(found) && found.map((error) => `${error.code} ${error.text}`)).toEqual([
      "TS2307 Cannot find module 'left-pad' or its corresponding type declarations.",
    ]);
    expect(compileFailure(found)!.message).toMatch(/neither in your tree's node_modules nor among the workbook's/);
  });

  it('writes nothing into the tree, and refuses a tree inside node_modules in one line (any-tree-refuse)', async () => {
    expect(readdirSync(tree).sort()).toEqual(['main.ts', 'twice.ts']);
    const run = await cli(['check', 'day1', '--target', 'node_modules/vitest'], freshState());
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/lies inside a node_modules folder/);
  });
});
