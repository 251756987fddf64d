// Day 6: each planted problem in a learner's docs or code is reported by the checklist step meant for it,
// and `npm run share` writes a file with only the learner's work in it.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { shareFile } from '../grader/commands/share.ts';
import { root } from '../grader/paths.ts';
import { stateDir } from '../grader/state.ts';
import { expectCaught, treeWith, type GraderRun } from './helpers.ts';

// Day 6 re-runs days 1–5 for the steps that need their figures (the README's quoted figures; `share`), so it
// gets more time than helpers.ts's runGrader gives.
const slow = 600_000;

async function grader(args: string[]): Promise<GraderRun> {
  const result = await execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: root,
    env: { FORCE_COLOR: '0', INIT_CWD: root },
    reject: false,
    timeout: slow - 20_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

// The requirement meant to catch each problem, by id (`--only` runs it alone).
const planted: [fixture: string, caughtBy: string][] = [
  ['readme-no-performance', 'readme-questions'],
  ['readme-inflated-figures', 'readme-figures'],
  ['debug-print', 'vet'],
  ['unformatted', 'format'],
  ['example-throws', 'example-server'],
];

describe('day 6 catches planted problems', () => {
  it.each(planted)('%s is caught by "%s"', { timeout: slow }, async (fixture, caughtBy) => {
    const result = await expectCaught('day6', `day6/${fixture}`, caughtBy, { only: [caughtBy], timeoutMs: slow - 20_000 });
    const message = result.tests.find((test) => test.id === caughtBy)!.message;
    if (fixture === 'debug-print') expect(message).toMatch(/debug print in library code: .*01-cache\/cache\.ts:\d+ +console\.log/);
    if (fixture === 'unformatted') expect(message).toMatch(/Prettier would reformat[^]*06-docs\/project\/examples\/library\.ts[^]*Try: +npx prettier --write /);
    if (fixture === 'readme-inflated-figures')
      expect(message).toMatch(/says 1,000,000,000 ops\/s: \d+× the best the grader has on record for your code \([\d,]+, cache\.get\.opsPerSec\)/);
    if (fixture === 'example-throws') expect(message).toMatch(/GET city returned \(nil\)/);
  });
});

describe('npm run share', () => {
  it('writes one markdown file of the week with grades, figures, a per-second chart and the reflection, and nothing else', { timeout: slow }, async () => {
    const tree = treeWith(undefined, 'solutions');
    try {
      const run = await grader(['share', '--target', tree]);
      const file = shareFile(tree);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain(`${relative(root, stateDir())}/share/`);
      expect(existsSync(file), `${file} should exist`).toBe(true);
      const text = readFileSync(file, 'utf8');
      for (const heading of [
        '## Grade',
        '## Benchmark results',
        '## Load test results',
        '## Redis comparison',
        '### What was hardest?',
        '### Architecture decisions',
        '## Test results',
      ]) {
        expect(text, `the share file should have "${heading}"`).toContain(heading);
      }
      expect(text).toMatch(/\| 1 · Core cache data structure \| ✓ \|/);
      expect(text).toContain('=== Load Test Results ===');
      expect(text, 'a per-second chart drawn as text').toMatch(/^ +1 s │█+.* [\d,]+ ops\/s$/m);
      for (const chart of ['throughput', 'latency']) {
        const svg = file.replace(/\.md$/, `-${chart}.svg`);
        expect(text, `the markdown shows the ${chart} chart`).toContain(`](${basename(svg)})`);
        expect(readFileSync(svg, 'utf8'), `${chart} chart beside the markdown`).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      }
      expect(text, 'no absolute path').not.toContain(root);
      expect(text, 'no absolute path').not.toMatch(/(^|\s)\/(home|work|tmp|Users)\//m);
      expect(text, 'nothing from outside the learner tree').not.toMatch(/solutions\/|checkpoints\/|grader\/|node_modules/);
      rmSync(file, { force: true });
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
