// The gates have one home, course/gates.ts: the checks and the manifest read them there, no other code file writes a
// gate's figure, and the guides quote today's figures (npm run lint:course runs the same checks).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gate as day5Gate } from '../checkpoints/day5/helpers.ts';
import { floorShare, lowerGate } from '../checkpoints/day5/measure.ts';
import { findDay } from '../course/days.ts';
import { figure, gates } from '../course/gates.ts';
import { root } from '../grader/paths.ts';
import { gateGuideProblems, gateLiteralProblems } from '../grader/tools/lint/gates.ts';

describe('the gates', () => {
  it('are read from course/gates.ts by day 5 and the manifest', () => {
    expect(day5Gate).toBe(gates.load.value);
    expect(floorShare).toBe(gates.load.fallback.floorShare);
    const first = { value: gates.load.value, why: 'the guide' };
    const slower = gates.load.value * 1.8; // Redis slowed below what the gate assumes: the gate follows it, above the floor
    expect(lowerGate(first, first, slower)?.value).toBe(Math.round(slower * gates.load.fallback.redisShare));
    expect(findDay('day5')!.title).toContain(`${figure(gates.load.value)} ops/s`);
    expect(findDay('day3')!.hints.join('\n')).toContain(`GET below ${figure(gates.get.value)} ops/s`);
  });

  it('are written as figures in no other code file', () => {
    expect(gateLiteralProblems()).toEqual([]);
  });

  it('are quoted, at their current figure, by every guide listed as quoting them', () => {
    expect(gateGuideProblems()).toEqual([]);
  });

  it('are found when a file writes one in code, in any spelling, but not in a comment', () => {
    const dir = join(root, '.tmp', `gates-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((name) => relative(root, join(dir, name)));
    const value = gates.get.value;
    writeFileSync(join(root, files[0]!), `export const gate = ${value};\n`);
    writeFileSync(join(root, files[1]!), `export const text = 'more than ${figure(value)} ops/s';\n`);
    writeFileSync(join(root, files[2]!), `// the gate is ${figure(value)} ops/s\nexport const other = ${value * 10 + 1};\n`);
    writeFileSync(join(root, files[3]!), `export const gate = ${figure(value).replace(/,/g, '_')};\n`);
    try {
      expect(gateLiteralProblems(files).map((problem) => problem.file)).toEqual([files[0], files[1], files[3]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
