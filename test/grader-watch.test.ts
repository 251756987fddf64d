// `npm run watch`: a check on start, another on every save of any kind, `r` to re-run (manual mode), `q` to quit.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { cliHere, freshState, startGrader, stopGraders, type LiveGrader } from './grader-helpers.ts';
import { scratchDir, treeWith } from './helpers.ts';

const day = days[0]!;
const solved = readFileSync(resolve(root, 'solutions/01-cache/cache.ts'), 'utf8');
// One planted bug, and the `sed -i` expression that takes it out again: delete reports whether the key is there.
const buggy = solved.replace('return this.#store.delete(key);', 'return this.#store.has(key);');
const verdict = /(✓ day 1 passed|✗ day 1 is not done yet)/;

/** A tree holding only day 1's scaffold: the smallest tree `watch day1` checks. */
function dayOneTree(): string {
  const tree = scratchDir('tree');
  cpSync(resolve(root, 'days', day.slug), join(tree, day.slug), { recursive: true });
  return tree;
}

describe('npm run watch, under four kinds of save (day 1 on a tree of day 1 only)', () => {
  let tree: string;
  let watcher: LiveGrader;
  let runs = 1;
  const cache = () => join(tree, day.slug, 'cache.ts');

  /** Saves with `save`, then waits for exactly one more run and returns its verdict line. */
  async function runAfter(save: () => void): Promise<string> {
    const from = watcher.output().length;
    save();
    runs += 1;
    await watcher.waitFor(new RegExp(`\\[watch\\] run ${runs} — saved `), 30_000, from);
    const [line] = await watcher.waitFor(verdict, 60_000, from);
    await watcher.waitFor(/q \+ Enter: quit/, 10_000, from);
    expect(watcher.output().slice(from), 'one save is one run').not.toMatch(new RegExp(`run ${runs + 1} —`));
    return line;
  }

  beforeAll(async () => {
    tree = dayOneTree();
    watcher = startGrader(['watch', day.id, '--target', tree], freshState());
    await watcher.waitFor(/is not done yet/);
    await watcher.waitFor(/\[watch\] .*q \+ Enter: quit/);
  }, 60_000);
  afterAll(() => {
    stopGraders();
    rmSync(tree, { recursive: true, force: true });
  });

  it('WS1: a save in place (two files at once: one run) is checked: the solution passes', async () => {
    const solve = () => (cpSync(resolve(root, 'solutions', day.slug, 'rwlock.ts'), join(tree, day.slug, 'rwlock.ts')), writeFileSync(cache(), solved));
    expect(await runAfter(solve)).toBe('✓ day 1 passed');
  }, 90_000);

  it('WS2: a write-and-rename save (vim, JetBrains) is checked: the planted bug fails', async () => {
    expect(await runAfter(() => (writeFileSync(`${cache()}.tmp`, buggy), renameSync(`${cache()}.tmp`, cache())))).toBe('✗ day 1 is not done yet');
  }, 90_000);

  it('WS3: a `sed -i` save after the rename is still checked: the fix passes', async () => {
    expect(await runAfter(() => execFileSync('sed', ['-i', 's/#store.has(key)/#store.delete(key)/', cache()]))).toBe('✓ day 1 passed');
  }, 90_000);

  it('WS4: a delete-and-create save is checked, and the last verdict is what a fresh check says', async () => {
    expect(await runAfter(() => (unlinkSync(cache()), writeFileSync(cache(), buggy)))).toBe('✗ day 1 is not done yet');
    const fresh = await cliHere(['check', day.id, '--target', tree], freshState());
    expect(fresh.stdout).toMatch(/✗ day 1 is not done yet/);
    watcher.type('q\n');
    expect(await watcher.exited).toBe(0);
  }, 90_000);
});

describe('npm run watch, manual mode', () => {
  afterEach(stopGraders);

  it('in manual mode, checks again on r + Enter and never on its own', async () => {
    const tree = treeWith(undefined, 'days');
    const watcher = startGrader(['watch', day.id, '--target', tree, '--manual'], freshState());
    await watcher.waitFor(/\[watch\] r \+ Enter: check again/);
    for (const file of day.files) cpSync(resolve(root, 'solutions', file), join(tree, file));
    await new Promise((done) => setTimeout(done, 1_000));
    expect(watcher.output(), 'manual mode does not react to saves').not.toContain('run 2');
    watcher.type('r\n');
    await watcher.waitFor(/\[watch\] run 2 — you pressed r/);
    await watcher.waitFor(/✓ day 1 passed/);
    watcher.type('q\n');
    expect(await watcher.exited).toBe(0);
    rmSync(tree, { recursive: true, force: true });
  }, 90_000);
});
