// The settings every run of the checkpoints shares (`npm run check`, `npm run ui`, a plain `npx vitest`), as a plain
// object each vitest config wraps: checkpoints/vitest.config.ts as it is, grader/vitest.config.ts with its additions.
import { resolve } from 'node:path';
import { root } from './paths.ts';

/** The checkpoints' vitest settings: `@learner/…` resolves into the tree being graded (CACHELINGS_TARGET, default days/). */
export function checkpointSettings(env: NodeJS.ProcessEnv = process.env) {
  const target = resolve(root, env.CACHELINGS_TARGET ?? 'days');
  const timeout = Number(env.CACHELINGS_TEST_TIMEOUT ?? 5_000);
  return {
    root,
    resolve: { alias: [{ find: /^@learner\//, replacement: `${target}/` }] },
    test: {
      include: ['checkpoints/**/*.test.ts'],
      testTimeout: timeout,
      hookTimeout: timeout,
      env: { CACHELINGS_TARGET: target },
      // Checkpoints start servers and measure throughput: run one file at a time, one test at a time.
      fileParallelism: false,
      watch: false,
    },
  };
}
