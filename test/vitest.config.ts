// Vitest config for the workbook's own tests (`npm test`): solutions pass, scaffolds fail, buggy fixtures are caught.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fixtures/**', 'node_modules/**'],
    // Each test runs the grader in a child process; one at a time keeps the throughput gates honest.
    fileParallelism: false,
    testTimeout: 180_000,
  },
});
