// Ctrl-C in the middle of the longest commands: `grade` while day 5 runs real Redis or the learner's server,
// `check day6` while the learner's `npm start` (and what it started, detached) runs, `check day3` once its run files
// are written, and `ui` while it serves; each ends with 130 and leaves no process, port or temp file of its own.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from '../grader/paths.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { canConnect } from '../harness/ports.ts';
import { freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { canSeeProcesses, leakTag, leftovers, settleLeftovers } from './grader-leaks.ts';
import { scratchDir, treeWith } from './helpers.ts';

// A solved tree whose `npm start` (02-server/main.ts) first starts a detached process that listens and never ends, as a
// learner's code might (a process-group kill misses it; the grader's sweep of its run's processes does not), then waits
// 2 s before it listens itself, so that Ctrl-C lands while the check waits for it.
function treeWithDetachedChild(): string {
  const tree = treeWith(undefined);
  const main = join(tree, '02-server/main.ts');
  const forever = "require('node:net').createServer().listen(0, '127.0.0.1'); setInterval(() => {}, 1000); // cachelings-forever";
  const first = `import { spawn as spawnForever } from 'node:child_process';\nspawnForever(process.execPath, ['-e', ${JSON.stringify(forever)}], { detached: true, stdio: 'ignore' }).unref();\nawait new Promise((done) => setTimeout(done, 2000));\n`;
  writeFileSync(main, first + readFileSync(main, 'utf8'));
  return tree;
}

// The entries of the temp folder `dir` that a grader run made for itself (the vite caches are kept on purpose).
function runFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('cachelings-') && !name.startsWith('cachelings-vite-'));
}

// Polls until `found()` is true (at most `ms`).
async function until(found: () => boolean, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((done) => setTimeout(done, 100))) if (found()) return true;
  return false;
}

// Polls until a tagged process whose command line matches `pattern` is alive (at most `ms`).
async function waitForProcess(tag: string, pattern: RegExp, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (leftovers(tag).some((entry) => pattern.test(entry.cmd))) return true;
    await new Promise((done) => setTimeout(done, 200));
  }
  return false;
}

describe.skipIf(!canSeeProcesses)('Ctrl-C leaves nothing running', () => {
  afterEach(stopGraders);

  it("during npm run grade, while day 5 runs real Redis or the learner's tuned server", { timeout: 300_000 }, async () => {
    // Days 1–4 as scaffolds fail fast; the solved cache and tuned server take grade to day 5's Redis sooner.
    const tree = treeWith(undefined, 'days');
    for (const folder of ['01-cache', '05-performance']) cpSync(resolve(root, 'solutions', folder), join(tree, folder), { recursive: true });
    const tag = leakTag();
    const grader = startGrader(['grade', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      await grader.waitFor(/grading day 5/, 240_000);
      expect(
        await waitForProcess(tag, /redis-server|serve\.ts/, 60_000),
        `day 5 started Redis or the learner's server; the grader printed:\n${grader.output()}`,
      ).toBe(true);
      grader.child.kill('SIGINT');
      expect(await grader.exited).toBe(130);
      expect(await settleLeftovers(tag, 3_000), 'no grader, vitest, Redis or learner process is left').toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it("during check day6, while the learner's npm start and the process it detached are running", { timeout: 120_000 }, async () => {
    const tree = treeWithDetachedChild();
    const tag = leakTag();
    const grader = startGrader(['check', 'day6', '--target', tree, '--only', 'npm start starts'], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      expect(
        await waitForProcess(tag, /cachelings-forever/, 90_000),
        `the learner's server started its detached child; the grader printed:\n${grader.output()}`,
      ).toBe(true);
      const port = Number(
        /main\.ts --port (\d+)/.exec(
          leftovers(tag)
            .map((entry) => entry.cmd)
            .join('\n'),
        )?.[1],
      );
      grader.child.kill('SIGINT');
      expect(await grader.exited).toBe(130);
      expect(grader.output()).toContain('Everything the check started has been shut down.');
      expect(await settleLeftovers(tag, 3_000), 'no grader, vitest, learner server or detached child is left').toEqual([]);
      expect(port > 0 && !(await canConnect(port)), `nothing listens on the learner's port ${port} any more`).toBe(true);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it("after check day6 ends by itself, when the learner's npm start detached a process", { timeout: 120_000 }, async () => {
    const tree = treeWithDetachedChild();
    const tag = leakTag();
    const grader = startGrader(['check', 'day6', '--target', tree, '--only', 'npm start starts'], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      expect(await grader.exited, grader.output()).toBe(0);
      expect(await settleLeftovers(tag, 3_000), "the learner's detached child went with the check").toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it("after the grader itself is killed (SIGKILL) during check day6: its vitest ends the learner's processes", { timeout: 120_000 }, async () => {
    const tree = treeWithDetachedChild();
    const tag = leakTag();
    const temp = scratchDir('tmpdir'); // a killed grader cannot remove its temp folder: keep it out of the OS's
    const grader = startGrader(['check', 'day6', '--target', tree, '--only', 'npm start starts'], freshState(), { CACHELINGS_LEAK_TAG: tag, TMPDIR: temp });
    try {
      expect(
        await waitForProcess(tag, /cachelings-forever/, 90_000),
        `the learner's server started its detached child; the grader printed:\n${grader.output()}`,
      ).toBe(true);
      grader.child.kill('SIGKILL');
      await grader.exited;
      expect(await settleLeftovers(tag, 5_000), 'the orphan guard ended vitest, the learner server and its detached child').toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('during check day3, once its hand-in and run files are written, leaving no temp file of its own', { timeout: 180_000 }, async () => {
    const tree = treeWith(undefined);
    const temp = scratchDir('tmpdir');
    const grader = startGrader(['check', 'day3', '--target', tree], freshState(), { TMPDIR: temp });
    try {
      // What the run wrote so far: the files of its own folder (or, written loose in the temp folder, their names).
      const ours = () =>
        runFiles(temp).flatMap((name) =>
          existsSync(join(temp, name)) && statSync(join(temp, name)).isDirectory() ? readdirSync(join(temp, name)) : [name.replace(/^cachelings-/, '')],
        );
      expect(
        await until(() => ours().some((name) => name.startsWith('hand-in-')) && ours().some((name) => /^(cachelings-)?run-/.test(name)), 150_000),
        `the check wrote its hand-in and run ledger; the grader printed:\n${grader.output()}`,
      ).toBe(true);
      grader.child.kill('SIGINT');
      expect(await grader.exited).toBe(130);
      expect(runFiles(temp), `left in ${temp}`).toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('during npm run ui, once it serves', { timeout: 120_000 }, async () => {
    const tree = treeWith(undefined, 'days');
    const tag = leakTag();
    const grader = startGrader(['ui', 'day1', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      await grader.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/__vitest__\/)/);
      expect(leftovers(tag).length, 'the UI is running').toBeGreaterThan(0);
      grader.child.kill('SIGINT');
      expect(await grader.exited).toBe(130);
      expect(await settleLeftovers(tag, 3_000), 'no grader or vitest process is left').toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
