// Day 6 steps 1 and 9: the workbook's tsc over the learner's tree (harness/tsc.ts). A compiler that did not run fails both steps.
import { CheckError } from '../../harness/check.ts';
import { targetDir } from '../../harness/learner.ts';
import { root } from '../../harness/paths.ts';
import { runTsc, workbookTsc } from '../../harness/tsc.ts';

export { workbookTsc };

/** Runs the workbook's tsc over the tree's files with a temporary tsconfig; returns its error lines. Throws a
 *  CheckError when the compiler could not start, crashed or failed without reporting a type error. */
export async function typecheck(extra: Record<string, boolean> = {}, tsc = workbookTsc): Promise<string[]> {
  const run = await runTsc({ compilerOptions: extra, include: [`${targetDir}/**/*.ts`], exclude: [`${targetDir}/**/node_modules`] }, tsc);
  if (!run.ran)
    throw new CheckError(run.headline, {
      expected: 'tsc to finish and list the type errors of your files (or none)',
      received: run.tail,
      where: run.where,
      fix: run.fix,
    });
  return run.output
    .split('\n')
    .filter((line) => line.includes('error TS'))
    .map((line) => line.replace(`${root}/`, ''));
}
