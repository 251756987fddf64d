// The fast tier (`npm run test:unit`): the workbook's tests that run in this process alone, starting no grader, vitest,
// tsc, server or browser, so a maintainer's edit-and-check loop takes seconds. `npm test` runs them too, with the rest.
// One file: `npx vitest run --config test/vitest.unit.config.ts test/identity.test.ts` (any file of the full suite runs
// the same way with test/vitest.config.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The in-process test files: each reads or builds data, never starts a process. */
export const unitFiles = [
  'test/ask-excerpt.test.ts',
  'test/explain.test.ts',
  'test/formats.test.ts',
  'test/gates.test.ts',
  'test/guides.test.ts',
  'test/identity.test.ts',
  'test/import-cycles.test.ts',
  'test/layers.test.ts',
  'test/patch.test.ts',
  'test/planted.test.ts',
  'test/ports.test.ts',
  'test/registry.test.ts',
  'test/requirement-ids.test.ts',
  'test/review.test.ts',
  'test/tcp-support.test.ts',
  'test/day5-checks.test.ts',
  'test/day6-figures.test.ts',
  'test/lint-drift.test.ts',
  'test/self-test-workflow.test.ts',
];

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: unitFiles,
    // The same scratch state folder and guard as the full suite (test/vitest.config.ts).
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/state-guard.ts'],
    testTimeout: 30_000,
  },
});
