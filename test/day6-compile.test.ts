// Day 6 steps 1 and 9: a tsc that did not run (crashed, missing) is a failure with its own message, never a pass.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheck } from '../checkpoints/day6/code.ts';
import { root } from '../grader/paths.ts';

const crashing = resolve(root, 'test/fixtures/grader/tsc-crashes/tsc');

describe('day 6 compile step', () => {
  it('fails when tsc crashes without reporting a type error, quoting what it printed', async () => {
    const error = await typecheck({}, crashing).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.name, 'a crash is a failed requirement, not a pass with no errors').toBe('CheckError');
    expect(error?.message).toMatch(/^tsc did not run to the end, so your files were not type-checked: it exited with code 2 without reporting a type error\./);
    expect(error?.message).toMatch(/Received: .*panic: runtime error/);
    expect(error?.message).toContain('Try:      Run `npm run typecheck` by hand');
  });

  it('fails when the tsc binary is missing, saying it could not be started', async () => {
    const error = await typecheck({}, resolve(root, '.tmp/no-such-dir/tsc')).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.message).toMatch(/^tsc did not run to the end, so your files were not type-checked: it could not be started \(ENOENT\)\./);
  });

  it('passes the shipped scaffolds with the real compiler (no error lines, no failure)', async () => {
    expect(await typecheck()).toEqual([]);
  });
});
