// grader/tools/patch.ts: fixtures' bug.patch files apply where their lines match (up to two outer context lines of
// fuzz, like GNU patch), and a patch the solution has outgrown says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './helpers.ts';
import { applyPatch } from '../grader/tools/patch.ts';

const patch = `--- a/01-cache/cache.ts
+++ b/01-cache/cache.ts
@@ -2,3 +2,3 @@
 one

-two
+TWO // BUG: planted
`;

function tree(text: string): { dir: string; file: string; patchFile: string } {
  const dir = scratchDir('patch');
  mkdirSync(join(dir, '01-cache'));
  writeFileSync(join(dir, '01-cache/cache.ts'), text);
  writeFileSync(join(dir, 'bug.patch'), patch);
  return { dir, file: join(dir, '01-cache/cache.ts'), patchFile: join(dir, 'bug.patch') };
}

describe('applying a fixture patch', () => {
  it('replaces the hunk where its context matches, even when lines above it moved', () => {
    const { dir, file, patchFile } = tree('// header\n// added line\none\n\ntwo\nthree\n');
    applyPatch(patchFile, dir);
    expect(readFileSync(file, 'utf8'), 'the hunk lands below the added line').toBe('// header\n// added line\none\n\nTWO // BUG: planted\nthree\n');
  });

  it('applies when a line was added inside its outer context, as GNU patch does with fuzz 2', () => {
    const { dir, file, patchFile } = tree('// header\none\n// a new line\n\ntwo\nthree\n');
    applyPatch(patchFile, dir);
    expect(readFileSync(file, 'utf8')).toBe('// header\none\n// a new line\n\nTWO // BUG: planted\nthree\n');
  });

  it('refuses, naming the patch, the file and the hunk, when the solution changed there', () => {
    const { dir, patchFile } = tree('// header\none\n\n2\n');
    expect(() => applyPatch(patchFile, dir), 'a changed context line must stop the fixture, not plant the bug elsewhere').toThrow(
      /bug\.patch no longer applies to 01-cache\/cache\.ts \(@@ -2,3 \+2,3 @@\)/,
    );
  });
});
