// Reporter of the runs of the learner's own files (learner-runs.ts): writes every learner test or benchmark, per
// project, to one JSON file (path in CACHELINGS_NESTED_OUT), which the grader hands to the checkpoint that judges it.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import type { LearnerResults, LearnerTest } from '../harness/learner-runs.ts';

/** An error's message without terminal colours (some transform errors colour their text regardless of NO_COLOR). */
const message = (error: { message?: string }) => (error.message ?? String(error)).replace(/\x1b\[[0-9;]*m/g, '');

const target = resolve(process.env.CACHELINGS_TARGET ?? 'days');

/** The line of `file` where the first of `errors` was thrown, from vitest's parsed (source-mapped) stacks. */
function errorLine(errors: ReadonlyArray<{ stacks?: { file: string; line: number }[] }>, file: string): number | undefined {
  return errors[0]?.stacks?.find((frame) => resolve(frame.file) === file)?.line;
}

export default class LearnerReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const out: LearnerResults = { tests: [], fileErrors: [] };
    for (const module of modules) {
      const project = module.project.name;
      const file = relative(target, module.moduleId);
      const errors = [...module.errors(), ...[...module.children.allSuites()].flatMap((suite) => suite.errors())].map(message);
      if (errors.length > 0) out.fileErrors.push({ project, file, errors });
      for (const test of module.children.allTests()) {
        const result = test.result();
        // The benchmark figure is on the runner task, which vitest's reporter API does not type.
        const benchmark = (test as unknown as { task: { result?: { benchmark?: { hz?: number } } } }).task.result?.benchmark;
        // Set by day 3's setup file (checkpoints/day3/outlived.ts) on a test that returned while its tasks still ran.
        const outlived = (test.meta() as { outlived?: LearnerTest['outlived'] }).outlived;
        out.tests.push({
          project,
          file,
          name: test.name,
          fullName: test.fullName.split(' > ').join(' '),
          state: test.options.mode === 'todo' ? 'todo' : result.state,
          errors: (result.errors ?? []).map(message),
          ...(benchmark?.hz !== undefined && { hz: benchmark.hz }),
          ...(outlived !== undefined && { outlived }),
          ...(test.location && { line: test.location.line }),
          ...(result.errors?.length && { errorLine: errorLine(result.errors, module.moduleId) }),
        });
      }
    }
    writeFileSync(process.env.CACHELINGS_NESTED_OUT ?? 'nested.json', JSON.stringify(out, null, 1));
  }
}
