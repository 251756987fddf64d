// `npm run new-day` lays out a day that lints clean and grades: run in a copy of the repo under .tmp/, so the
// workbook itself never gets a day 7.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { refusal } from '../grader/tools/new-day.ts';
import { scratchDir } from './helpers.ts';

const copy = scratchDir('new-day');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs `node --import tsx <script> …args` in the copy. */
const inCopy = (script: string, ...args: string[]) => execa(process.execPath, ['--import', 'tsx', script, ...args], { cwd: copy, reject: false, env: { FORCE_COLOR: '0', INIT_CWD: copy } });

describe('npm run new-day', () => {
  it('lays out day 7 in a copy of the repo, lint-clean, its solution passing and its scaffold not implemented yet (new-day)', async () => {
    for (const name of readdirSync(root).filter((entry) => !['node_modules', '.git', '.tmp', '.cachelings'].includes(entry))) {
      cpSync(resolve(root, name), join(copy, name), { recursive: true });
    }
    symlinkSync(resolve(root, 'node_modules'), join(copy, 'node_modules'));
    const made = await inCopy('grader/tools/new-day.ts', '07-expiry', 'Key expiry');
    expect(made.exitCode, made.stdout + made.stderr).toBe(0);
    expect(made.stdout).toContain('The course is consistent');
    for (const file of ['days/07-expiry/expiry.ts', 'solutions/07-expiry/expiry.ts', 'days/07-expiry/README.md', 'days/07-expiry/CHECKPOINT.md', 'checkpoints/day7/expiry.test.ts', 'test/fixtures/day7/wrong-answer/bug.patch']) {
      expect(existsSync(join(copy, file)), file).toBe(true);
    }
    const entry = ['course/days/07-expiry.ts', 'course/days.ts'].find((file) => existsSync(join(copy, file)) && readFileSync(join(copy, file), 'utf8').includes("slug: '07-expiry'"));
    expect(entry, 'the manifest has the day, in its own file or in the one list').toBeDefined();
    const [solved, scaffold] = await Promise.all([inCopy('grader/cli.ts', 'check', 'day7', '--target', 'solutions'), inCopy('grader/cli.ts', 'check', 'day7')]);
    expect(solved.exitCode, solved.stdout + solved.stderr).toBe(0);
    expect(scaffold.exitCode, scaffold.stdout).toBe(1);
    expect(scaffold.stdout).toContain('not implemented yet: expiry in days/07-expiry/expiry.ts');
    expect(existsSync(resolve(root, 'days/07-expiry')), `the repo itself has no day 7 (${relative(root, copy)} has)`).toBe(false);
    expect(days.map((day) => day.id)).not.toContain('day7');
  }, 120_000);

  it('refuses a taken number, a folder name that is not NN-words, and a missing title (new-day-refusals)', () => {
    expect(refusal('06-more', 'More')).toMatch(/^day6 exists already/);
    expect(refusal('7-expiry', 'Key expiry')).toMatch(/not a day folder name/);
    expect(refusal('07-expiry', undefined)).toMatch(/Give the folder name and the title/);
    expect(refusal('07-expiry', 'Key expiry')).toBeUndefined();
  });
});
