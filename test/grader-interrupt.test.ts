// Ctrl-C in the middle of the longest commands: `grade` while day 5 has real Redis and the learner's server running,
// and `ui` while it serves; each ends with 130 and leaves no process (so no listening port) behind.
import { rmSync } from 'node:fs';
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

  it('during npm run grade, with real Redis and the learner\'s tuned server up on day 5', { timeout: 300_000 }, async () => {
    const tree = treeWith(undefined, 'solutions');
    const tag = leakTag();
    const grader = startGrader(['grade', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    try {
      expect(await waitForProcess(tag, /redis-server/, 240_000), `day 5 started redis-server; the grader printed:\n${grader.output()}`).toBe(true);
      expect(leftovers(tag).some((entry) => /serve\.ts/.test(entry.cmd)), "the learner's server is running beside it").toBe(true);
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
