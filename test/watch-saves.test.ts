// watch's file watcher (grader/watch/saves.ts): every kind of save is seen, and seen again after it, once per burst.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quietMs, watchSaves, type Saves } from '../grader/watch/saves.ts';
import { scratchDir } from './helpers.ts';

let tree: string;
let saves: Saves;
let bursts: string[];
let heard: () => void = () => {};

/** Resolves at the next burst after `save()` runs (within 10 s, or fails saying what was heard). */
async function burstAfter(save: () => void): Promise<string> {
  const before = bursts.length;
  const next = new Promise<void>((done) => (heard = done));
  save();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`no burst after the save; heard ${JSON.stringify(bursts)}`)), 10_000)));
  await Promise.race([next, late]).finally(() => clearTimeout(timer));
  expect(bursts.length, `one burst for one save; heard ${JSON.stringify(bursts.slice(before))}`).toBe(before + 1);
  return bursts.at(-1)!;
}

/** Lets more than one quiet period pass, so that a burst would have been told by then. */
const settle = () => new Promise((done) => setTimeout(done, quietMs * 4));

describe('watch hears saves (grader/watch/saves.ts)', () => {
  beforeEach(async () => {
    tree = scratchDir('saves');
    mkdirSync(join(tree, '01-cache'));
    writeFileSync(join(tree, '01-cache/cache.ts'), 'export const a = 1;\n');
    bursts = [];
    saves = watchSaves(
      tree,
      (file) => (bursts.push(file), heard()),
      (error) => bursts.push(`error: ${String(error)}`),
    );
    await settle(); // chokidar's first scan of the folder
  });
  afterEach(async () => {
    await saves.close();
    rmSync(tree, { recursive: true, force: true });
  });

  const file = () => join(tree, '01-cache/cache.ts');

  it('W1: a write-and-rename save is heard, and in-place saves after it are heard too', async () => {
    expect(await burstAfter(() => (writeFileSync(`${file()}.new`, 'export const a = 2;\n'), renameSync(`${file()}.new`, file())))).toMatch(/cache\.ts/);
    await settle();
    expect(await burstAfter(() => writeFileSync(file(), 'export const a = 3;\n'))).toBe(join('01-cache', 'cache.ts'));
    await settle();
    expect(await burstAfter(() => writeFileSync(file(), 'export const a = 4;\n'))).toBe(join('01-cache', 'cache.ts'));
  });

  it('W2: sed -i and delete-and-create are heard, each again after the other', async () => {
    await burstAfter(() => execFileSync('sed', ['-i', 's/1/2/', file()]));
    await settle();
    await burstAfter(() => (unlinkSync(file()), writeFileSync(file(), 'export const a = 3;\n')));
    await settle();
    await burstAfter(() => execFileSync('sed', ['-i', 's/3/4/', file()]));
  });

  it("W3: vim's and JetBrains' save sequences are one run each, told as a save of the file itself", async () => {
    const vim = () => {
      writeFileSync(join(tree, '01-cache/4913'), '');
      unlinkSync(join(tree, '01-cache/4913'));
      renameSync(file(), `${file()}~`);
      writeFileSync(file(), 'export const a = 2;\n');
      unlinkSync(`${file()}~`);
    };
    expect(await burstAfter(vim)).toBe(join('01-cache', 'cache.ts'));
    await settle();
    const jetbrains = () => {
      writeFileSync(`${file()}___jb_tmp___`, 'export const a = 3;\n');
      renameSync(file(), `${file()}___jb_old___`);
      renameSync(`${file()}___jb_tmp___`, file());
      unlinkSync(`${file()}___jb_old___`);
    };
    expect(await burstAfter(jetbrains)).toBe(join('01-cache', 'cache.ts'));
  });

  it('W4: a burst of saves is one run, told with the last file saved', async () => {
    const last = await burstAfter(() => {
      for (let i = 0; i < 10; i += 1) writeFileSync(file(), `export const a = ${i};\n`);
      writeFileSync(join(tree, '01-cache/rwlock.ts'), 'export {};\n');
    });
    expect(last).toBe(join('01-cache', 'rwlock.ts'));
    await settle();
    expect(bursts, 'no second run for the same burst').toHaveLength(1);
  });

  it("W5: editors' swap, backup and write-test files and node_modules are not saves", async () => {
    writeFileSync(join(tree, '01-cache/.cache.ts.swp'), 'swap');
    writeFileSync(join(tree, '01-cache/cache.ts~'), 'backup');
    writeFileSync(join(tree, '01-cache/4913'), ''); // vim checks that it may write in the folder with this file
    unlinkSync(join(tree, '01-cache/4913'));
    mkdirSync(join(tree, 'node_modules'));
    writeFileSync(join(tree, 'node_modules/x.js'), '');
    await settle();
    expect(bursts, 'none of these should start a run').toEqual([]);
    expect(await burstAfter(() => writeFileSync(file(), 'export const a = 2;\n'))).toBe(join('01-cache', 'cache.ts'));
  });
});
