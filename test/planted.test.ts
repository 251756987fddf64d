// Planted bugs that say which requirement catches them on their patch's first line (`Caught by: <id>`, before the
// diff): each is graded and must be caught by that requirement. A bug whose failure must also say something
// particular goes in its day's fixture table instead (test/dayN.test.ts). test/fixtures/README.md.
import { describe, expect, it } from 'vitest';
import { caughtByPatches } from '../grader/tools/lint/references.ts';
import { expectCaught } from './helpers.ts';

const declared = caughtByPatches();

describe('planted bugs caught by the requirement their patch names', () => {
  it.skipIf(declared.length > 0)('has none yet (npm run new-day plants the first of a new day)', () => {
    expect(declared).toEqual([]);
  });

  it.each(declared)('%s: %s is caught by "%s"', async (day, fixture, id) => {
    await expectCaught(day, fixture, id);
  });
});
