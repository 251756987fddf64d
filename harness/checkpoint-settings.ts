// The settings every run of the checkpoints shares (`npm run check`, `npm run ui`, a plain `npx vitest`), as a plain
// object each vitest config wraps: checkpoints/vitest.config.ts as it is, grader/vitest.config.ts with its additions.
import { resolve } from 'node:path';
import { anyTreeNodeOptions, anyTreePlugin } from './any-tree.ts';
import { root } from './paths.ts';

/** The checkpoints' vitest settings: `@learner/…` resolves into the tree being graded (CACHELINGS_TARGET, default days/). */
export function checkpointSettings(env: NodeJS.ProcessEnv = process.env) {
  const target = resolve(root, env.CACHELINGS_TARGET ?? 'days');
  const timeout = Number(env.CACHELINGS_TEST_TIMEOUT ?? 5_000);
  return {
    root,
    resolve: { alias: [{ find: /^@learner\//, replacement: `${target}/` }] },
    plugins: anyTreePlugin(target),
    test: {
      include: ['checkpoints/**/*.test.ts'],
      testTimeout: timeout,
      hookTimeout: timeout,
      // A node a checkpoint starts (tsx: the learner's server, load tester, examples) reads a tree outside the workbook as
      // the workbook would (harness/any-tree.ts).
      env: { CACHELINGS_TARGET: target, ...anyTreeNodeOptions(target, env) },
      // Checkpoints start servers and measure throughput: run one file at a time, one test at a time.
      fileParallelism: false,
      watch: false,
    },
  };
}
