// Day 6 formats (prettier, step 8) and vets (tsc with noUnusedLocals and the small lint, step 9) every .ts file of the
// learner's tree, so a shipped scaffold must pass both as it is: otherwise a learner fails step 9 on code they never wrote.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as prettier from 'prettier';
import { listFiles } from '../../../harness/files.ts';
import { runTsc, vetFlags } from '../../../harness/tsc.ts';
import { debugPrintsIn, unusedExportsIn } from '../../../harness/vet.ts';
import { gradedExports, libraryFiles } from '../../../course/derived.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';

/** The .ts files of the scaffold tree `tree` (repo-relative, e.g. `days`) under `base`. */
function scaffoldTsFiles(base: string, tree: string): string[] {
  return listFiles(resolve(base, tree))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(tree, file));
}

/** Scaffold files prettier would reformat, with the tree's own Prettier config (days/.prettierrc.json). */
export async function scaffoldFormatProblems(base = root, tree = 'days'): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of scaffoldTsFiles(base, tree)) {
    const path = resolve(base, file);
    const config = await prettier.resolveConfig(path);
    if (await prettier.check(readFileSync(path, 'utf8'), { ...config, filepath: path })) continue;
    problems.push({
      file,
      problem: "is not formatted as day 6's step 8 (prettier) wants, so every learner would fail it",
      fix: `npx prettier --write ${file}`,
    });
  }
  return problems;
}

/** Scaffold lines tsc flags under day 6's step-9 flags (an unused import, local or private member, a missing return). */
export async function scaffoldVetProblems(base = root, tree = 'days'): Promise<Problem[]> {
  const dir = resolve(base, tree);
  const run = await runTsc({ compilerOptions: vetFlags, include: [`${dir}/**/*.ts`], exclude: [`${dir}/**/node_modules`] });
  if (!run.ran) return [{ file: tree, problem: `tsc did not run over the scaffolds: ${run.headline}`, fix: run.fix }];
  return run.output
    .split('\n')
    .filter((line) => line.includes('error TS'))
    .map((line) => {
      const [, path = line, where = '', message = line] = /^(.+?)(\(\d+,\d+\)): error (.+)$/.exec(line.trim()) ?? [];
      const file = relative(base, resolve(root, path));
      return {
        file,
        problem: `${where} ${message} (day 6's step 9 runs tsc with ${Object.keys(vetFlags).join(', ')} over every learner file: every learner would fail it)`,
        fix: 'use it where the TODO needs it, or name what a stub will use beside its throw: `void [name]; // what this uses; delete it with the throw below`',
      };
    });
}

/** Scaffold library code that day 6's small lint (step 9) flags: a debug print, or an export nothing imports. */
export function scaffoldLintProblems(base = root, tree = 'days'): Problem[] {
  const dir = resolve(base, tree);
  const files = scaffoldTsFiles(base, tree).map((file) => relative(tree, file));
  const required = new Set([...gradedExports().values()].flat());
  return [
    ...debugPrintsIn(dir, libraryFiles()).map(({ file, line, text }) => ({
      file: `${tree}/${file}`,
      problem: `line ${line} prints (${text}): day 6's step 9 fails every learner on a print in library code`,
      fix: 'drop the print; library code stays quiet (main.ts and examples may print)',
    })),
    ...unusedExportsIn(dir, files, libraryFiles(), required).map(({ file, name }) => ({
      file: `${tree}/${file}`,
      problem: `exports ${name}, which no file imports and no checkpoint loads: day 6's step 9 fails every learner who keeps it`,
      fix: `drop the export keyword (the file uses ${name} itself), or list it in the day's exports in course/days.ts if a checkpoint loads it`,
    })),
  ];
}
