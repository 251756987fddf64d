// Vitest config for the workbook's own tests (`npm test`): solutions pass, scaffolds fail, buggy fixtures are caught.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { SlowestFirst } from './sequencer.ts';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    // Three test files side by side on the 2-core machine: every gate is held against a reference measured in the same
    // run (Redis, a bare Map, the counting server), so a busy machine does not change a verdict, and the workers fill
    // the time one file spends waiting (timeouts, paced and fixed-length load runs): CI 654 s with two, 613 s with three.
    fileParallelism: true,
    maxWorkers: 3,
    sequence: { sequencer: SlowestFirst },
    // Every test file imports much of grader/ and harness/: keep their transforms between files (and runs).
    experimental: { fsModuleCache: true },
    // A scratch CACHELINGS_STATE_DIR for the run, and a check after each file that the repo's .cachelings/ was left alone.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/state-guard.ts'],
    testTimeout: 180_000,
    // Also keep a machine-readable summary; .ci/run prints its "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tmp/test-results.json' }]],
  },
});
