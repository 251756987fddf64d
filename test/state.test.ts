// The workbook's own tests never use the learner's state folder: each run has a scratch one, and a write to
// the repo's .cachelings/ fails the test file that made it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { stateDir } from '../grader/state.ts';
import { runGrader, scratchDir } from './helpers.ts';
import { repoState, stateChanges, stateSnapshot } from './state-guard.ts';

describe('the state folder of a test run', () => {
  it('is a scratch folder under .tmp/, which graders started by the tests use too', async () => {
    const state = process.env.CACHELINGS_STATE_DIR;
    expect(state, 'test/global-setup.ts sets CACHELINGS_STATE_DIR for the whole run').toBeDefined();
    expect(relative(root, stateDir()), "never the repo's .cachelings/").toMatch(/^\.tmp\/state-run-/);
    const before = stateSnapshot();
    const hints = resolve(stateDir(), 'hints.json');
    const saved = existsSync(hints) ? readFileSync(hints, 'utf8') : undefined;
    try {
      const run = await runGrader(['hint', 'day1']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(existsSync(hints), 'the grader remembered the hint in the scratch folder').toBe(true);
      expect(stateChanges(before, stateSnapshot()), "and wrote nothing to the repo's .cachelings/").toEqual([]);
    } finally {
      if (saved === undefined) rmSync(hints, { force: true });
      else writeFileSync(hints, saved);
    }
  });

  it("notices a file written to the repo's .cachelings/ (what fails the test file that wrote it)", () => {
    const dir = scratchDir('state-guard');
    try {
      const before = stateSnapshot(dir);
      mkdirSync(resolve(dir, 'questions'));
      writeFileSync(resolve(dir, 'questions/day1.md'), 'leak');
      expect(stateChanges(before, stateSnapshot(dir))).toEqual(['questions/day1.md']);
      expect(repoState).toBe(resolve(root, '.cachelings'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
