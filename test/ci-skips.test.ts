// CI (.ci/run): tools it installs are there for the tests, so a test that would skip for a missing one fails instead.
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { scratchDir, skipWithoutTool } from './helpers.ts';

describe('skips in CI', () => {
  it('lets a test skip for a missing tool outside CI, and makes it run (and fail) in CI', () => {
    expect(skipWithoutTool(false, {}), "a learner's machine without Chromium skips the browser check").toBe(true);
    expect(skipWithoutTool(false, { CACHELINGS_CI: '1' }), 'in CI the test runs and fails on the missing tool').toBe(false);
    expect(skipWithoutTool(true, {}), 'a present tool never skips').toBe(false);
  });

  it('.ci/run runs npm test with CACHELINGS_CI=1 and installs Chromium when /usr/bin/chromium is missing', async () => {
    const script = readFileSync(resolve(root, '.ci/run'), 'utf8');
    expect(script, 'the install looks for the path the UI test launches, not for any chromium on PATH').toContain('[ ! -x /usr/bin/chromium ]');
    expect(script).not.toMatch(/command -v chromium/);
    // Run a copy with npm, node and apt-get replaced by stubs that log how they were called.
    const dir = scratchDir('ci');
    try {
      mkdirSync(join(dir, '.ci'));
      cpSync(resolve(root, '.ci/run'), join(dir, '.ci/run'));
      mkdirSync(join(dir, 'bin'));
      const log = join(dir, 'calls.log');
      for (const tool of ['npm', 'node', 'apt-get']) {
        writeFileSync(join(dir, 'bin', tool), `#!/bin/sh\necho "${tool} $* CACHELINGS_CI=$CACHELINGS_CI" >> ${log}\n`);
        chmodSync(join(dir, 'bin', tool), 0o755);
      }
      const run = await execa('bash', [join(dir, '.ci/run')], { env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` }, extendEnv: false, reject: false });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(readFileSync(log, 'utf8')).toContain('npm test CACHELINGS_CI=1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
