// Day 6's README figures are judged by what holds on any machine: the reference README passes on a fast, an idle
// and a busy machine's measurements, and inflated, unsourced or contradicted claims are named.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claims, readmeParts, type Claim } from '../checkpoints/day6/docs.ts';
import { absoluteProblems, farBeyond, namesMachine, ratioAgreement, ratioClaims, ratioProblems } from '../checkpoints/day6/figures.ts';
import { root } from '../grader/paths.ts';
import { bestOnRecord, recordProgress } from '../grader/progress.ts';
import type { DayResult } from '../grader/results.ts';

const section = (file: string) => readmeParts(readFileSync(resolve(root, file), 'utf8')).performance ?? '';
const reference = section('solutions/06-docs/project/README.md');
const inflated = section('test/fixtures/day6/readme-inflated-figures/06-docs/project/README.md');

// What the grader measured, per machine: figures seen on the build machine idle and with two other suites running.
const machines = {
  idle: { 'cache.get.opsPerSec': 38e6, 'cache.set.opsPerSec': 28e6, 'cache.mixed.opsPerSec': 17e6, 'load.opsPerSec': 59_000, 'redis.load.opsPerSec': 67_000 },
  busy: { 'cache.get.opsPerSec': 8e6, 'cache.set.opsPerSec': 5e6, 'cache.mixed.opsPerSec': 5e6, 'load.opsPerSec': 13_000, 'redis.load.opsPerSec': 25_000 },
  fastLaptop: {
    'cache.get.opsPerSec': 120e6,
    'cache.set.opsPerSec': 90e6,
    'cache.mixed.opsPerSec': 60e6,
    'load.opsPerSec': 180_000,
    'redis.load.opsPerSec': 200_000,
  },
} satisfies Record<string, Record<Claim['metric'], number>>;

describe('the reference README', () => {
  it('names the machine its figures come from', () => {
    expect(namesMachine(reference)).toBe(true);
  });

  it.each(Object.entries(machines))("raises no problem against the %s machine's figures", (_name, figures) => {
    const quoted = claims(reference);
    expect(quoted.map((claim) => claim.metric)).toEqual(expect.arrayContaining(['cache.get.opsPerSec', 'load.opsPerSec']));
    expect(absoluteProblems(quoted, (metric) => figures[metric])).toEqual([]);
  });

  it('claims a ratio to Redis that holds on a busy and an idle machine alike', () => {
    const relative = ratioClaims(reference);
    expect(relative).toEqual([expect.objectContaining({ baseline: 'redis', ratio: 0.9 })]);
    for (const measured of [0.6, 0.78, 0.95, 1.2])
      expect(
        ratioProblems(relative, () => measured),
        `measured ${measured}`,
      ).toEqual([]);
  });
});

describe('claims the check names', () => {
  it('an absolute figure an order of magnitude beyond every run on record', () => {
    const problems = absoluteProblems(claims(inflated), (metric) => machines.idle[metric]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/says 1,000,000,000 ops\/s: 26× the best the grader has on record for your code \(38,000,000, cache\.get\.opsPerSec\)/);
  });

  it(`a figure just under ${farBeyond}× the best run passes, just over fails`, () => {
    const quoted = claims('| Load test, 50 connections | 99,000 ops/s |\n| GET (in-process) | 101,000,000 ops/s |');
    const problems = absoluteProblems(quoted, (metric) => (metric === 'load.opsPerSec' ? 10_000 : 10_000_000));
    expect(problems).toEqual([expect.stringContaining('101,000,000 ops/s')]);
  });

  it('a section that never says which machine it measured', () => {
    expect(namesMachine('| GET | 30,000,000 ops/s |\n| Load test | 61,000 ops/s |\nFast enough for us.')).toBe(false);
    for (const text of ['on my laptop', 'MacBook Air M2', 'a 4-core VM', 'GitHub runner, Node 22', '8 vCPUs', 'Ryzen 7 5800X'])
      expect(namesMachine(text), text).toBe(true);
  });

  it(`a relative claim more than ${ratioAgreement}× from the ratio measured in the same run`, () => {
    const relative = ratioClaims('Ours is 10× faster than Redis.\nAbout 2.5× faster than the day-2 server.\n80% GET, 50 connections');
    expect(relative.map((claim) => [claim.baseline, claim.ratio])).toEqual([
      ['redis', 10],
      ['day2', 2.5],
    ]);
    const problems = ratioProblems(relative, (baseline) => (baseline === 'redis' ? 0.85 : 2));
    expect(problems).toEqual([expect.stringMatching(/claims 10\.00× Redis; measured just now against real Redis .*: 0\.85×/)]);
  });

  it('reads each clause of a line, so a second claim on the same line is held to its own baseline', () => {
    const relative = ratioClaims('It reaches about 0.6× of Redis, and it is 4× faster than the day-2 server.');
    expect(relative.map((claim) => [claim.baseline, claim.ratio])).toEqual([
      ['redis', 0.6],
      ['day2', 4],
    ]);
    expect(ratioProblems(relative, (baseline) => (baseline === 'redis' ? 0.62 : 0.95))).toEqual([
      expect.stringMatching(/claims 4\.00× the day-2 server; .*: 0\.95×/),
    ]);
  });

  it('reads percentages and "slower than" as ratios', () => {
    const read = (text: string) => ratioClaims(text)[0]?.ratio;
    expect(read('90% of Redis')).toBeCloseTo(0.9);
    expect(read('30% slower than Redis')).toBeCloseTo(0.7);
    expect(read('2× slower than Redis')).toBeCloseTo(0.5);
    expect(read('25% faster than the day-2 server')).toBeCloseTo(1.25);
  });
});

describe('figures on record', () => {
  it('keeps the best throughput each metric reached across runs of a tree, and nothing else', () => {
    const saved = process.env.CACHELINGS_STATE_DIR;
    const dir = mkdtempSync(join(tmpdir(), 'cachelings-record-'));
    process.env.CACHELINGS_STATE_DIR = dir;
    try {
      const run = (value: number): DayResult => ({
        id: 'day5',
        title: 'day 5',
        passed: true,
        tests: [],
        durationMs: 1,
        metrics: { 'load.opsPerSec': { value }, 'load.p99Ms': { value: 3 } },
      });
      recordProgress('solutions', [run(40_000)]);
      recordProgress('solutions', [run(25_000)]);
      expect(bestOnRecord('solutions', 'load.opsPerSec')).toBe(40_000);
      expect(bestOnRecord(resolve(root, 'solutions'), 'load.opsPerSec')).toBe(40_000);
      expect(bestOnRecord('solutions', 'load.p99Ms')).toBeUndefined();
      expect(bestOnRecord('days', 'load.opsPerSec')).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.CACHELINGS_STATE_DIR;
      else process.env.CACHELINGS_STATE_DIR = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
