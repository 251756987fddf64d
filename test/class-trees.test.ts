// A small class of real trees, graded by the grader itself and read back by `npm run class`: not started (the shipped
// scaffold), done (solutions/), failing (a planted day-1 bug, graded through Exercism's bin/run.sh), blocked by a
// compile error (day 2 on a day-1 file that does not parse), regressed (the failing tree, with an earlier report in
// which day 1 passed), a report cut short, and a roster name with no report. Each shows its true state in the JSON
// report and on the page; the scaffold scores nothing in Classroom; the failing tree's .git is left as it was.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { toClassroom } from '../grader/classroom.ts';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { applyPatch } from '../grader/tools/patch.ts';
import { graded, gradeMs } from './graded.ts';
import { cli, freshState } from './grader-helpers.ts';

const away = mkdtempSync(join(tmpdir(), 'cachelings-class-trees-'));
const folder = join(away, 'reports');
const at = (file: string) => join(away, file);
let failing: Report;
let blocked: Report;
let results: { version: number; status: string; tests: { name: string; status: string; message?: string; test_code: string; task_id: number }[] };
let ran: { exitCode?: number; stderr: string };
let gitBefore: string;
let page: ReturnType<typeof parseHTML>['document'];

// Every file under `dir` with its bytes and times: what "nothing written" is held to.
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string): void => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      const stat = statSync(full);
      hash.update(`${full}:${stat.mtimeMs}:${stat.size}\n`);
      if (stat.isDirectory()) walk(full);
      else hash.update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

// A learner's report as `--learner NAME` would name it, made `hours` before now when it is history.
const named = (report: Report, learner: string, hours = 0) => ({
  ...report,
  learner,
  ...(hours && { at: new Date(Date.now() - hours * 3_600_000).toISOString() }),
});
const write = (file: string, data: unknown) => writeFileSync(join(folder, file), `${JSON.stringify(data, null, 2)}\n`);

beforeAll(async () => {
  const [done, untouched] = await Promise.all([graded('solutions'), graded('days')]);
  // Fay: delete keeps the key (a planted day-1 bug), in a git checkout of her own, graded as Exercism runs a day.
  const fay = at('fay');
  cpSync(resolve(root, 'solutions'), fay, { recursive: true });
  applyPatch(resolve(root, 'test/fixtures/day1/delete-noop/bug.patch'), fay);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Fay Learner', '-c', 'user.email=fay@example.org', ...args], { cwd: fay });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'day 1');
  gitBefore = fingerprint(fay);
  const run = await execa(resolve(root, 'bin/run.sh'), ['day1', `${fay}/`, `${at('out')}/`], {
    reject: false,
    env: { CACHELINGS_REPORT: at('fay.json'), CACHELINGS_STATE_DIR: freshState() },
    timeout: 120_000,
  });
  ran = { exitCode: run.exitCode, stderr: run.stderr };
  results = JSON.parse(readFileSync(at('out/results.json'), 'utf8'));
  failing = JSON.parse(readFileSync(at('fay.json'), 'utf8'));
  // Bo: a day-1 file that does not parse, checked on day 2.
  const bo = at('bo');
  cpSync(resolve(root, 'solutions'), bo, { recursive: true });
  writeFileSync(join(bo, '01-cache/cache.ts'), `${readFileSync(join(bo, '01-cache/cache.ts'), 'utf8')}\nexport const broken = ;\n`);
  const check = await cli(['check', 'day2', '--target', bo, '--json', at('bo.json'), '--learner', 'Bo'], freshState(), { timeoutMs: 120_000 });
  expect(check.exitCode, check.stderr).toBe(1);
  blocked = JSON.parse(readFileSync(at('bo.json'), 'utf8'));
  mkdirSync(folder);
  write('nat.json', named(untouched.report, 'Nat'));
  write('dot.json', named(done.report, 'Dot'));
  write('fay.json', failing);
  write('bo.json', blocked);
  write('rey.json', named(failing, 'Rey'));
  write('rey-last-week.json', named(done.report, 'Rey', 24 * 7));
  writeFileSync(join(folder, 'bea.json'), JSON.stringify(named(done.report, 'Bea')).slice(0, 900));
  writeFileSync(at('roster.txt'), ['Nat', 'Dot', 'Fay Learner', 'Bo', 'Rey', 'Bea', 'Ro'].join('\n'));
  const view = await cli(['class', folder, at('page'), '--roster', at('roster.txt')], freshState());
  expect(view.exitCode, view.stderr).toBe(0);
  expect(view.stderr, 'no error line for a readable folder').not.toMatch(/^✗/m);
  page = parseHTML(readFileSync(at('page/class.html'), 'utf8')).document;
}, gradeMs + 240_000);
afterAll(() => rmSync(away, { recursive: true, force: true }));

