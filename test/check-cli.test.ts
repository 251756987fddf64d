// The grader's command-line contract: day names, --target, --json, seeds, and usage errors (exit 2).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { runGrader, scratchDir, treeWith } from './helpers.ts';

describe('npm run check', () => {
  it.each([['day1'], ['1'], ['01-cache']])('accepts the day name "%s"', async (name) => {
    // The name is resolved before anything runs: an --only that matches nothing lists that day's requirements, and
    // exits 2, without a run (the test below checks a whole day end to end).
    const run = await runGrader(['check', name, '--target', 'solutions', '--only', 'no requirement says this']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(2);
    expect(run.stdout + run.stderr).toContain(`No requirement of ${days[0]!.id} contains "no requirement says this"`);
  });

  // One whole check of solutions/, named relative to the folder npm was run in (test/), serves the next two tests.
  let solved: Promise<{ run: Awaited<ReturnType<typeof runGrader>>; report: Report }> | undefined;
  const solvedRun = () =>
    (solved ??= (async () => {
      const dir = scratchDir('json');
      const file = join(dir, 'r.json');
      const run = await runGrader(['check', 'day1', '--target', '../solutions', '--json', file], { GRADER_SEED: '4242', INIT_CWD: resolve(root, 'test') });
      const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : ({} as Report);
      rmSync(dir, { recursive: true });
      return { run, report };
    })());

  it('resolves a relative --target from the folder npm was run in', async () => {
    const { run, report } = await solvedRun();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(report.target, "../solutions from test/ is the repo's solutions/").toBe('solutions');
  });

  it('passes solutions/ and writes the JSON report of docs/architecture.md with --json, replaying GRADER_SEED', async () => {
    const { run, report } = await solvedRun();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ day 1 passed');
    expect(run.stdout, 'a pass points at the reference solution').toContain('solutions/01-cache/');
    expect(report).toMatchObject({ version: 1, target: 'solutions', seed: 4242, passed: true });
    const [day] = report.days;
    expect(day).toMatchObject({ id: 'day1', passed: true, metrics: {} });
    expect(day!.tests.length, 'one entry per requirement').toBeGreaterThan(5);
    for (const test of day!.tests) {
      expect(Object.keys(test).sort(), 'each test has exactly these fields').toEqual(['durationMs', 'group', 'id', 'message', 'name', 'status']);
      expect(test.status).toBe('passed');
    }
  });

  it("shows what the learner's code prints as [your_code] lines with --debug, and nothing of it without", async () => {
    const tree = treeWith('review/day1-noisy');
    try {
      const quiet = await runGrader(['check', 'day1', '--target', tree, '--only', 'returns each of ten']);
      const debug = await runGrader(['check', 'day1', '--target', tree, '--only', 'returns each of ten', '--debug']);
      expect(debug.stdout, 'console.log in Cache.set reaches the learner').toMatch(/^\[your_code\] SET \S+$/m);
      expect(quiet.stdout).not.toContain('[your_code]');
      expect(quiet.stdout).not.toMatch(/^SET \S+$/m);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('fails the pristine scaffold with exit 1, naming the unfinished function and the seed', async () => {
    const run = await runGrader(['check', 'day1'], { GRADER_SEED: '7' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('not implemented yet: Cache.set in days/01-cache/cache.ts');
    expect(run.stdout).toContain('GRADER_SEED=7 npm run check day1');
    expect(run.stdout).toContain('npm run hint day1');
  });

  it.each([
    [['check', 'day9'], /There is no day "day9"\. Valid days: day1 \(01-cache\)/],
    [['check'], /Which day\?/],
    [['check', 'day1', '--target', 'no-such-folder'], /--target no-such-folder: no such folder/],
    [['check', 'day1', '--target', 'grader'], /grader has no 01-cache\/ folder/],
    [['check', 'day1', '--json', 'missing-dir/r.json'], /--json missing-dir\/r\.json: the folder .* does not exist/],
    [['check', 'day1', '--colour'], /Unknown option --colour/],
    [['check', 'day1', '--target'], /--target needs a value/],
    [['explode'], /Unknown command "explode"/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const run = await runGrader(args);
    expect(run.exitCode, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
  });

  it.each([
    [
      ['check', 'day1', 'out.json'],
      { npm_lifecycle_event: 'check', npm_config_json: 'true' },
      'npm kept --json for itself',
      'npm run check day1 -- --json out.json',
    ],
    [['hint', 'day1'], { npm_lifecycle_event: 'hint', npm_config_all: 'true' }, 'npm kept --all for itself', 'npm run hint day1 -- --all'],
    [
      ['grade', 'solutions'],
      { npm_lifecycle_event: 'grade', npm_config_target: 'true' },
      'npm kept --target for itself',
      'npm run grade -- --target solutions',
    ],
    [['check', 'day1', 'day2'], {}, 'npm run check takes one day; "day2" is not used', 'npm run check day1'],
    [['status', 'day3'], {}, 'npm run status takes no day', 'npm run status'],
  ])('refuses stray words and npm-swallowed options in %j with the command to run instead', async (args, env, said, fix) => {
    const dir = scratchDir('stray');
    const run = await runGrader(args, { ...env, CACHELINGS_STATE_DIR: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(run.exitCode, run.stdout + run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n'), 'one line').toHaveLength(1);
    expect(run.stderr).toContain(said);
    expect(run.stderr.trimEnd().endsWith(fix), run.stderr).toBe(true);
    expect(run.stdout, 'nothing was run').toBe('');
  });

  it('leaves npm_config_ variables alone when npm ran another script (npm test runs the grader inside)', async () => {
    const run = await runGrader(['check', 'day1', '--target', 'solutions', '--only', 'replaces the value'], {
      npm_lifecycle_event: 'test',
      npm_config_json: 'true',
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  });

  it('explains every command and option with --help, and exits 0', async () => {
    const run = await runGrader(['check', '--help']);
    expect(run.exitCode, run.stderr).toBe(0);
    for (const option of ['--target DIR', '--json FILE', '--only TEXT', '--repeat N', '--debug', '--format F']) {
      expect(run.stdout, `--help should explain ${option}`).toContain(option);
    }
    expect(run.stdout).toContain('npm run check ');
  });

  it('exits 2 for a GRADER_SEED that is not a whole number, writing nothing', async () => {
    const dir = scratchDir('seed');
    const run = await runGrader(['check', 'day1', '--json', join(dir, 'r.json')], { GRADER_SEED: 'banana' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('GRADER_SEED must be a whole number');
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});
