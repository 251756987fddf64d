// checkpoints/support/earlier-days.ts: what day 6 and `share` reuse instead of re-running a day.
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, gradeRunVariable, rememberResult, runPart, verdictInputs } from '../checkpoints/support/earlier-days.ts';
import { findDay } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import type { DayResult } from '../grader/results.ts';
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
    { group: 'RWLock', name: 'a second requirement', id: 'second', file: 'checkpoints/day1/rwlock.race.test.ts', status: 'failed', message: 'planted', durationMs: 1 },
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
    expect(race?.result.tests.map((test) => test.name), 'only the race-stress requirement').toEqual(['a second requirement']);
    expect(race?.result.passed, 'the race part failed').toBe(false);
    expect(other?.result.tests.map((test) => test.name), 'the rest, with the figures').toEqual(['a first requirement']);
    expect(other?.result.metrics, 'figures travel with the non-race part').toEqual(failed.metrics);
  });

  it('outside that grade run, runs a day again rather than trust a recorded failure', async () => {
    process.env[gradeRunVariable] = 'run-a';
    rememberResult(day1, solutions, failed);
    process.env[gradeRunVariable] = 'run-b';
    const race = await runPart(day1, 'race', solutions, 1);
    expect(race?.cached, 'a failure from another run is not reused').toBe(false);
    expect(race?.result.passed, `the solution's race-stress suite passes when really run: ${JSON.stringify(race?.result.tests.filter((test) => test.status === 'failed'))}`).toBe(true);
  }, 60_000);

  it('keys a reusable pass on every file that can change a verdict: helpers, mutants, the grader and the config', () => {
    const inputs = (id: string) => verdictInputs(findDay(id)!);
    expect(inputs('day5')).toContain('checkpoints/day5/measure.ts');
    expect(inputs('day3')).toContain('checkpoints/day3/mutants/lost-update.ts');
    expect(inputs('day4')).toContain('checkpoints/day4/run.ts');
    for (const file of ['harness/loadgen.ts', 'checkpoints/vitest.config.ts', 'grader/run-day.ts', 'grader/vitest.config.ts', 'course/days.ts', 'package-lock.json']) {
      expect(inputs('day1'), `${file} can change any day's verdict`).toContain(file);
    }
    // A copy of the repo's inputs: editing any one of them gives day 3 a new key, so an old pass is not reused.
    const base = scratchDir('repo');
    try {
      for (const entry of ['checkpoints', 'grader', 'tsconfig.json', 'package.json', 'package-lock.json']) cpSync(resolve(root, entry), resolve(base, entry), { recursive: true });
      const day3 = findDay('day3')!;
      let key = cacheKey(day3, solutions, base);
      for (const file of ['checkpoints/day3/mutants/lost-update.ts', 'checkpoints/day3/nested.ts', 'grader/run-day.ts', 'checkpoints/vitest.config.ts', 'package-lock.json']) {
        appendFileSync(resolve(base, file), '\n');
        const next = cacheKey(day3, solutions, base);
        expect(next, `editing ${file} changes the key`).not.toBe(key);
        key = next;
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
