// The settings every run of the checkpoints shares (`npm run check`, `npm run ui`, a plain `npx vitest`), as a plain
// object each vitest config wraps: checkpoints/vitest.config.ts as it is, grader/vitest.config.ts with its additions.
import { resolve } from 'node:path';
import { anyTreeNodeOptions, anyTreePlugin } from './any-tree.ts';
import { ManifestOrder } from './manifest-order.ts';
import { root } from './paths.ts';

/** Folders whose stack frames the learner never edits: vitest's UI and reports leave them out. */
const notTheLearners = /\/(harness|checkpoints|grader|node_modules)\/|^node:|\(internal\//;

/** Whether a stack frame in `file` is worth showing the learner (their own code, not the grader's). */
export function learnersFrame(file: string): boolean {
  return !notTheLearners.test(file.replace(/^file:\/\//, '').replace(root, ''));
}

/** The checkpoints' vitest settings: `@learner/…` resolves into the tree being graded (CACHELINGS_TARGET, default days/).
 *  `setupFiles` run before the checkpoints' own (the grader's probe must see a test begin before it may skip). */
export function checkpointSettings(env: NodeJS.ProcessEnv = process.env, setupFiles: string[] = []) {
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
      // Checkpoints start servers and measure throughput: run one file at a time, one test at a time, in the
      // manifest's order, with one ledger per run for preconditions and causes (checkpoints/support/ledger.ts).
      fileParallelism: false,
      watch: false,
      sequence: { sequencer: ManifestOrder },
      globalSetup: ['checkpoints/support/run-ledger.ts'],
      setupFiles: [...setupFiles, 'checkpoints/support/run-setup.ts'],
      tags: [{ name: 'bonus', description: 'bonus — not required to pass the day' }],
      onStackTrace: (_error: unknown, frame: { file: string }) => learnersFrame(frame.file),
    },
  };
}
