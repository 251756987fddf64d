// Rough edges a new learner meets, mended: the not-run count, the card's labels, plain words for a property on a union,
// the compile step folding a file that does not load, the files our commands write kept out of git, npm's lines around a
// usage error, and hints that start from the last failure.
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCompileFailure } from '../grader/collect.ts';
import { compileFailure, plainWords } from '../grader/compile.ts';
import { root } from '../grader/paths.ts';
import { renderDay, renderTests } from '../grader/render.ts';
import type { DayResult, TestResult } from '../grader/results.ts';
import { days, findDay } from '../course/days.ts';
import { readProgress, recordProgress } from '../grader/progress.ts';
import { cliHere, freshState } from './grader-helpers.ts';
import { runGrader } from './helpers.ts';

// Every cause kind harness/cause-kind.ts names (read from its source, so a new kind needs no second list).
const causeKinds = [...readFileSync(resolve(root, 'harness/cause-kind.ts'), 'utf8').matchAll(/^\s+\| '([\w-]+)'/gm)].map((match) => match[1]!);

const day2 = findDay('day2')!;
const needs = `not run — needs: ${day2.preconditions![0]!.needs}`;
const test = (name: string, status: TestResult['status'], extra: Partial<TestResult> = {}): TestResult => ({
  group: 'G',
  name,
  status,
  message: status === 'failed' ? `${name} broke` : '',
  durationMs: 1,
  ...extra,
});

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
    const address = plainWords({
      code: 'TS2339',
      text: "Property 'port' does not exist on type 'string | AddressInfo'.\n  Property 'port' does not exist on type 'string'.",
    });
    expect(address).toMatch(/one of several types \(string \| AddressInfo\)/);
    expect(address).toContain('(server.address() as AddressInfo).port');
    expect(address).toContain("import { type AddressInfo } from 'node:net'");
    const other = plainWords({ code: 'TS2339', text: "Property 'length' does not exist on type 'number | string[]'." });
    expect(other).toMatch(/typeof x === 'string'/);
    expect(other).not.toContain('AddressInfo');
    expect(plainWords({ code: 'TS2339', text: "Property 'sise' does not exist on type 'Cache'." })).toMatch(/a typo/);
    // The "possibly null" error tsc gives on the same line points at the same cast, not at a default value.
    const file = resolve(root, 'days/02-server/server.ts');
    const both = compileFailure([
      { file, line: 25, code: 'TS2531', text: "Object is possibly 'null'." },
      { file, line: 25, code: 'TS2339', text: "Property 'port' does not exist on type 'string | AddressInfo'." },
    ])!.message;
    expect(both).toMatch(/TS2531: Object is possibly 'null'\.\n\s+In plain words: server\.address\(\) is null until listen\(\) has finished/);
  });

  it('folds a file that does not load under the compile step, and leaves other failures alone', () => {
    const compile = compileFailure([{ file: resolve(root, 'days/02-server/server.ts'), line: 3, code: 'TS1005', text: "'}' expected." }])!;
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
    const docs = ['README.md', ...['02-server', '05-performance'].map((slug) => `days/${slug}/README.md`)]
      .map((file) => readFileSync(resolve(root, file), 'utf8'))
      .join('\n');
    const jsonFiles = [...new Set([...docs.matchAll(/--json ([\w.-]+\.json)\b/g)].map((match) => match[1]!))];
    expect(jsonFiles).toContain('report.json');
    const written = [
      ...jsonFiles,
      'out.json',
      'results.json',
      'cachelings-report.json',
      'reports/alice.json',
      'reports/class.html',
      'reports/class.md',
      'class.html',
      'class.md',
      'out/class.html',
    ];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...written], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(ignored.sort()).toEqual(written.sort());
  });
});

