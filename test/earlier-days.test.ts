// grader/earlier-days.ts and hand-in.ts: what day 6 and `share` reuse instead of re-running a day, and how day 6's
// checkpoint is handed the earlier days' results instead of running them itself.
import { appendFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verdictInputFiles } from '../grader/checksums.ts';
import { cacheKey, gradeRunVariable, rememberResult } from '../grader/earlier-days.ts';
import { earlierParts, noHandIn } from '../checkpoints/day6/earlier.ts';
import { findDay } from '../course/days.ts';
import { collectHandIn, runPart } from '../grader/run-day.ts';
import { root } from '../grader/paths.ts';
import { recordProgress } from '../grader/progress.ts';
import type { DayResult } from '../grader/results.ts';
import { handInVariable } from '../harness/hand-in.ts';
import { scratchDir } from './helpers.ts';

const day1 = findDay('day1')!;
const solutions = resolve(root, 'solutions');
// A failing whole-day result as `grade` records it: one race-stress failure, one other requirement passed.
const failed: DayResult = {
  id: 'day1',
  title: day1.title,
  passed: false,
  durationMs: 5,
  metrics: { 'cache.get.opsPerSec': { value: 1 } },
  tests: [
    { group: 'Cache', name: 'a first requirement', id: 'first', file: 'checkpoints/day1/cache.test.ts', status: 'passed', message: '', durationMs: 1 },
    {
      group: 'RWLock',
      name: 'a second requirement',
      id: 'second',
      file: 'checkpoints/day1/rwlock.race.test.ts',
      status: 'failed',
      message: 'planted',
      durationMs: 1,
    },
  ],
};

describe('reusing earlier days', () => {
  let state: string;
  const runState = process.env.CACHELINGS_STATE_DIR;
  beforeEach(() => {
    state = scratchDir('state');
    process.env.CACHELINGS_STATE_DIR = state;
  });
  afterEach(() => {
    process.env.CACHELINGS_STATE_DIR = runState;
    delete process.env[gradeRunVariable];
    rmSync(state, { recursive: true, force: true });
  });

  it('within one grade run, reuses a failing day and splits it into its race-stress and other requirements', async () => {
    process.env[gradeRunVariable] = 'run-a';
    rememberResult(day1, solutions, failed);
    const race = await runPart(day1, 'race', solutions, 1);
    const other = await runPart(day1, 'other', solutions, 1);
    expect(race?.cached, 'the race part comes from the recorded result, not a new run').toBe(true);
    expect(
      race?.result.tests.map((test) => test.name),
      'only the race-stress requirement',
    ).toEqual(['a second requirement']);
    expect(race?.result.passed, 'the race part failed').toBe(false);
    expect(
      other?.result.tests.map((test) => test.name),
      'the rest, with the figures',
    ).toEqual(['a first requirement']);
    expect(other?.result.metrics, 'figures travel with the non-race part').toEqual(failed.metrics);
  });

  it('outside that grade run, runs a day again rather than trust a recorded failure', async () => {
    process.env[gradeRunVariable] = 'run-a';
    rememberResult(day1, solutions, failed);
    process.env[gradeRunVariable] = 'run-b';
    const race = await runPart(day1, 'race', solutions, 1);
    expect(race?.cached, 'a failure from another run is not reused').toBe(false);
    expect(
      race?.result.passed,
      `the solution's race-stress suite passes when really run: ${JSON.stringify(race?.result.tests.filter((test) => test.status === 'failed'))}`,
    ).toBe(true);
  }, 60_000);

  it('keys a reusable pass on every file that can change a verdict: helpers, mutants, the grader and the config', () => {
    const inputs = verdictInputFiles();
    expect(inputs).toContain('checkpoints/day5/measure.ts');
    expect(inputs).toContain('checkpoints/day3/mutants/lost-update.ts');
    expect(inputs).toContain('checkpoints/day4/run.ts');
    for (const file of [
      'harness/loadgen.ts',
      'checkpoints/vitest.config.ts',
      'grader/run-day.ts',
      'grader/vitest.config.ts',
      'course/days.ts',
      'package-lock.json',
    ]) {
      expect(inputs, `${file} can change any day's verdict`).toContain(file);
    }
    // A copy of the repo's inputs: editing any one of them gives day 3 a new key, so an old pass is not reused.
    const base = scratchDir('repo');
    try {
      for (const entry of ['checkpoints', 'grader', 'tsconfig.json', 'package.json', 'package-lock.json'])
        cpSync(resolve(root, entry), resolve(base, entry), { recursive: true });
      const day3 = findDay('day3')!;
      let key = cacheKey(day3, solutions, base);
      for (const file of [
        'checkpoints/day3/mutants/lost-update.ts',
        'checkpoints/day3/race.config.ts',
        'grader/run-day.ts',
        'checkpoints/vitest.config.ts',
        'package-lock.json',
      ]) {
        appendFileSync(resolve(base, file), '\n');
        const next = cacheKey(day3, solutions, base);
        expect(next, `editing ${file} changes the key`).not.toBe(key);
        key = next;
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("hands day 6 this grade run's results of days 1–5 and the best figures on record, running nothing again", async () => {
    process.env[gradeRunVariable] = 'run-a';
    const earlier = findDay('day6')!.earlier!;
    for (const id of earlier) {
      const day = findDay(id)!;
      const tests = day.checkpoints.map((file) => ({
        group: 'G',
        name: `${id} holds in ${file}`,
        file,
        status: 'failed' as const,
        message: `planted in ${id}\nsecond line`,
        durationMs: 1,
      }));
      rememberResult(day, solutions, { id, title: day.title, passed: false, durationMs: 1, metrics: { [`${id}.opsPerSec`]: { value: 7 } }, tests });
    }
    recordProgress(solutions, [{ ...failed, metrics: { 'cache.get.opsPerSec': { value: 123 } } }]);
    // Day 6 without its runs of the learner's own files (test/learner-runs.test.ts makes those).
    const handIn = await collectHandIn({ ...findDay('day6')!, learnerRuns: [] }, solutions, 1);
    expect(Object.keys(handIn.earlier), 'every earlier day the manifest names').toEqual(earlier);
    for (const [id, parts] of Object.entries(handIn.earlier)) {
      expect(
        Object.values(parts).every((part) => part.cached),
        `${id} is reused from this grade run, not run again`,
      ).toBe(true);
      expect(parts.other?.metrics, `${id}'s figures travel with its non-race part`).toEqual({ [`${id}.opsPerSec`]: { value: 7 } });
    }
    expect(handIn.earlier.day1?.race?.tests.map((test) => test.file)).toEqual(['checkpoints/day1/rwlock.race.test.ts']);
    expect(handIn.best).toEqual({ 'cache.get.opsPerSec': 123 });

    // Day 6's checkpoint reads the hand-in: each failure on one line, under its day.
    const file = join(state, 'hand-in.json');
    writeFileSync(file, JSON.stringify(handIn));
    process.env[handInVariable] = file;
    try {
      const race = await earlierParts('race', ['day1']);
      expect(race).toEqual({
        failures: ['day1 · day1 holds in checkpoints/day1/rwlock.race.test.ts: planted in day1'],
        notAvailable: [],
        passed: 0,
        cached: ['day1'],
      });
    } finally {
      delete process.env[handInVariable];
    }
  });

  it('fails a day-6 step with one line naming npm run check day6 when the checkpoint runs without the hand-in', async () => {
    delete process.env[handInVariable];
    await expect(earlierParts('other')).rejects.toThrow(noHandIn);
    expect(noHandIn).not.toContain('\n');
    expect(noHandIn).toContain('npm run check day6');
  });
});
