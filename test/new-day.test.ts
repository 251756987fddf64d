// `npm run new-day` lays out a day that lints clean and grades: run in a copy of the repo under .tmp/, so the
// workbook itself never gets the extra day. The day's number follows the manifest's last one.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { refusal } from '../grader/tools/new-day.ts';
import { scratchDir } from './helpers.ts';
import { lastDay, nextDay } from './next-day.ts';

const { id, slug, title, number } = nextDay;

const copy = scratchDir('new-day');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Runs `node --import tsx <script> …args` in the copy. */
const inCopy = (script: string, ...args: string[]) =>
  execa(process.execPath, ['--import', 'tsx', script, ...args], { cwd: copy, reject: false, env: { FORCE_COLOR: '0', INIT_CWD: copy } });

describe('npm run new-day', () => {
  it(`lays out ${id} in a copy of the repo, lint-clean, its solution passing and its scaffold not implemented yet (new-day)`, async () => {
    for (const name of readdirSync(root).filter((entry) => !['node_modules', '.git', '.tmp', '.cachelings'].includes(entry))) {
      cpSync(resolve(root, name), join(copy, name), { recursive: true });
    }
    symlinkSync(resolve(root, 'node_modules'), join(copy, 'node_modules'));
    const made = await inCopy('grader/tools/new-day.ts', slug, title);
    expect(made.exitCode, made.stdout + made.stderr).toBe(0);
    expect(made.stdout).toContain('The course is consistent');
    for (const file of [
      `days/${slug}/expiry.ts`,
      `solutions/${slug}/expiry.ts`,
      `days/${slug}/README.md`,
      `days/${slug}/CHECKPOINT.md`,
      `checkpoints/${id}/expiry.test.ts`,
      `test/fixtures/${id}/wrong-answer/bug.patch`,
    ]) {
      expect(existsSync(join(copy, file)), file).toBe(true);
    }
    const entry = [`course/days/${slug}.ts`, 'course/days.ts'].find(
      (file) => existsSync(join(copy, file)) && readFileSync(join(copy, file), 'utf8').includes(`slug: '${slug}'`),
    );
    expect(entry, 'the manifest has the day, in its own file or in the one list').toBeDefined();
    const [solved, scaffold] = await Promise.all([inCopy('grader/cli.ts', 'check', id, '--target', 'solutions'), inCopy('grader/cli.ts', 'check', id)]);
    expect(solved.exitCode, solved.stdout + solved.stderr).toBe(0);
    expect(scaffold.exitCode, scaffold.stdout).toBe(1);
    expect(scaffold.stdout).toContain(`not implemented yet: expiry in days/${slug}/expiry.ts`);
    expect(existsSync(resolve(root, `days/${slug}`)), `the repo itself has no ${id} (${relative(root, copy)} has)`).toBe(false);
    expect(days.map((day) => day.id)).not.toContain(id);
  }, 120_000);

  it('refuses a taken number, a folder name that is not NN-words, and a missing title (new-day-refusals)', () => {
    expect(refusal(`${lastDay.slug.slice(0, 2)}-more`, 'More')).toMatch(new RegExp(`^${lastDay.id} exists already`));
    expect(refusal(`${number % 10}-expiry`, title)).toMatch(/not a day folder name/);
    expect(refusal(slug, undefined)).toMatch(/Give the folder name and the title/);
    expect(refusal(slug, title)).toBeUndefined();
  });
});
