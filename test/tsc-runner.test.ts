// harness/tsc.ts, the one tsc runner behind `check`'s compile step and day 6's steps 1 and 9: a compiler that did not
// run is reported as such by both, never read as "no type errors".
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { compileFailure, compileRequirement, typeErrors } from '../grader/compile.ts';
import { root } from '../grader/paths.ts';
import { runTsc } from '../harness/tsc.ts';

const crashing = resolve(root, 'test/fixtures/grader/tsc-crashes/tsc');
const missing = resolve(root, '.tmp/no-such-dir/tsc');
const day1 = findDay('day1')!;
const solutions = resolve(root, 'solutions');

describe('the tsc runner', () => {
  it('says a compiler that crashed without naming a type error did not run, quoting its last lines', async () => {
    const run = await runTsc({ files: [resolve(solutions, '01-cache/cache.ts')] }, crashing);
    expect(run.ran).toBe(false);
    if (run.ran) return;
    expect(run.headline).toBe('tsc did not run to the end, so your files were not type-checked: it exited with code 2 without reporting a type error.');
    expect(run.tail).toContain('panic: runtime error');
  });

  it('says a compiler that could not be started did not run', async () => {
    const run = await runTsc({ files: [] }, missing);
    expect(run.ran === false && run.headline).toBe('tsc did not run to the end, so your files were not type-checked: it could not be started (ENOENT).');
  });

  it("fails check's compile step when tsc did not run, instead of passing it as no type errors", async () => {
    for (const tsc of [crashing, missing]) {
      const failure = compileFailure(await typeErrors(day1, solutions, tsc));
      expect(failure, `${tsc}: a failed requirement`).toMatchObject({ name: compileRequirement, status: 'failed' });
      expect(failure?.message).toMatch(
        /^tsc did not run to the end, so your files were not type-checked: [^\n]+\nReceived: [^]*\nTry: +Run `npm run typecheck` by hand/,
      );
    }
  });

  it("passes check's compile step for the solution with the real compiler", async () => {
    expect(await typeErrors(day1, solutions)).toEqual([]);
    expect(compileFailure([])).toBeUndefined();
  });
});
