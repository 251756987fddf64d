// `reset` puts a day's scaffold back after asking, keeping a backup; `diff` opens only after the day passes.
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { shippedScaffold } from '../grader/shipped.ts';
import { cli, freshState } from './grader-helpers.ts';
import { treeWith } from './helpers.ts';

const day = days[0]!;
const read = (path: string) => readFileSync(path, 'utf8');

describe('npm run reset', () => {
  it('asks first, and changes nothing when the answer is no', async () => {
    const tree = treeWith(undefined, 'solutions');
    const run = await cli(['reset', day.id, '--target', tree], freshState(), { input: 'n\n' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Go ahead? [y/N]');
    expect(run.stdout).toContain('Nothing changed.');
    for (const file of day.files) expect(read(join(tree, file))).toBe(read(resolve(root, 'solutions', file)));
    rmSync(tree, { recursive: true, force: true });
  });

  it('on yes, restores the shipped scaffold and backs the learner files up under the state folder', async () => {
    const tree = treeWith(undefined, 'solutions');
    const state = freshState();
    const run = await cli(['reset', day.id, '--target', tree], state, { input: 'y\n' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Restored ${day.files.length} file(s).`);
    const [stamp] = readdirSync(join(state, 'backups'));
    for (const file of day.files) {
      expect(read(join(tree, file)), `${file} is the scaffold again`).toBe(shippedScaffold(file));
      expect(read(join(tree, file))).toBe(read(resolve(root, 'days', file)));
      expect(read(join(state, 'backups', stamp!, file)), `${file} was backed up`).toBe(read(resolve(root, 'solutions', file)));
    }
    const again = await cli(['reset', day.id, '--target', tree, '--yes'], state);
    expect(again.stdout).toContain('is already as shipped. Nothing to do.');
    rmSync(tree, { recursive: true, force: true });
  });
});

describe('npm run diff', () => {
  it('refuses before the day passes, saying why and what to run', async () => {
    const run = await cli(['diff', day.id, '--target', 'days'], freshState());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`it opens once ${day.id} passes`);
    expect(run.stdout).toContain(`Next: npm run check ${day.id}`);
  });

  it('after a pass, shows the learner files beside the solution as a unified diff', async () => {
    const tree = treeWith(undefined, 'solutions');
    const [file] = day.files;
    appendFileSync(join(tree, file!), '// my own note\n');
    const state = freshState();
    const check = await cli(['check', day.id, '--target', tree], state);
    expect(check.exitCode).toBe(0);
    const run = await cli(['diff', day.id, '--target', tree], state);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^--- .*01-cache/m);
    expect(run.stdout).toMatch(/^\+\+\+ .*solutions\/01-cache/m);
    expect(run.stdout).toContain('-// my own note');
    rmSync(tree, { recursive: true, force: true });
  });
});
