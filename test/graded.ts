// One `npm run grade` of solutions/ and one of the pristine scaffolds per self-test run, shared by every test file
// that asks what they hold (and by the Node-version matrix in .ci/, which compares its own runs with these).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Checksums } from '../grader/checksums.ts';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { runGrader, scratchDir, type GraderRun } from './helpers.ts';

/** The two trees every run grades: the reference solution, and the scaffolds as shipped. */
export type Graded = 'solutions' | 'days';

/** A whole-week grade of a tree: what it printed, the JSON report, and the files a GitHub workflow would get. */
export interface GradedRun {
  run: GraderRun;
  report: Report;
  /** `--format classroom` result, the job summary (GITHUB_STEP_SUMMARY) and the step outputs (GITHUB_OUTPUT). */
  classroom: string;
  summary: string;
  output: string;
  /** The self-test run that graded it (CACHELINGS_TEST_RUN, set by test/global-setup.ts). */
  testRun?: string;
  /** Where the copy it graded lay: in the OS temp folder, outside the workbook (e.g. /tmp/cachelings-away-x/solutions). */
  target: string;
}

/** Every day's time limit, one after another, and room to start. */
export const gradeMs = days.reduce((sum, day) => sum + day.timeLimitSec * 1000, 0) + 30_000;

/** Where this Node version's runs are kept: `.tmp/graded/node-<major>/<tree>.json`. */
export function gradedFile(tree: Graded, major = process.versions.node.split('.')[0]!): string {
  return resolve(root, '.tmp/graded', `node-${major}`, `${tree}.json`);
}

/** Grades a copy of `tree` in the OS temp folder, outside the workbook (no package.json, no node_modules above it), as
 *  a GitHub workflow would (`--format classroom`, the full report through CACHELINGS_REPORT), with one checkpoint
 *  marked as edited so the tamper warning shows. The one whole-week grade of each tree thereby also proves that any
 *  tree, anywhere, grades as it does at home (harness/any-tree.ts). `grade` runs days 1–5 afresh whatever the state
 *  folder holds. */
export async function gradeTree(tree: Graded, node = process.execPath): Promise<GradedRun> {
  const dir = scratchDir(`graded-${tree}`);
  const file = (name: string) => join(dir, name);
  const shipped = JSON.parse(readFileSync(resolve(root, 'grader/checksums.json'), 'utf8')) as Checksums;
  writeFileSync(file('sums.json'), JSON.stringify({ ...shipped, checkpoints: { ...shipped.checkpoints, 'checkpoints/vitest.config.ts': 'edited' } }));
  const away = mkdtempSync(join(tmpdir(), 'cachelings-away-'));
  const target = join(away, tree);
  cpSync(resolve(root, tree), target, { recursive: true });
  try {
    // The self-test run's state folder when there is one: later checks of trees that share these days' files (the
    // day-6 fixtures, share) reuse the passes this grade records, as a learner's second run would.
    const env = {
      CACHELINGS_STATE_DIR: process.env.CACHELINGS_STATE_DIR ?? file('state'),
      GITHUB_STEP_SUMMARY: file('summary.md'),
      GITHUB_OUTPUT: file('output.txt'),
      CACHELINGS_CHECKSUMS: file('sums.json'),
      CACHELINGS_REPORT: file('report.json'),
    };
    const run = await runGrader(['grade', '--target', target, '--json', file('classroom.json'), '--format', 'classroom'], env, gradeMs, node);
    if (!existsSync(file('report.json'))) throw new Error(`grade --target ${tree} wrote no report (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
    const text = (name: string) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : '');
    return {
      run,
      report: JSON.parse(text('report.json')) as Report,
      classroom: text('classroom.json'),
      summary: text('summary.md'),
      output: text('output.txt'),
      testRun: process.env.CACHELINGS_TEST_RUN,
      target,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(away, { recursive: true, force: true });
  }
}

const runs = new Map<Graded, Promise<GradedRun>>();

// The grade `kept` holds, when this self-test run made it.
function thisRun(kept: string): GradedRun | undefined {
  if (!existsSync(kept) || !process.env.CACHELINGS_TEST_RUN) return undefined;
  const earlier = JSON.parse(readFileSync(kept, 'utf8')) as GradedRun;
  return earlier.testRun === process.env.CACHELINGS_TEST_RUN ? earlier : undefined;
}

// Whether this worker may grade `tree`: the first to create its lock file does; the others wait for its result.
function claim(kept: string): boolean {
  mkdirSync(resolve(kept, '..'), { recursive: true });
  try {
    writeFileSync(`${kept}.${process.env.CACHELINGS_TEST_RUN ?? 'solo'}.lock`, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/** This self-test run's grade of `tree`: made once (by whichever test file asks first, test files running side by
 *  side wait for it) and kept in `gradedFile(tree)`. */
export function graded(tree: Graded): Promise<GradedRun> {
  const kept = gradedFile(tree);
  if (!runs.has(tree)) {
    runs.set(
      tree,
      (async () => {
        const done = thisRun(kept);
        if (done) return done;
        if (!claim(kept)) {
          for (const deadline = Date.now() + gradeMs; Date.now() < deadline; await new Promise((wake) => setTimeout(wake, 1000))) {
            const made = thisRun(kept);
            if (made) return made;
          }
          throw new Error(`another test file of this run was grading ${tree} and did not finish within ${gradeMs / 1000} s`);
        }
        const result = await gradeTree(tree);
        // Written whole, then renamed: the Node matrix running beside the self-test reads it as soon as it appears.
        writeFileSync(`${kept}.${process.pid}.part`, JSON.stringify(result));
        renameSync(`${kept}.${process.pid}.part`, kept);
        return result;
      })(),
    );
  }
  return runs.get(tree)!;
}
