// The layers import one way: course/ ← harness/ ← checkpoints/, and grader/ on course/ and harness/ only
// (docs/architecture.md). No checkpoint or instrument starts the grader or a vitest of its own.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../harness/files.ts';
import { root } from '../harness/paths.ts';
import { codeOnly, importsOf } from './imports.ts';

type Layer = 'course' | 'harness' | 'checkpoints' | 'grader';
const layers: Layer[] = ['course', 'harness', 'checkpoints', 'grader'];

/** The folders each layer may import from. */
const may: Record<Layer, Layer[]> = {
  course: ['course'],
  harness: ['harness', 'course'],
  checkpoints: ['checkpoints', 'harness', 'course'],
  grader: ['grader', 'harness', 'course'],
};

const sources = layers.flatMap((layer) =>
  listFiles(resolve(root, layer))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${layer}/${file}`),
);

function layerOf(path: string): Layer | undefined {
  return layers.find((layer) => path === layer || path.startsWith(`${layer}/`));
}

// `file → target` for each import of `file` that points the wrong way (a package counts as no layer).
function wrongWay(file: string): string[] {
  const from = layerOf(file)!;
  const found: string[] = [];
  for (const { specifier, line } of importsOf(readFileSync(resolve(root, file), 'utf8'))) {
    const shown = `${file}:${line} imports '${specifier}'`;
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), specifier));
      const to = layerOf(target);
      if (to && may[from].includes(to)) continue;
      found.push(`${shown} (${to ?? 'outside the four layers'}${to ? `: ${from}/ may import only ${may[from].join(', ')}` : ''})`);
    } else if (specifier.startsWith('@learner/') && from !== 'checkpoints') {
      found.push(`${shown} (only checkpoints/ load the learner's code through @learner/)`);
    } else if (/^vitest($|\/)/.test(specifier) && (from === 'harness' || from === 'course')) {
      found.push(`${shown} (${from}/ has no vitest in it)`);
    } else if (from === 'course' && !specifier.startsWith('node:')) {
      found.push(`${shown} (course/ is data: it imports no package)`);
    }
  }
  return found;
}

// Whether `source` starts vitest itself: its command-line entry, `npx vitest`, or vitest's node API.
function startsVitestSource(source: string): boolean {
  const { code, strings } = codeOnly(source);
  const specifiers = new Set(importsOf(source).map((entry) => entry.offset));
  // Import specifiers and `declare module 'vitest'` name vitest without starting it.
  const named = ([offset]: [number, string]) => specifiers.has(offset) || /\bmodule\s*$/.test(code.slice(0, offset));
  const texts = [...strings].filter((entry) => !named(entry)).map(([, text]) => text);
  return /\b(startVitest|createVitest|vitestBin)\b/.test(code) || texts.some((text) => /vitest\.mjs|\.bin\/vitest|^vitest$/.test(text));
}

function startsVitestIn(file: string): boolean {
  return startsVitestSource(readFileSync(resolve(root, file), 'utf8'));
}

describe('the layers', () => {
  it('reads every kind of import and nothing inside comments, strings, templates or regexes', () => {
    const sample = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import './side.ts';",
      "type D = typeof import('./d.ts');",
      "const e = await import('./e.ts');",
      "// import { no } from './comment.ts';",
      "const text = `import { no } from './template.ts' ${JSON.stringify({ a: '}' })} import('./template2.ts')`;",
      "const args = ['--import', 'tsx'];",
      "const pattern = /['\"]import ('x')/g;",
      "import {\n  f,\n  g,\n} from './f.ts';",
    ].join('\n');
    expect(importsOf(sample).map((entry) => `${entry.line}:${entry.specifier}`)).toEqual([
      '1:./a.ts',
      '2:../b.ts',
      '3:./c.ts',
      '4:./side.ts',
      '5:./d.ts',
      '6:./e.ts',
      '14:./f.ts',
    ]);
  });

  it('finds the files of every layer', () => {
    for (const layer of layers)
      expect(
        sources.some((file) => file.startsWith(`${layer}/`)),
        `${layer}/ has .ts files`,
      ).toBe(true);
    expect(sources).toContain('checkpoints/day6/checklist.test.ts');
  });

  it('imports only one way: course ← harness ← checkpoints, and grader on course and harness', () => {
    expect(sources.flatMap(wrongWay), 'imports that point the wrong way (file:line imports …)').toEqual([]);
  });

  it("never starts the grader's runDay from a checkpoint or an instrument", () => {
    const offenders = sources.filter(
      (file) => /^(checkpoints|harness)\//.test(file) && /\brunDay\b/.test(codeOnly(readFileSync(resolve(root, file), 'utf8')).code),
    );
    expect(offenders, 'checkpoints and instruments never start the grader (its results are handed in: harness/hand-in.ts)').toEqual([]);
  });

  it("starts vitest from no checkpoint and no instrument (the grader runs the learner's own tests first: learnerRuns)", () => {
    const starters = sources.filter((file) => /^(checkpoints|harness)\//.test(file) && startsVitestIn(file));
    expect(starters, 'files under checkpoints/ or harness/ that start vitest').toEqual([]);
  });

  it('notices a file that starts vitest, by its entry point, npx or the node API', () => {
    for (const line of [
      "spawn(process.execPath, [vitestBin, 'run']);",
      "execa('npx', ['vitest', 'run']);",
      "spawn(node, [resolve(root, 'node_modules/vitest/vitest.mjs')]);",
      "import { startVitest } from 'vitest/node';",
    ]) {
      expect(startsVitestSource(line), line).toBe(true);
    }
    expect(startsVitestSource("import { describe, it } from 'vitest';\ndeclare module 'vitest' {}\n// vitest.mjs in a comment")).toBe(false);
  });
});
