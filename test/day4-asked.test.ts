// Day 4's seeded inputs: every option a requirement draws is asked twice, low and high, and no tester that ignores
// the option (a constant of its own) fits both asks on any seed. The planted constants are caught by their requirement.
import { describe, expect, it } from 'vitest';
import { drawPair, ranges } from '../checkpoints/day4/asked.ts';
import { inWindow } from '../checkpoints/day4/story.ts';
import { makeRandom } from '../harness/seed.ts';
import { expectCaught } from './helpers.ts';

/** The pairs 1,000 seeds draw for option `name`. */
const drawn = (name: keyof typeof ranges) => Array.from({ length: 1_000 }, (_, seed) => drawPair(makeRandom(seed), ranges[name]));

/** The constants from `low` to `high` (step `step`) that pass both asks of some drawn pair under `passes`. */
function fitsBoth(name: keyof typeof ranges, low: number, high: number, step: number, passes: (constant: number, asked: number) => boolean): string[] {
  const found: string[] = [];
  for (const pair of drawn(name)) {
    for (let constant = low; constant <= high; constant += step) {
      if (passes(constant, pair[0]) && passes(constant, pair[1])) found.push(`${constant} for ${pair.join(' and ')}`);
    }
  }
  return found;
}

describe('day 4 asks each option twice, far apart, on every seed', () => {
  it('no fixed run length lasts both durations asked (within the window the check allows)', () => {
    expect(fitsBoth('durationMs', 0, 10_000, 5, (ms, asked) => inWindow(ms, asked))).toEqual([]);
  });

  it('no fixed connection count is both at most one over and at least each count asked', () => {
    expect(fitsBoth('connections', 1, 100, 1, (opened, asked) => opened <= asked + 1 && opened >= asked)).toEqual([]);
  });

  it('no fixed GET share is within 4 points of both shares asked', () => {
    expect(fitsBoth('getPercent', 0, 100, 0.5, (share, asked) => Math.abs(share - asked) <= 4)).toEqual([]);
  });

  it('no fixed key count is both within each key space asked and 90% of what 5,000 random picks would touch', () => {
    const touched = (keySpace: number) => keySpace * (1 - Math.exp(-5_000 / keySpace));
    expect(fitsBoth('keySpace', 1, 2_000, 1, (keys, asked) => keys <= asked && keys >= touched(asked) * 0.9)).toEqual([]);
  });
});

// [fixture, requirement id (`--only` runs it alone), what its message names]
const constants: [fixture: string, id: string, mentions: RegExp][] = [
  ['stuck-at-one-second', 'duration', /runLoadTest ran for [\d,]+ ms; [\d,]+ ms were asked for/],
  ['fixed-connections', 'connections', /connections asked for|were asked for/],
  ['fixed-mix', 'mix', /Asked for \d+% GET/],
  ['fixed-key-space', 'mix', /Asked for \d+ keys/],
];

describe('day 4 catches a tester that ignores an option, whatever the seed', () => {
  it.each(constants)('%s fails "%s"', async (fixture, id, mentions) => {
    await expectCaught('day4', `day4/${fixture}`, id, { only: [id], mentions });
  });
});
