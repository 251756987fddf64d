// The grader's command-line contract: day names, --target, --json, seeds, and usage errors (exit 2).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { runGrader, scratchDir } from './helpers.ts';

describe('npm run check', () => {
  it.each([['day1'], ['1'], ['01-cache']])('accepts the day name "%s"', async (name) => {
    const run = await runGrader(['check', name, '--target', 'solutions']);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ day 1 passed');
    expect(run.stdout, 'a pass points at the reference solution').toContain('solutions/01-cache/');
  });

  it('writes the JSON report of docs/architecture.md with --json, replaying GRADER_SEED', async () => {
    const dir = scratchDir('json');
    const file = join(dir, 'r.json');
    const run = await runGrader(['check', 'day1', '--target', 'solutions', '--json', file], { GRADER_SEED: '4242' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    rmSync(dir, { recursive: true });
    expect(report).toMatchObject({ version: 1, target: 'solutions', seed: 4242, passed: true });
    const [day] = report.days;
    expect(day).toMatchObject({ id: 'day1', passed: true, metrics: {} });
    expect(day!.tests.length, 'one entry per requirement').toBeGreaterThan(5);
    for (const test of day!.tests) {
      expect(Object.keys(test).sort(), 'each test has exactly these fields').toEqual(['durationMs', 'group', 'message', 'name', 'status']);
      expect(test.status).toBe('passed');
    }
  });

  it('resolves a relative --target from the folder npm was run in', async () => {
    const run = await runGrader(['check', 'day1', '--target', '../solutions'], { INIT_CWD: resolve(root, 'test') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
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
