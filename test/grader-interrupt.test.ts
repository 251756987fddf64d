// Ctrl-C in the middle of the longest commands: `grade` while day 5 runs real Redis or the learner's server,
// and `ui` while it serves; each ends with 130 and leaves no process (so no listening port) behind.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from '../grader/paths.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { canSeeProcesses, leakTag, leftovers, settleLeftovers } from './grader-leaks.ts';
import { treeWith } from './helpers.ts';

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

  it('during npm run grade, while day 5 runs real Redis or the learner\'s tuned server', { timeout: 300_000 }, async () => {
    // Days 1–4 as scaffolds fail fast; the solved cache and tuned server take grade to day 5's Redis sooner.
    const tree = treeWith(undefined, 'days');
    for (const folder of ['01-cache', '05-performance']) cpSync(resolve(root, 'solutions', folder), join(tree, folder), { recursive: true });
    const tag = leakTag();
    const grader = startGrader(['grade', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      await grader.waitFor(/grading day 5/, 240_000);
      expect(await waitForProcess(tag, /redis-server|serve\.ts/, 60_000), `day 5 started Redis or the learner's server; the grader printed:\n${grader.output()}`).toBe(true);
      grader.child.kill('SIGINT');
      expect(await grader.exited).toBe(130);
      expect(await settleLeftovers(tag, 3_000), 'no grader, vitest, Redis or learner process is left').toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
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
