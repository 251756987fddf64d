// Tamper warning: grader/checksums.json is current (maintainers regenerate it), and `check` warns when a checkpoint differs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { Checksums } from '../grader/checksums.ts';
import { root } from '../grader/paths.ts';
import { cli, freshState } from './grader-helpers.ts';
import { scratchDir } from './helpers.ts';

describe('checkpoint checksums', () => {
  it('grader/checksums.json matches checkpoints/ and the scaffolds (else: node --import tsx grader/tools/checksums.ts --write)', async () => {
    const run = await execa(process.execPath, ['--import', 'tsx', 'grader/tools/checksums.ts'], { cwd: root, reject: false });
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it('check warns, naming the file, when a checkpoint differs from what shipped', async () => {
    const shipped = JSON.parse(readFileSync(join(root, 'grader/checksums.json'), 'utf8')) as Checksums;
    const [file] = Object.keys(shipped.checkpoints).filter((name) => name.endsWith('.test.ts'));
    const dir = scratchDir('sums');
    const altered = join(dir, 'checksums.json');
    writeFileSync(altered, JSON.stringify({ ...shipped, checkpoints: { ...shipped.checkpoints, [file!]: '0'.repeat(64) } }));
    const run = await cli(['check', 'day1', '--target', 'solutions'], freshState(), { env: { CACHELINGS_CHECKSUMS: altered } });
    expect(run.stdout).toContain('⚠ The files that decide a verdict differ from what shipped');
    expect(run.stdout).toContain(`changed: ${file}`);
    expect(run.stdout).toContain('git checkout -- course/ harness/ checkpoints/');
    const clean = await cli(['check', 'day1', '--target', 'solutions'], freshState());
    expect(clean.stdout).not.toContain('differ from what shipped');
    rmSync(dir, { recursive: true, force: true });
  });
});
