// Attacks on the grade (issue 34), each tried as a learner who changes only the graded tree or the files the grader
// leaves behind: every one fails the day or is flagged, on every run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { convert } from '../grader/shaped.ts';
import { digestState, integrityOf, tamperCheck } from '../grader/integrity.ts';
import { importLeavingTree } from '../grader/leaves-tree.ts';
import { root } from '../grader/paths.ts';
import { buildReport, writtenReport } from '../grader/report.ts';
import { readLearner } from '../grader/class/read.ts';
import { cliHere, freshState } from './grader-helpers.ts';
import { gradeDay, scratchDir, treeWith } from './helpers.ts';

const day1 = findDay('day1')!;

/** A copy of `base` with `edit` applied to each named file of the tree. */
function attacked(base: 'days' | 'solutions', edits: Record<string, (text: string) => string>): string {
  const tree = treeWith(undefined, base);
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(tree, file), edit(readFileSync(join(tree, file), 'utf8')));
  return tree;
}

/** Code that, run inside vitest's worker, reports every failed test as passed (it passed days 1–5 before issue 34). */
const patchRunner = `const worker = (globalThis as { __vitest_worker__?: { rpc?: Record<string, (...args: unknown[]) => unknown> } }).__vitest_worker__;
if (worker?.rpc) {
  const rpc = worker.rpc;
  const update = rpc.onTaskUpdate!;
  const forged = (packs: [string, { state?: string; errors?: unknown } | undefined][], events: unknown) => {
    for (const [, result] of packs) if (result?.state === 'fail') Object.assign(result, { state: 'pass', errors: undefined });
    return update(packs, events);
  };
  worker.rpc = new Proxy(rpc, { get: (target, key) => (key === 'onTaskUpdate' ? forged : Reflect.get(target, key)) }) as never;
}
`;

describe('attacks from the graded tree (day 1)', () => {
  it('code that patches the test runner cannot turn a failure into a pass: it runs in the learner host', async () => {
    const tree = attacked('days', { '01-cache/cache.ts': (text) => patchRunner + text, '01-cache/rwlock.ts': (text) => patchRunner + text });
    const { run, result } = await gradeDay('day1', tree);
    expect(run.exitCode).toBe(1);
    expect(result.passed).toBe(false);
    expect(result.tests.find((test) => test.id === 'stores-keys')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^not implemented yet/) });
  });

  it('a process group killed from the learner code fails every requirement that did not report, with cause run-ended', async () => {
    const { run, result } = await gradeDay('day1', attacked('solutions', { '01-cache/cache.ts': (text) => `process.kill(0, 'SIGKILL');\n${text}` }));
    expect(run.exitCode).toBe(1);
    expect(result.passed).toBe(false);
    const unreported = result.tests.filter((test) => test.cause?.kind === 'run-ended');
    expect(unreported.map((test) => test.id ?? test.name)).toEqual(
      expect.arrayContaining(['stores-keys', 'odd-keys', 'checkpoints/day1/rwlock.race.test.ts reports its requirements']),
    );
    expect(unreported[0]!.message).toMatch(/killed by a signal before every requirement reported a result/);
  });

  it('learner code that exits its process fails with cause learner-exited', async () => {
    const { result } = await gradeDay('day1', attacked('solutions', { '01-cache/cache.ts': (text) => `process.exit(0);\n${text}` }));
    expect(result.passed).toBe(false);
    expect(result.tests.find((test) => test.id === 'stores-keys')?.cause?.kind).toBe('learner-exited');
  });

  it("an import of the workbook's solution is refused with one line naming it", async () => {
    const edit = () => "export { Cache } from '../../../solutions/01-cache/cache.ts';\n"; // the tree lies in .tmp/
    const tree = attacked('days', { '01-cache/cache.ts': edit });
    expect(importLeavingTree(day1, tree)).toMatchObject({ specifier: '../../../solutions/01-cache/cache.ts', folder: 'solutions' });
    const { result } = await gradeDay('day1', tree);
    expect(result.passed).toBe(false);
    const refused = result.tests.find((test) => test.cause?.kind === 'import-leaves-tree');
    expect(refused?.message).toMatch(
      /^\S+01-cache\/cache\.ts imports '\.\.\/\.\.\/\.\.\/solutions\/01-cache\/cache\.ts', which leaves your tree for the workbook's solutions\/: import only your own files\.$/,
    );
  });

  it("day 1's code cannot write the grader's state or start a process that outlives the grader", async () => {
    const state = freshState();
    const hostile = `import { writeFileSync as w } from 'node:fs';\nimport { spawn as s } from 'node:child_process';\ntry { w(${JSON.stringify(join(state, 'progress.json'))}, '{}'); } catch {}\ntry { s('sleep', ['30'], { detached: true }).unref(); } catch {}\n`;
    const tree = attacked('solutions', { '01-cache/cache.ts': (text) => hostile + text });
    const run = await cliHere(['check', 'day1', '--target', tree], state);
    expect(run.exitCode, run.stdout).toBe(0); // the Cache itself is right; only its side effects were refused
    expect(readFileSync(join(state, 'progress.json'), 'utf8')).toMatch(/^\{"seal": "[0-9a-f]{64}"/);
  });
});

