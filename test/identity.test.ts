// Reports say who and what: the learner, the commit of a git checkout, the time and the grader's version, and per
// failure the learner's file and the cause as the terminal shows it (grader/identity.ts, grader/report.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, lookAtOf, whyOf } from '../grader/identity.ts';
import { buildReport } from '../grader/report.ts';
import { root } from '../grader/paths.ts';
import type { DayResult } from '../grader/results.ts';

// The 1-based line of `file` (repo-relative) that `pattern` matches first.
const declared = (file: string, pattern: RegExp) =>
  readFileSync(resolve(root, file), 'utf8')
    .split('\n')
    .findIndex((line) => pattern.test(line)) + 1;
const tree = mkdtempSync(join(tmpdir(), 'cachelings-identity-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.org', ...args], { cwd: tree, encoding: 'utf8' }).trim();
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('who and what a report is about', () => {
  it('names the learner from the last commit, with its sha, and says when files differ from it (identity-git)', () => {
    git('init', '-q');
    writeFileSync(join(tree, 'a.ts'), 'export {};\n');
    git('add', '-A');
    git('commit', '-qm', 'first');
    const sha = git('rev-parse', 'HEAD');
    const clean = identify(tree, undefined);
    expect(clean).toMatchObject({ learner: 'Ada Lovelace', commit: { sha, dirty: false }, grader: { version: '0.1.0' } });
    expect(Date.now() - Date.parse(clean.at)).toBeLessThan(60_000);
    writeFileSync(join(tree, 'a.ts'), 'export const x = 1;\n');
    expect(identify(tree, undefined).commit).toEqual({ sha, dirty: true });
  });

  it('takes --learner over git, and leaves out the commit of a tree that is no checkout (identity-flag)', () => {
    const plain = mkdtempSync(join(tmpdir(), 'cachelings-plain-'));
    try {
      const who = identify(plain, 'Grace');
      expect(who.learner).toBe('Grace');
      expect(who.commit).toBeUndefined();
      expect(identify(plain, undefined).learner, "no git: the folder, never the workbook's author").toBe(basename(plain));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it("names a clone with no commits of the learner's after its folder, skipping the workbook's and a bot's commits (identity-own)", () => {
    const clone = mkdtempSync(join(tmpdir(), 'cachelings-clone-'));
    const run = (name: string, ...args: string[]) =>
      execFileSync('git', ['-c', `user.name=${name}`, '-c', 'user.email=x@example.org', ...args], { cwd: clone, encoding: 'utf8' });
    try {
      run('Author', 'init', '-q');
      mkdirSync(join(clone, 'grader'));
      mkdirSync(join(clone, 'days'));
      writeFileSync(join(clone, 'grader', 'checksums.json'), '{}\n');
      writeFileSync(join(clone, 'days', 'a.ts'), 'export {};\n');
      run('Workbook Author', 'add', '-A');
      run('Workbook Author', 'commit', '-qm', 'the workbook as shipped');
      expect(identify(join(clone, 'days'), undefined).learner, "only the workbook's commits").toBe('days');
      writeFileSync(join(clone, 'days', 'a.ts'), 'export const a = 1;\n');
      run('github-classroom[bot]', 'commit', '-qam', 'Initial commit');
      expect(identify(join(clone, 'days'), undefined).learner, 'a bot is no learner').toBe('days');
      writeFileSync(join(clone, 'days', 'a.ts'), 'export const a = 2;\n');
      run('Grace Hopper', 'commit', '-qam', 'day 1');
      expect(identify(join(clone, 'days'), undefined).learner).toBe('Grace Hopper');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it("reads the learner's file from the advice's where, relative to the tree, wherever the tree lies (identity-look-at)", () => {
    expect(
      lookAtOf({ message: '', advice: { expected: "'v'", received: 'undefined', where: `Cache.nope in ${tree}/01-cache/cache.ts`, fix: '…' } }, tree),
    ).toEqual({ file: '01-cache/cache.ts' });
    expect(lookAtOf({ message: '', advice: { where: 'solutions/02-server/server.ts:41:7' } }, 'solutions')).toEqual({ file: '02-server/server.ts', line: 41 });
    expect(
      lookAtOf({ message: '', advice: { where: 'Cache.get in solutions/01-cache/cache.ts' } }, 'solutions'),
      'a function named: the line that declares it',
    ).toEqual({ file: '01-cache/cache.ts', line: declared('solutions/01-cache/cache.ts', /^\s+get\(/) });
    expect(lookAtOf({ message: '', advice: { where: 'library code (cache.ts, server.ts) stays quiet' } }, tree), 'no file of the tree named').toBeUndefined();
    expect(
      lookAtOf({ message: 'Look at:  solutions/02-server/server.ts:41:7', advice: { fix: 'no where' } }, 'solutions'),
      'never read back from the message',
    ).toBeUndefined();
    expect(lookAtOf({ message: 'no such line' }, tree)).toBeUndefined();
  });

  it('gives the cause as the terminal shows it: the guide entry over the observed kind (identity-why)', () => {
    const failed = {
      id: 'shared-cache',
      message: 'GET k on a second connection returned (nil)',
      cause: { kind: 'protocol-mismatch', title: 'a reply differs from the protocol table' },
    };
    expect(whyOf('day2', failed)).toEqual({
      title: "Clients do not see each other's keys",
      guide: 'days/02-server/README.md#clients-do-not-see-each-others-keys',
    });
    expect(whyOf('day1', { message: 'Something odd\nExpected: x' })).toEqual({ title: 'Something odd' });
  });

  it('puts lookAt and why on failures only, and the header fields beside target (identity-report)', () => {
    mkdirSync(join(tree, '01-cache'), { recursive: true });
    for (const file of ['cache.ts', 'rwlock.ts']) writeFileSync(join(tree, '01-cache', file), 'export {};\n');
    const day: DayResult = {
      id: 'day1',
      title: 'Core',
      passed: false,
      durationMs: 1,
      metrics: {},
      tests: [
        {
          group: 'Cache',
          name: 'returns keys',
          id: 'stores-keys',
          status: 'failed',
          message: `Look at:  ${tree}/01-cache/cache.ts:3`,
          advice: { where: `${tree}/01-cache/cache.ts:3` },
          durationMs: 1,
        },
        { group: 'Cache', name: 'forgets', id: 'deletes', status: 'passed', message: '', durationMs: 1 },
      ],
    };
    const report = buildReport(tree, 7, [day]);
    expect(Object.keys(report).slice(0, 6)).toEqual(['version', 'target', 'learner', 'commit', 'at', 'grader']);
    expect(report.days[0]!.tests[0]).toMatchObject({
      lookAt: { file: '01-cache/cache.ts', line: 3 },
      why: { title: '`get` does not return what `set` stored' },
    });
    expect(report.days[0]!.tests[1]).not.toHaveProperty('why');
    expect(report.days[0]).toMatchObject({ state: 'failing' });
    rmSync(join(tree, '01-cache', 'rwlock.ts'));
    const missing = buildReport(tree, 7, [day]).days[0]!.tests[0]!;
    expect(missing, 'a missing file is its own cause').toMatchObject({
      cause: { kind: 'missing-file' },
      lookAt: { file: '01-cache/rwlock.ts' },
      why: { title: '01-cache/rwlock.ts is missing from your tree' },
    });
  });
});
