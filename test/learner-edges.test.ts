// Rough edges a new learner meets, mended: the not-run count, the card's labels, plain words for a property on a union,
// the compile step folding a file that does not load, and the files our commands write kept out of git.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCompileFailure } from '../grader/collect.ts';
import { compileFailure, plainWords } from '../grader/compile.ts';
import { root } from '../grader/paths.ts';
import { renderDay, renderTests } from '../grader/render.ts';
import type { DayResult, TestResult } from '../grader/results.ts';
import { findDay } from '../course/days.ts';

const day2 = findDay('day2')!;
const needs = `not run — needs: ${day2.preconditions![0]!.needs}`;
const test = (name: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult => ({ group: 'G', name, status, message: status === 'failed' ? `${name} broke` : '', durationMs: 1, ...extra });

describe('what a learner reads', () => {
  it('counts the requirements a failed precondition kept from running like the summary line: bonus ones apart', () => {
    const result: DayResult = {
      id: 'day2',
      title: 'TCP server',
      passed: false,
      metrics: {},
      durationMs: 1,
      tests: [
        test(day2.preconditions![0]!.requirement, 'failed'),
        test('a', 'skipped', { message: needs }),
        test('b', 'skipped', { message: needs }),
        test('c', 'skipped', { message: needs, bonus: true }),
      ],
    };
    const text = renderDay(day2, result, { target: 'days', seed: 1 });
    expect(text).toContain(`${needs} — 2 requirements (and 1 bonus) not run:`);
    expect(text).toContain('· c (bonus)');
    expect(text).toContain('0 of 3 requirements hold; bonus: 0 of 1');
  });

  it('says in plain words how to read a property of a union, naming AddressInfo for server.address()', () => {
    const address = plainWords({ code: 'TS2339', text: "Property 'port' does not exist on type 'string | AddressInfo'.\n  Property 'port' does not exist on type 'string'." });
    expect(address).toMatch(/one of several types \(string \| AddressInfo\)/);
    expect(address).toContain('(server.address() as AddressInfo).port');
    expect(address).toContain("import { type AddressInfo } from 'node:net'");
    const other = plainWords({ code: 'TS2339', text: "Property 'length' does not exist on type 'number | string[]'." });
    expect(other).toMatch(/typeof x === 'string'/);
    expect(other).not.toContain('AddressInfo');
    expect(plainWords({ code: 'TS2339', text: "Property 'sise' does not exist on type 'Cache'." })).toMatch(/a typo/);
  });

  it('folds a file that does not load under the compile step, and leaves other failures alone', () => {
    const compile = compileFailure([{ file: resolve(root, 'days/02-server/server.ts'), line: 3, code: 'TS1005', text: "'}' expected." }]);
    const loadFailed = test('starts', 'failed', { cause: { kind: 'module-not-loaded', title: 'days/02-server/server.ts does not load' } });
    const other = test('replies', 'failed', { cause: { kind: 'reply-mismatch', title: 'a reply differs' } });
    const tests = withCompileFailure([loadFailed, other], compile);
    expect(tests.map((entry) => entry.name)).toEqual([compile.name, 'starts', 'replies']);
    expect(loadFailed.cause).toEqual(compile.cause);
    expect(other.cause?.kind).toBe('reply-mismatch');
    const text = renderTests({ id: 'day2', title: 'TCP server', passed: false, metrics: {}, durationMs: 1, tests });
    expect(text.split('\n').filter((line) => /^ {2}✗ /.test(line))).toEqual([`  ✗ ${compile.name}`, '  ✗ replies']);
    expect(text).toMatch(/also breaks:\n\s+✗ starts/);
  });
});

describe('files our commands write', () => {
  it('are ignored by git where the docs put them (--json files, the class page)', () => {
    const docs = ['README.md', ...['02-server', '05-performance'].map((slug) => `days/${slug}/README.md`)].map((file) => readFileSync(resolve(root, file), 'utf8')).join('\n');
    const jsonFiles = [...new Set([...docs.matchAll(/--json ([\w.-]+\.json)\b/g)].map((match) => match[1]!))];
    expect(jsonFiles).toContain('report.json');
    const written = [...jsonFiles, 'out.json', 'results.json', 'cachelings-report.json', 'reports/alice.json', 'reports/class.html', 'reports/class.md', 'class.html', 'class.md', 'out/class.html'];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...written], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(ignored.sort()).toEqual(written.sort());
  });
});
