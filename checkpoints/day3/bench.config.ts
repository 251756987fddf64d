// Vitest config of the grader's run of the learner's benchmark file (`vitest bench --run`, days 3 and 6; course/days.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { anyTreePlugin } from '../../harness/any-tree.ts';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');

export default defineConfig({
  root,
  plugins: anyTreePlugin(target),
  // This workbook's own cache (its .tmp/), never a folder every clone and user of the machine shares.
  cacheDir: resolve(root, '.tmp/vite-day3'),
  resolve: { alias: [{ find: /^@learner\//, replacement: `${target}/` }] },
  test: {
    dir: target,
    watch: false,
    pool: 'threads', // one process: stopping it stops the learner's code (grader/learner-runs.ts)
    experimental: { fsModuleCache: true }, // transformed modules kept between runs, as grader/vitest.config.ts does
    benchmark: { include: [resolve(target, '03-testing/cache.bench.ts')] },
  },
});
