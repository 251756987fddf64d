// Vitest config of the grader's run of the learner's own tests for day 6 (steps 2 and 3): every `*.test.ts` of the
// tree, one file at a time, in one process (stopping it stops the learner's code; grader/learner-runs.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { anyTreePlugin } from '../../harness/any-tree.ts';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');

export default defineConfig({
  root,
  plugins: anyTreePlugin(target),
  // This workbook's own cache (its .tmp/), never a folder every clone and user of the machine shares.
  cacheDir: resolve(root, '.tmp/vite-day6'),
  test: {
    dir: target,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.*/**'],
    watch: false,
    fileParallelism: false,
    pool: 'threads',
  },
});
