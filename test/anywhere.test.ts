// Any learner, any folder: a command run from a subfolder of the workbook, NO_COLOR and TERM=dumb on a terminal, and starting at a
// later day with `npm run skip-to` (the days before it from the solutions, and every report saying so).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { cli, cliHere, freshState } from './grader-helpers.ts';
import { scratchDir, skipWithoutTool, treeWith } from './helpers.ts';

// Whether `script` (util-linux) can give a command a terminal here.
const hasScript = (() => {
  try {
    execFileSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('from any folder of the workbook', () => {
  it("npm run check and npm run status from days/01-cache grade and show the workbook's days/", { timeout: 120_000 }, async () => {
    const state = freshState();
    const folder = resolve(root, 'days/01-cache');
    const env = { CACHELINGS_STATE_DIR: state, FORCE_COLOR: '0' };
    const check = await execa('npm', ['run', '--silent', 'check', 'day1', '--', '--json', 'report.json'], { cwd: folder, env, reject: false, all: true });
    const report = join(folder, 'report.json');
    try {
      expect(check.exitCode, check.all).toBe(1); // the scaffold fails; a usage error would be 2
      expect(check.all).toContain('checking days/01-cache');
      expect(check.all).not.toContain('no such folder');
      expect((JSON.parse(readFileSync(report, 'utf8')) as Report).days[0]!.id, '--json is relative to the folder the learner is in').toBe('day1');
    } finally {
      rmSync(report, { force: true });
    }
    const status = await execa('npm', ['run', '--silent', 'status'], { cwd: folder, env, reject: false });
    expect(status.stdout).toContain('progress of days/');
    expect(status.stdout).toMatch(/✗ day 1 — .*requirements hold/);
    rmSync(state, { recursive: true, force: true });
  });
});

describe.skipIf(skipWithoutTool(hasScript))('on a terminal', () => {
  it('turns colours off on a terminal, where they are otherwise on', async () => {
    const state = freshState();
    const command = `${process.execPath} --import tsx grader/cli.ts status`;
    const onTerminal = (extra: Record<string, string>) => {
      const env: NodeJS.ProcessEnv = { ...process.env, CACHELINGS_STATE_DIR: state, TERM: 'xterm-256color', ...extra };
      delete env.FORCE_COLOR;
      // A CI variable turns colours off by itself (chalk's supports-color): the terminal alone must decide here.
      delete env.CI;
      if (!extra.NO_COLOR) delete env.NO_COLOR;
      return execa('script', ['-qec', command, '/dev/null'], { cwd: root, env, extendEnv: false, reject: false });
    };
    expect((await onTerminal({})).stdout, 'colours on a terminal by default').toContain('\x1b[');
    expect((await onTerminal({ NO_COLOR: '1' })).stdout, 'none with NO_COLOR=1').not.toContain('\x1b[');
    rmSync(state, { recursive: true, force: true });
  });

  it('watch clears the screen before each run, except on a dumb terminal (TERM=dumb)', { timeout: 90_000 }, async () => {
    const state = freshState();
    // q + Enter typed 3 s in; watch has cleared the screen (or not) before its first run by then.
    const watch = (term: string) =>
      execa('sh', ['-c', `(sleep 3; echo q) | script -qec "${process.execPath} --import tsx grader/cli.ts watch day1 --manual" /dev/null`], {
        cwd: root,
        env: { CACHELINGS_STATE_DIR: state, TERM: term },
        reject: false,
        timeout: 60_000,
      });
    const clear = '\x1b[2J';
    expect((await watch('xterm')).stdout, 'an ordinary terminal is cleared').toContain(clear);
    const dumb = await watch('dumb');
    expect(dumb.stdout, 'the run itself happened').toContain('[watch] run 1');
    expect(dumb.stdout, 'a dumb terminal is not').not.toContain(clear);
    rmSync(state, { recursive: true, force: true });
  });
});

describe('npm run skip-to', () => {
  it('skip-to day3 brings days 1 and 2 from the solutions, keeps a backup, and check day2 then passes saying so', { timeout: 180_000 }, async () => {
    const state = freshState();
    const tree = treeWith(undefined, 'days');
    const file = join(scratchDir('report'), 'day2.json');
    try {
      const skip = await cli(['skip-to', 'day3', '--target', tree, '--yes'], state);
      expect(skip.exitCode, skip.stderr).toBe(0);
      expect(readFileSync(join(tree, '02-server/server.ts'), 'utf8')).toBe(readFileSync(resolve(root, 'solutions/02-server/server.ts'), 'utf8'));
      expect(readFileSync(join(tree, '03-testing/cache.race.test.ts'), 'utf8'), "day 3 stays the learner's").toBe(
        readFileSync(resolve(root, 'days/03-testing/cache.race.test.ts'), 'utf8'),
      );
      const backups = join(state, 'backups');
      const [backup] = readdirSync(backups);
      expect(readFileSync(join(backups, backup!, '01-cache/cache.ts'), 'utf8'), "the learner's file is kept").toBe(
        readFileSync(resolve(root, 'days/01-cache/cache.ts'), 'utf8'),
      );
      const check = await cliHere(['check', 'day2', '--target', tree, '--json', file], state);
      expect(check.exitCode, check.stdout).toBe(0);
      expect(check.stdout).toContain('these files were taken from the solutions (npm run skip-to)');
      const day2 = (JSON.parse(readFileSync(file, 'utf8')) as Report).days[0]!;
      expect(day2).toMatchObject({ id: 'day2', passed: true, fromSolutions: true });
      const status = await cliHere(['status', '--target', tree], state);
      expect(status.stdout).toMatch(/day 1 — .*taken from the solutions/);
      expect(status.stdout).not.toMatch(/day 3 — .*taken from the solutions/);
      expect(existsSync(join(tree, '04-loadtest/workers.ts')), 'day 4 is not brought').toBe(false);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(state, { recursive: true, force: true });
    }
  });
});