const row = (name: string) => page.querySelector(`tr.learner[data-learner="${name}"]`)!;
const cells = (name: string) => [...row(name).querySelectorAll('td.day')].map((cell) => cell.getAttribute('data-state'));

describe('a class of real trees', () => {
  it("records each day's state in the JSON report: not started, passed, failing, not reached (class-trees-json)", async () => {
    expect(failing.learner, "the author of the tree's own commit").toBe('Fay Learner');
    expect(failing.days.map((day) => [day.id, day.state])).toEqual([['day1', 'failing']]);
    expect(blocked.days.map((day) => [day.id, day.state, day.blockedBy])).toEqual([['day2', 'not-reached', 'day1']]);
    const broken =
      readFileSync(at('bo/01-cache/cache.ts'), 'utf8')
        .split('\n')
        .findIndex((line) => line.startsWith('export const broken')) + 1;
    expect(blocked.days[0]!.tests.find((test) => test.id === 'compiles')!.lookAt, "the compile step's file and line, as data").toEqual({
      file: '01-cache/cache.ts',
      line: broken,
    });
    expect((await graded('days')).report.days.map((day) => day.state)).toEqual(days.map(() => 'not-started'));
    expect((await graded('days')).report.learner, "a tree outside git: its folder, never the workbook's author").toBe('days');
    // solutions/ passes every day (test/workbook.test.ts holds that); here only that its state says what `passed` says.
    expect((await graded('solutions')).report.days.map((day) => day.state)).toEqual(
      (await graded('solutions')).report.days.map((day) => (day.passed ? 'passed' : 'failing')),
    );
  });

  it("shows each learner's true state on the page, a regression only where history shows the day passed (class-trees-page)", async () => {
    const done = (await graded('solutions')).report;
    expect(cells('Nat')).toEqual(days.map(() => 'not-started'));
    expect(cells('Dot')).toEqual(done.days.map((day) => (day.passed ? 'passing' : 'failing')));
    expect(cells('Fay Learner')[0]).toBe('failing');
    expect(cells('Bo').slice(0, 2)).toEqual(['not-graded', 'not-reached']);
    expect(row('Bo').querySelector('td.day[data-day="day2"]')!.textContent).toBe('↩ day1');
    expect(row('Rey').getAttribute('data-regression')).toBe('true');
    expect(row('Fay Learner').getAttribute('data-regression'), 'no history, no regression').toBeNull();
    expect(page.querySelectorAll('tr.learner[data-regression]')).toHaveLength(1);
    expect(row('Bea').getAttribute('data-broken')).toBe('true');
    expect(row('Ro').getAttribute('data-no-report')).toBe('true');
    expect(row('Ro').querySelector('td.first')!.textContent).toMatch(/no report/);
  });

  it("names the file and the line of a logic failure on the page and in Classroom's row (class-trees-line)", () => {
    const test = failing.days[0]!.tests.find((entry) => entry.id === 'delete-forgets')!;
    const line =
      readFileSync(at('fay/01-cache/cache.ts'), 'utf8')
        .split('\n')
        .findIndex((text) => /^\s+delete\(/.test(text)) + 1;
    expect(test.lookAt, 'Look at names Cache.delete: the line that declares it').toEqual({ file: '01-cache/cache.ts', line });
    expect(row('Fay Learner').querySelector('code.look-at')!.textContent).toBe(`01-cache/cache.ts:${test.lookAt!.line}`);
    const classroom = toClassroom(failing, false).tests.find((entry) => entry.name.endsWith(test.name))!;
    expect(classroom).toMatchObject({ status: 'fail', filename: '01-cache/cache.ts', line_no: test.lookAt!.line });
  });

  it('gives the untouched scaffold no point in Classroom (class-trees-points)', async () => {
    const classroom = JSON.parse((await graded('days')).classroom) as ReturnType<typeof toClassroom>;
    expect(classroom.tests.reduce((sum, entry) => sum + entry.score, 0)).toBe(0);
    expect(classroom.tests.every((entry) => /is not started/.test(entry.message))).toBe(true);
  });

  it("runs Exercism's bin/run.sh on a failing tree: exit 0, a valid version-3 results.json, nothing written into the tree (class-trees-exercism)", () => {
    expect(ran.exitCode, ran.stderr).toBe(0);
    expect(results).toMatchObject({ version: 3, status: 'fail' });
    expect(results.tests.length).toBeGreaterThan(0);
    for (const test of results.tests) {
      expect(test.name).toMatch(/^day1 · /);
      expect(['pass', 'fail', 'error']).toContain(test.status);
      expect(test.task_id).toBe(1);
      expect(test.test_code, test.name).toMatch(/^(it\(|\/\/ your files compile)/);
      if (test.status === 'pass') expect(test).not.toHaveProperty('message');
      else expect(test.message, test.name).not.toMatch(/npm run|README\.md/);
    }
    expect(fingerprint(at('fay')), 'the tree and its .git as they were').toBe(gitBefore);
  });
});
