// Never hanging, never leaking: hostile learner code ends within the day's limit, named, with no process left behind.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../harness/ports.ts';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { cli, freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { canSeeProcesses, leakTag, leftovers, settleLeftovers } from './grader-leaks.ts';
import { treeWith } from './helpers.ts';
import { requirementPattern } from './requirement-names.ts';

const day = findDay('day1')!;
// The day's limit (the watchdog's) plus room for starting node and tsx on a busy machine.
const limitMs = day.timeLimitSec * 1000 + 15_000;

/** Checks day 1 on `fixture` with a leak tag; returns the run, the tree and what stayed alive. */
async function hostileCheck(fixture: string, env: Record<string, string> = {}) {
  const tree = treeWith(`grader/${fixture}`);
  const tag = leakTag();
  const run = await cli(['check', 'day1', '--target', tree], freshState(), { env: { CACHELINGS_LEAK_TAG: tag, ...env } });
  return { run, tree, left: await settleLeftovers(tag) };
}

describe.skipIf(!canSeeProcesses)('hostile learner code (day 1, process checks via /proc)', () => {
  afterEach(stopGraders);

  it('a Cache.get that loops forever is stopped, named as stuck, and leaves no process', async () => {
    const { run, tree, left } = await hostileCheck('get-loops-forever');
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(limitMs);
    expect(run.stdout).toMatch(
      new RegExp(
        `✗ ${await requirementPattern('day1', 'stores-keys')}\\n\\s+did not finish within \\d+ s — an infinite loop or a promise that never settles\\?`,
      ),
    );
    expect(left, 'no process of the check is still running').toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });

  it('an RWLock.write that never settles fails the write requirements by name, in time', async () => {
    const { run, tree, left } = await hostileCheck('write-never-settles');
    expect(run.exitCode).toBe(1);
    expect(run.durationMs).toBeLessThan(limitMs);
    expect(run.stdout).toMatch(new RegExp(`✗ ${await requirementPattern('day1', 'lock-returns')}\\n\\s+write\\(fn\\) never resolved\\.`));
    expect(left).toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });

  it('a module that throws while loading is reported as such', async () => {
    const { run, tree, left } = await hostileCheck('throws-at-import');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Could not load .*01-cache\/cache\.ts: boom while loading the cache module/);
    expect(left).toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });

  // Day 2: day 1's library code runs in the learner host, which may start no process at all (see the next test).
  it('a helper process the learner code started is ended with the check, so two checks in a row never hit EADDRINUSE', async () => {
    const port = String(await freePort());
    const tree = treeWith('grader/leaks-a-process');
    for (const attempt of [1, 2]) {
      const tag = leakTag();
      const run = await cli(['check', 'day2', '--target', tree], freshState(), { env: { CACHELINGS_LEAK_TAG: tag, LEAK_PORT: port } });
      expect(run.exitCode, `check ${attempt} passes:\n${run.stdout}`).toBe(0);
      expect(await settleLeftovers(tag), `check ${attempt} left no process (the helper listening on ${port} included)`).toEqual([]);
    }
    expect(readFileSync(join(tree, '01-cache/listen.log'), 'utf8')).toBe('listening\nlistening\n');
    rmSync(tree, { recursive: true, force: true });
  });

  it("day 1's library code may not start a helper process or a thread: it fails, naming what it tried", async () => {
    const tree = treeWith('grader/leaks-a-process');
    const tag = leakTag();
    const run = await cli(['check', 'day1', '--target', tree], freshState(), { env: { CACHELINGS_LEAK_TAG: tag, LEAK_PORT: String(await freePort()) } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Could not load .*01-cache\/cache\.ts: .*your code tried to use ChildProcess/);
    expect(await settleLeftovers(tag)).toEqual([]);
    expect(existsSync(join(tree, '01-cache/listen.log')), 'no helper ever listened').toBe(false);
    rmSync(tree, { recursive: true, force: true });
  });

  it('Ctrl-C during a check stops it at once and leaves nothing running', async () => {
    const tree = treeWith('grader/get-loops-forever');
    const tag = leakTag();
    const grader = startGrader(['check', 'day1', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    const deadline = Date.now() + 20_000;
    while (leftovers(tag).filter((entry) => entry.cmd.includes('vitest')).length < 2 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 100));
    expect(leftovers(tag).length, 'the check is running (grader, vitest, a worker)').toBeGreaterThanOrEqual(3);
    grader.child.kill('SIGINT');
    expect(await grader.exited).toBe(130);
    expect(grader.output()).toContain('Stopped. Everything the check started has been shut down.');
    expect(await settleLeftovers(tag, 2_000)).toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });

  it('a grader killed outright (SIGKILL) takes its check down with it within seconds', async () => {
    const tree = treeWith('grader/get-loops-forever');
    const tag = leakTag();
    const grader = startGrader(['check', 'day1', '--target', tree], freshState(), { CACHELINGS_LEAK_TAG: tag });
    const deadline = Date.now() + 20_000;
    while (leftovers(tag).filter((entry) => entry.cmd.includes('vitest')).length < 2 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 100));
    grader.child.kill('SIGKILL');
    await grader.exited;
    expect(await settleLeftovers(tag, 4_000), 'the orphaned vitest ends itself').toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });
});