describe('attacks on what the grader leaves behind', () => {
  it('a hand-written progress.json is ignored by status, which says so', async () => {
    const state = freshState();
    const forged = {
      _: 'generated by the grader — do not edit',
      targets: { days: Object.fromEntries(['day1', 'day2'].map((id) => [id, { passed: true, passedTests: 1, totalTests: 1, at: '2026-01-01T00:00:00Z' }])) },
    };
    writeFileSync(join(state, 'progress.json'), JSON.stringify(forged));
    const run = await cliHere(['status'], state);
    expect(run.stdout).toMatch(/⚠ \.cachelings\/progress\.json was not written by this grader/);
    expect(run.stdout).not.toMatch(/✓ day 1/);
  });

  it('a report changed after the grader wrote it is flagged by its digest, in every shape, and by the class view', () => {
    const report = buildReport('solutions', 1, [
      {
        id: 'day1',
        title: day1.title,
        passed: false,
        durationMs: 0,
        metrics: {},
        tests: [{ group: 'Cache', name: 'a requirement', id: 'stores-keys', status: 'failed', message: 'not implemented yet', durationMs: 0 }],
      },
    ]);
    for (const shape of [writtenReport(report), convert(report, 'classroom', true), convert(report, 'exercism', true)]) {
      const written = JSON.parse(JSON.stringify(shape)) as Record<string, unknown>;
      expect(digestState(written)).toBe('intact');
      const forged = JSON.parse(JSON.stringify(written).replace(/"failed"|"fail"/g, (word) => (word === '"fail"' ? '"pass"' : '"passed"')));
      expect(digestState(forged)).toBe('changed');
      const file = join(scratchDir('class'), 'forger.json');
      writeFileSync(file, JSON.stringify(forged));
      const learner = readLearner(file, 'forger', 'forger.json');
      expect('notes' in learner && learner.notes.join('; ')).toMatch(/changed after the grader wrote it/);
    }
  });

  it('a day that is the shipped solution, comments and whitespace aside, is marked "same as solutions/"', () => {
    const tree = attacked('solutions', { '01-cache/cache.ts': (text) => `// my own work\n${text.replace(/\n/g, '\n\n')}` });
    const integrity = integrityOf(tree, ['day1', 'day2']);
    expect(integrity.sameAsSolutions).toContain('day1');
    const report = { ...buildReport(tree, 1, []), integrity };
    for (const shape of [writtenReport(report), convert(report, 'classroom', true), convert(report, 'exercism', true)]) {
      expect((shape as { integrity: { sameAsSolutions: string[] } }).integrity.sameAsSolutions).toContain('day1');
    }
    const changed = attacked('solutions', { '01-cache/cache.ts': (text) => text.replaceAll('#store', '#data') });
    expect(integrityOf(changed, ['day1']).sameAsSolutions).toEqual([]);
  });

  it('the tamper check covers grader/, package.json, the lock file and .github/, and reaches every report shape', () => {
    const shipped = JSON.parse(readFileSync(resolve(root, 'grader/checksums.json'), 'utf8')) as { checkpoints: Record<string, string> };
    for (const file of ['grader/run-day.ts', 'package.json', 'package-lock.json', '.github/workflows/grade.yml']) {
      expect(Object.keys(shipped.checkpoints), `${file} is on the tamper list`).toContain(file);
    }
    const edited = join(scratchDir('checksums'), 'checksums.json');
    writeFileSync(
      edited,
      JSON.stringify({ ...shipped, checkpoints: { ...shipped.checkpoints, 'grader/run-day.ts': '0'.repeat(64), 'package-lock.json': '0'.repeat(64) } }),
    );
    const saved = process.env.CACHELINGS_CHECKSUMS;
    process.env.CACHELINGS_CHECKSUMS = edited;
    try {
      expect(tamperCheck()).toMatchObject({ clean: false, changed: ['grader/run-day.ts', 'package-lock.json'] });
      const report = buildReport('solutions', 1, []);
      for (const shape of [writtenReport(report), convert(report, 'classroom', true), convert(report, 'exercism', true)]) {
        expect((shape as { integrity: { tamper: { changed: string[] } } }).integrity.tamper.changed).toContain('grader/run-day.ts');
      }
    } finally {
      if (saved === undefined) delete process.env.CACHELINGS_CHECKSUMS;
      else process.env.CACHELINGS_CHECKSUMS = saved;
    }
  });
});
