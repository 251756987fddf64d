// checkpoints/support/earlier-days.ts: what day 6 and `share` reuse instead of re-running a day.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeRunVariable, rememberResult, runPart } from '../checkpoints/support/earlier-days.ts';
import { findDay } from '../grader/days.ts';
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
    { group: 'Cache', name: 'keeps two caches apart', file: 'checkpoints/day1/cache.test.ts', status: 'passed', message: '', durationMs: 1 },
    { group: 'RWLock', name: 'lets two readers inside at the same time', file: 'checkpoints/day1/rwlock.race.test.ts', status: 'failed', message: 'planted', durationMs: 1 },
  ],
};

describe('reusing earlier days', () => {
  let state: string;
  beforeEach(() => {
    state = scratchDir('state');
    process.env.CACHELINGS_STATE_DIR = state;
  });
  afterEach(() => {
    delete process.env.CACHELINGS_STATE_DIR;
    delete process.env[gradeRunVariable];
    rmSync(state, { recursive: true, force: true });
  });

  it('within one grade run, reuses a failing day and splits it into its race-stress and other requirements', async () => {
    process.env[gradeRunVariable] = 'run-a';
    rememberResult(day1, solutions, failed);
    const race = await runPart(day1, 'race', solutions, 1);
    const other = await runPart(day1, 'other', solutions, 1);
    expect(race?.cached, 'the race part comes from the recorded result, not a new run').toBe(true);
    expect(race?.result.tests.map((test) => test.name), 'only the race-stress requirement').toEqual(['lets two readers inside at the same time']);
    expect(race?.result.passed, 'the race part failed').toBe(false);
    expect(other?.result.tests.map((test) => test.name), 'the rest, with the figures').toEqual(['keeps two caches apart']);
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
});
