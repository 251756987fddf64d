// The runs of the learner's own files a day declares (course/days.ts `learnerRuns`): the grader makes them before the
// checkpoint (grader/learner-runs.ts) and hands them in; a checkpoint started without the hand-in says how to run it.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { runLearnerFiles } from '../grader/learner-runs.ts';
import { root } from '../grader/paths.ts';
import { handedRun, handInVariable } from '../harness/hand-in.ts';
import { treeWith } from './helpers.ts';

const solutions = resolve(root, 'solutions');
const run = (dayId: string, name: string) => findDay(dayId)!.learnerRuns!.find((entry) => entry.name === name)!;

describe("the grader's runs of the learner's own files", () => {
  it("runs day 3's race tests against the solution's own code (they pass) and each mutant (each is noticed)", async () => {
    const done = await runLearnerFiles(run('day3', 'race-tests'), solutions);
    expect(done.results, done.output).toBeDefined();
    const tests = done.results!.tests;
    const own = tests.filter((test) => test.project === 'own');
    expect(own.length, 'the three required race tests').toBeGreaterThanOrEqual(3);
    expect(
      own.filter((test) => test.state !== 'passed'),
      'every race test passes against the solution',
    ).toEqual([]);
    expect(new Set(tests.map((test) => test.file)), 'files are named relative to the tree').toEqual(new Set(['03-testing/cache.race.test.ts']));
    const variants = run('day3', 'race-tests').variants!;
    expect(new Set(tests.map((test) => test.project)), 'one run per variant, each result named by it').toEqual(new Set(variants));
    for (const mutant of variants.filter((variant) => variant !== 'own')) {
      expect(
        tests.some((test) => test.project === mutant && test.state === 'failed'),
        `${mutant} is noticed`,
      ).toBe(true);
    }
    expect(
      own.every((test) => typeof test.line === 'number'),
      'each test carries the line of its it(',
    ).toBe(true);
  }, 90_000);

  it('stops a run whose test blocks the event loop within seconds, naming the test and the statement it spins on', async () => {
    const tree = treeWith('day3/busy-wait-latch');
    const spin =
      readFileSync(resolve(tree, '03-testing/cache.race.test.ts'), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes('while (finished < 100) {}')) + 1;
    const done = await runLearnerFiles(run('day3', 'race-tests'), tree);
    rmSync(tree, { recursive: true, force: true });
    expect(done.timedOutAfterMs, done.output).toBeUndefined();
    const test = 'loses no update when 100 tasks increment a counter through RWLock.write';
    expect(done.blocked, 'the statement caught is the busy-wait').toMatchObject({ test, at: { file: '03-testing/cache.race.test.ts', line: spin } });
    expect(
      done.blocked!.collected.map((test) => test.name),
      'the names vitest collected',
    ).toHaveLength(3);
  }, 90_000);

  it('stops a run at its limit and says so', async () => {
    const done = await runLearnerFiles({ ...run('day3', 'race-tests'), limitMs: 200 }, solutions);
    expect(done.timedOutAfterMs).toBe(200);
    expect(done.results).toBeUndefined();
  });

  it('fails a checkpoint requirement with one line naming npm run check when there is no hand-in', () => {
    const saved = process.env[handInVariable];
    delete process.env[handInVariable];
    try {
      expect(() => handedRun('day3', 'race-tests')).toThrow(
        /^This requirement reads a run of your own test files, which the grader makes first: run `npm run check day3` \(vitest alone, or `npm run ui`, cannot check it\)\.$/,
      );
    } finally {
      if (saved !== undefined) process.env[handInVariable] = saved;
    }
  });
});
