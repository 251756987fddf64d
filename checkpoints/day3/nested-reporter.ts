// Reporter of the nested runs (day 3): writes every learner test or benchmark, per project, to one JSON file
// (path in CACHELINGS_NESTED_OUT), so the checkpoint can judge them.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import type {} from './outlived.ts'; // the `outlived` field of a test's meta

/** One learner test or benchmark in one project (own code, or a mutant). */
export interface NestedTest {
  project: string;
  name: string;
  fullName: string;
  /** passed, failed, skipped, pending, or todo. */
  state: string;
  errors: string[];
  /** Benchmarks only: calls per second, when the benchmark produced a figure. */
  hz?: number;
  /** Race tests only: the test returned while its tasks still used the lock or the cache (outlived.ts). */
  outlived?: { lockCalls: number; laterCacheCalls: number };
}

/** What one nested run wrote. */
export interface NestedResults {
  tests: NestedTest[];
  /** Errors that stopped a whole file or suite (it did not load, a benchmark threw), per project. */
  fileErrors: { project: string; errors: string[] }[];
}

/** An error's message without terminal colours (some transform errors colour their text regardless of NO_COLOR). */
const message = (error: { message?: string }) => (error.message ?? String(error)).replace(/\x1b\[[0-9;]*m/g, '');

export default class NestedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const out: NestedResults = { tests: [], fileErrors: [] };
    for (const module of modules) {
      const project = module.project.name;
      const errors = [...module.errors(), ...[...module.children.allSuites()].flatMap((suite) => suite.errors())].map(message);
      if (errors.length > 0) out.fileErrors.push({ project, errors });
      for (const test of module.children.allTests()) {
        const result = test.result();
        // The benchmark figure is on the runner task, which vitest's reporter API does not type.
        const benchmark = (test as unknown as { task: { result?: { benchmark?: { hz?: number } } } }).task.result?.benchmark;
        out.tests.push({
          project,
          name: test.name,
          fullName: test.fullName,
          state: test.options.mode === 'todo' ? 'todo' : result.state,
          errors: (result.errors ?? []).map(message),
          ...(benchmark?.hz !== undefined && { hz: benchmark.hz }),
          ...(test.meta().outlived !== undefined && { outlived: test.meta().outlived }),
        });
      }
    }
    writeFileSync(process.env.CACHELINGS_NESTED_OUT ?? 'nested.json', JSON.stringify(out, null, 1));
  }
}
