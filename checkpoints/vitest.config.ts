// Vitest config for the checkpoints: `@learner/…` resolves into the tree being graded (CACHELINGS_TARGET, default days/).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');

export default defineConfig({
  root,
  resolve: { alias: [{ find: /^@learner\//, replacement: `${target}/` }] },
  test: {
    include: ['checkpoints/**/*.test.ts'],
    testTimeout: Number(process.env.CACHELINGS_TEST_TIMEOUT ?? 5_000),
    hookTimeout: Number(process.env.CACHELINGS_TEST_TIMEOUT ?? 5_000),
    env: { CACHELINGS_TARGET: target },
    // Checkpoints start servers and measure throughput: run one file at a time, one test at a time.
    fileParallelism: false,
    watch: false,
  },
});
