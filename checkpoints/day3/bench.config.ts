// Nested vitest config (day 3): runs the learner's benchmark file with `vitest bench --run`.
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');

export default defineConfig({
  root,
  cacheDir: resolve(tmpdir(), 'cachelings-vite-day3'),
  resolve: { alias: [{ find: /^@learner\//, replacement: `${target}/` }] },
  test: {
    dir: target,
    watch: false,
    pool: 'threads', // one process: stopping it stops the learner's code (see nested.ts)
    benchmark: { include: [resolve(target, '03-testing/cache.bench.ts')] },
  },
});
