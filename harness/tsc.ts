// The one tsc runner: the workbook's TypeScript compiler over a temporary tsconfig that extends tsconfig.json.
// A compiler that could not start, was killed, or failed without naming a type error did not check anything, and
// says so: that is never read as "no type errors". Used by `check`'s compile step and day 6's steps 1 and 9.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { anyTreeCompilerOptions, outsideWorkbook } from './any-tree.ts';
import { display, root } from './paths.ts';

// TypeScript 7's compiler is a native program that node_modules/.bin/tsc starts from a Node script. Starting it
// directly saves that Node start (about 0.2 s of CPU a check); the script stays the fallback on a platform whose
// package is laid out otherwise.
const nativeTsc = resolve(root, `node_modules/@typescript/typescript-${process.platform}-${process.arch}/lib/tsc${process.platform === 'win32' ? '.exe' : ''}`);

/** The workbook's own TypeScript compiler: the native program if it is installed, else node_modules/.bin/tsc. */
export const workbookTsc = existsSync(nativeTsc) ? nativeTsc : resolve(root, 'node_modules/.bin/tsc');

/** The compiler flags day 6's step 9 adds to the workbook's strict tsconfig (our counterpart of `go vet`); the course
 *  lint holds the shipped scaffolds to them too. */
export const vetFlags = { noUnusedLocals: true, noImplicitReturns: true, noFallthroughCasesInSwitch: true };

/** The tsconfig fields a run sets beside `extends` (the workbook's tsconfig.json). */
export interface TscConfig {
  compilerOptions?: Record<string, unknown>;
  files?: string[];
  include?: string[];
  exclude?: string[];
}

/** A run that reached the end: everything tsc printed (its error lines among it). */
export interface TscRan {
  ran: true;
  output: string;
}

/** A run that did not: how it ended, the last lines it printed, and the advice to show the learner. */
export interface TscDidNotRun {
  ran: false;
  headline: string;
  tail: string;
  where: string;
  fix: string;
}

interface Ended {
  exitCode: number | string | null;
  signal: string | null;
  output: string;
}

// Runs `tsc` with `args`; never rejects.
function execTsc(tsc: string, args: string[]): Promise<Ended> {
  return new Promise((done) => {
    execFile(tsc, args, { cwd: root, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number | string; signal?: string | null }) | null;
      const output = `${stdout}${stderr}` || (failure?.message ?? '');
      done({ exitCode: failure ? (failure.code ?? null) : 0, signal: failure?.signal ?? null, output });
    });
  });
}

/** Runs `tsc` (default: the workbook's) over `config`; never rejects. */
export async function runTsc(config: TscConfig, tsc = workbookTsc): Promise<TscRan | TscDidNotRun> {
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'tsc-'));
  // Files outside the workbook are read as ES modules with the workbook's packages (harness/any-tree.ts).
  const anywhere = [...(config.files ?? []), ...(config.include ?? [])].some((path) => outsideWorkbook(path.replace(/[*?].*$/, '') || '.'))
    ? anyTreeCompilerOptions()
    : {};
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: resolve(root, 'tsconfig.json'), ...config, compilerOptions: { noEmit: true, ...anywhere, ...config.compilerOptions } }, null, 2),
  );
  try {
    const run = await execTsc(tsc, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false']);
    if (run.exitCode === 0 || run.output.includes('error TS')) return { ran: true, output: run.output };
    const how =
      typeof run.exitCode === 'string'
        ? `it could not be started (${run.exitCode})`
        : run.signal
          ? `it was killed by ${run.signal}`
          : `it exited with code ${run.exitCode} without reporting a type error`;
    return {
      ran: false,
      headline: `tsc did not run to the end, so your files were not type-checked: ${how}.`,
      tail: run.output.trim().split('\n').slice(-5).join('\n') || '(no output)',
      where: `${display(tsc)} (the workbook's TypeScript compiler), run with a tsconfig that extends tsconfig.json`,
      fix: 'Run `npm run typecheck` by hand. If it fails the same way, reinstall the dependencies with `npm install` and check again.',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