describe('a usage error run through npm', () => {
  // The npm on PATH (npm 10 and 11 behave alike here: checked by hand with npm 10.8.2 and 11.19).
  const npm = (args: string[]) => execa('npm', args, { cwd: root, env: { FORCE_COLOR: '0', npm_config_update_notifier: 'false' }, reject: false, all: true });

  it("shows npm's two header lines and our one line for an unknown day, and nothing more with -s", async () => {
    const run = await npm(['run', 'check', 'day9']);
    expect(run.exitCode).toBe(2);
    const lines = run.all!.split('\n').filter((line) => line.trim() !== '');
    expect(lines, run.all).toEqual([
      expect.stringMatching(/^> cachelings@[\d.]+ check$/),
      '> node --import ./grader/temp-folder.mjs --import tsx grader/cli.ts check day9',
      expect.stringMatching(/^There is no day "day9"\. Valid days: day1/),
    ]);
    const silent = await npm(['run', '-s', 'check', 'day9']);
    expect(silent.all!.trim().split('\n'), silent.all).toHaveLength(1);
  });

  it('says what npm\'s {"error": …} block is when npm kept --json, and still ends with the command to run', async () => {
    const run = await npm(['run', '-s', 'check', 'day1', '--json', 'out.json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('the {"error": …} block npm prints after this line only repeats its exit code, 2');
    expect(run.stderr.trimEnd().endsWith('npm run check day1 -- --json out.json'), run.stderr).toBe(true);
    expect(run.stdout, "npm's block, on stdout").toMatch(/"code": 2/);
  });
});

/** Records a failed check of `dayId` on days/ whose first ✗ is `failed`, then calls `npm run hint` once per hint of
 *  the day: what each call printed, and the hint numbers shown (from 1). */
async function hintsAfter(dayId: string, failed: TestResult): Promise<{ runs: string[]; shown: number[] }> {
  const state = freshState();
  const day = findDay(dayId)!;
  const result: DayResult = { id: dayId, title: day.title, passed: false, metrics: {}, durationMs: 1, tests: [test('passes', 'passed'), failed] };
  const previous = process.env.CACHELINGS_STATE_DIR;
  process.env.CACHELINGS_STATE_DIR = state;
  try {
    recordProgress(resolve(root, 'days'), [result]);
    expect(readProgress().targets.days?.[dayId]?.firstFailure).toMatchObject({ requirement: failed.name, id: failed.id });
  } finally {
    if (previous === undefined) delete process.env.CACHELINGS_STATE_DIR;
    else process.env.CACHELINGS_STATE_DIR = previous;
  }
  const runs = [];
  for (let call = 0; call < day.hints.length; call += 1) runs.push((await cliHere(['hint', dayId], state)).stdout);
  rmSync(state, { recursive: true, force: true });
  return { runs, shown: runs.map((text) => Number(/Hint (\d+) of/.exec(text)?.[1])) };
}

/** Hint numbers (from 1) from `first` on, in the guide's order, going round. */
const roundFrom = (first: number, total: number) => [...Array(total).keys()].map((step) => ((first - 1 + step) % total) + 1);

describe('npm run hint after a failed check', () => {
  it("H1: starts from the hint for the last failure (its cause first), then the ones after it in the guide's order", async () => {
    const day = findDay('day2')!;
    const failed = test('a client with half a line waits alone', 'failed', {
      id: 'half-line-waits-alone',
      cause: { kind: 'shared-buffer', title: 'one buffer' },
    });
    const { runs, shown } = await hintsAfter('day2', failed);
    const wanted = day.hintFor!['shared-buffer']! + 1;
    expect(runs[0]).toContain(`Hint ${wanted} of ${day.hints.length} for day2`);
    expect(runs[0]).toContain(`the one for your last check's first ✗: ${failed.name}`);
    expect(runs[0]).toContain(day.hints[wanted - 1]!.slice(0, 60));
    expect(shown, 'hint 2 for the ✗, then 3 and 4, then back to 1').toEqual(roundFrom(wanted, day.hints.length));
    expect(runs.at(-1)).toContain('That was the last hint');
  });

  it('H2: says which hint the next call shows, and the next call shows that one (day 6 too, numbered as its guide)', async () => {
    for (const [dayId, failed] of [
      ['day2', test('answers a line sent in pieces', 'failed', { id: 'split-writes', cause: { kind: 'line-in-pieces', title: 'pieces' } })],
      ['day6', test('the code is formatted', 'failed', { id: 'format' })],
    ] as const) {
      const day = findDay(dayId)!;
      const { runs, shown } = await hintsAfter(dayId, failed);
      expect(shown, `${dayId}: the hint for the ✗ first, then on in the guide's order`).toEqual(roundFrom(shown[0]!, day.hints.length));
      for (const [call, text] of runs.slice(0, -1).entries()) {
        expect(text, `${dayId}, call ${call + 1}: the promise of the next hint`).toContain(`shows hint ${shown[call + 1]} of ${day.hints.length}.`);
      }
      const guide = readFileSync(resolve(root, 'days', day.slug, 'README.md'), 'utf8');
      for (const [call, number] of shown.entries()) {
        const folded = new RegExp(`<summary>Hint ${number}:[^<]*</summary>([\\s\\S]*?)</details>`).exec(guide)?.[1] ?? '';
        expect(folded, `${dayId}: the guide's "Hint ${number}" is the hint shown as ${number}`).toContain(day.hints[number - 1]!.slice(0, 60));
        expect(runs[call]).toContain(day.hints[number - 1]!.slice(0, 60));
      }
    }
  });

  it('H3: day 3 starts from the hint for the cause: a broken lock unnoticed, a test that blocked the event loop', async () => {
    const day = findDay('day3')!;
    for (const [failed, key] of [
      [test('a broken lock went unnoticed', 'failed', { id: 'notice-lost-update' }), 'notice-lost-update'],
      [test('a race test blocked the loop', 'failed', { id: 'own-tests-pass', cause: { kind: 'event-loop-blocked', title: 'blocked' } }), 'event-loop-blocked'],
    ] as const) {
      const { runs } = await hintsAfter('day3', failed);
      expect(runs[0], key).toContain(`Hint ${day.hintFor![key]! + 1} of ${day.hints.length} for day3`);
    }
    for (const kind of Object.keys(day.causes ?? {})) expect(day.hintFor?.[kind], `day 3's cause ${kind} has a hint`).toBeDefined();
  }, 120_000);

  it('keys every hint table entry to a hint that exists, by a cause kind or a requirement id of that day', () => {
    for (const day of days) {
      for (const [key, index] of Object.entries(day.hintFor ?? {})) {
        expect(index, `${day.id}: ${key}`).toBeLessThan(day.hints.length);
        const known = Object.keys(day.explain ?? {}).includes(key) || causeKinds.includes(key);
        expect(known, `${day.id}: "${key}" is neither a requirement id of the day nor a cause kind`).toBe(true);
      }
    }
  });
});

describe('a day typed in two words', () => {
  it('names the day as one word in the command to run instead (exit 2, nothing run)', async () => {
    const run = await runGrader(['check', 'day', '2']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe('npm run check takes the day as one word; "day 2" is two, so nothing was run. Did you mean: npm run check day2');
    expect(run.stdout).toBe('');
  });
});
