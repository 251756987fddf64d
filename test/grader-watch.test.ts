// `npm run watch`: a check on start, another on every save, `r` to re-run (manual mode), `q` to quit.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { treeWith } from './helpers.ts';

const day = days[0]!;

describe('npm run watch', () => {
  afterEach(stopGraders);

  it('checks on start, again when a file is saved, and quits on q', async () => {
    const tree = treeWith(undefined, 'days');
    const watcher = startGrader(['watch', day.id, '--target', tree], freshState());
    await watcher.waitFor(/is not done yet/);
    await watcher.waitFor(/\[watch\] .*q \+ Enter: quit/);
    const before = watcher.output().length;
    for (const file of day.files) cpSync(resolve(root, 'solutions', file), join(tree, file));
    await watcher.waitFor(/\[watch\] run \d+ — saved /, 30_000, before);
    await watcher.waitFor(new RegExp(`✓ day 1 passed`), 60_000, before);
    watcher.type('q\n');
    expect(await watcher.exited).toBe(0);
    rmSync(tree, { recursive: true, force: true });
  }, 90_000);

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
