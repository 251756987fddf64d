// The self-test's own plumbing: the missing-tools preflight of `npm test`, and the Node matrix's verdict comparison.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DayResult, Report } from '../grader/results.ts';
import { missingTools } from './tools.ts';
import { verdictDifferences } from './verdicts.ts';

describe('npm test on a machine without the system tools', () => {
  it('names each missing tool, why it is needed, and the command that installs it', () => {
    const lines = missingTools([
      { name: 'redis-server', why: 'day 5 compares with Redis', found: () => false, debian: 'redis-server' },
      { name: 'redis-cli', why: 'RESP stretch', found: () => true, debian: 'redis-tools' },
      { name: '/usr/bin/chromium', why: 'browser checks', found: () => false, debian: 'chromium' },
    ]);
    expect(lines[0]).toMatch(/needs 2 tool\(s\)/);
    expect(lines.join('\n')).toContain('redis-server — day 5 compares with Redis');
    expect(lines.join('\n')).not.toContain('redis-cli');
    expect(lines.join('\n')).toContain('sudo apt-get install -y redis-server chromium');
    expect(lines.join('\n')).toContain('bash .ci/run');
  });

  it('says nothing when every tool is there', () => {
    expect(missingTools([{ name: 'x', why: 'y', found: () => true, debian: 'x' }])).toEqual([]);
  });
});

describe('the Node matrix', () => {
  const day = (passed: boolean, statuses: DayResult['tests'][number]['status'][], message = ''): DayResult => ({
    id: 'day1',
    title: 'Core cache',
    passed,
    durationMs: 1,
    metrics: {},
    tests: statuses.map((status, index) => ({ group: 'Cache', name: `requirement ${index + 1}`, status, message, durationMs: 1 })),
  });
  const report = (days: DayResult[]): Report => ({ version: 1, target: 'solutions', seed: 1, passed: days.every((entry) => entry.passed), days });

  it('finds no difference between equal verdicts', () => {
    expect(verdictDifferences(report([day(true, ['passed', 'passed'])]), report([day(true, ['passed', 'passed'])]))).toEqual([]);
  });

  it('names a day and a requirement whose verdict changed', () => {
    const differences = verdictDifferences(report([day(true, ['passed', 'passed'])]), report([day(false, ['passed', 'failed'], 'Expected OK')]));
    expect(differences).toEqual(["day1 failed where Node 20's passed", 'day1 · "requirement 2" failed where Node 20\'s passed: Expected OK']);
  });

  it('holds a scaffold to its "not implemented yet" message', () => {
    const base = report([day(false, ['failed'], 'not implemented yet: Cache.set in days/01-cache/cache.ts')]);
    expect(verdictDifferences(base, report([day(false, ['failed'], 'TypeError: x is not a function')]))).toEqual(['day1 no longer says "not implemented yet"']);
  });
});

describe('the repository explains itself', () => {
  it('no file cites a document that is not in the repository', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(ts|md|json|yml|mjs)$/.test(file) && file !== 'package-lock.json');
    const citing = files.filter((file) => {
      try {
        return /\bDESIGN\.md\b|\.\.\/shared\/|\/work\/shared/.test(readFileSync(file, 'utf8'));
      } catch {
        return false; // listed but deleted in the work tree
      }
    });
    expect(citing, 'the contracts live in docs/architecture.md').toEqual([]);
  });
});
