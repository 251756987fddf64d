// Day 6 steps 1 and 9: the workbook's tsc over the learner's tree. A compiler that did not run fails both steps.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { display, root } from '../../harness/paths.ts';
import { CheckError } from '../../harness/check.ts';
import { targetDir } from '../../harness/learner.ts';

/** The workbook's own TypeScript compiler. */
export const workbookTsc = resolve(root, 'node_modules/.bin/tsc');

interface CompilerRun {
  exitCode: number | string | null;
  signal: string | null;
  output: string;
}

// Runs `tsc` with `args`; never rejects: a compiler that could not start or crashed is described in the result.
async function runCompiler(tsc: string, args: string[]): Promise<CompilerRun> {
  return promisify(execFile)(tsc, args, { cwd: root, maxBuffer: 1 << 24 }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, signal: null, output: `${stdout}${stderr}` }),
    (error: { code?: number | string; signal?: string | null; stdout?: string; stderr?: string; message?: string }) => ({
      exitCode: error.code ?? null,
      signal: error.signal ?? null,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}` || (error.message ?? ''),
    }),
  );
}

// A compiler that failed without naming a type error did not check anything: that is not a pass.
function didNotRun(tsc: string, run: CompilerRun): CheckError {
  const how =
    typeof run.exitCode === 'string' ? `it could not be started (${run.exitCode})` : run.signal ? `it was killed by ${run.signal}` : `it exited with code ${run.exitCode} without reporting a type error`;
  const tail = run.output.trim().split('\n').slice(-5).join('\n') || '(no output)';
  return new CheckError(`tsc did not run to the end, so your files were not type-checked: ${how}.`, {
    expected: 'tsc to finish and list the type errors of your files (or none)',
    received: tail,
    where: `${display(tsc)} (the workbook's TypeScript compiler), run with a tsconfig that extends tsconfig.json`,
    fix: 'Run `npm run typecheck` by hand. If it fails the same way, reinstall the dependencies with `npm install` and check again.',
  });
}

/** Runs the workbook's tsc over the tree's files with a temporary tsconfig; returns its error lines. Throws a
 *  CheckError when the compiler could not start, crashed or failed without reporting a type error. */
export async function typecheck(extra: Record<string, boolean> = {}, tsc = workbookTsc): Promise<string[]> {
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'day6-tsc-'));
  const config = {
    extends: resolve(root, 'tsconfig.json'),
    compilerOptions: { noEmit: true, ...extra },
    include: [`${targetDir}/**/*.ts`],
    exclude: [`${targetDir}/**/node_modules`],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  try {
    const run = await runCompiler(tsc, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false']);
    const errors = run.output.split('\n').filter((line) => line.includes('error TS')).map((line) => line.replace(`${root}/`, ''));
    if (run.exitCode !== 0 && errors.length === 0) throw didNotRun(tsc, run);
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
