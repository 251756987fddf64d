// The order `npm test` starts its files in: the shared grades first, then the slowest files, so that the three workers
// end together (on a clean clone vitest has no durations of its own and would go by file size).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test time of the slowest files, in seconds, as measured on the 2-core machine (docs/maintainers.md, "CI time"). */
export const knownSeconds: Record<string, number> = {
  // Makes both shared grades of test/graded.ts at once, so the files that read them never wait.
  'workbook.test.ts': 1_000,
  'day4.test.ts': 350,
  'day2.test.ts': 190,
  'day5.test.ts': 140,
  'grader-grade.test.ts': 129,
  'day3.test.ts': 63,
  'day1.test.ts': 60,
  'grader-commands.test.ts': 49,
  'check-cli.test.ts': 42,
  'day6.test.ts': 40,
  'grader-watch.test.ts': 35,
  'grader-interrupt.test.ts': 31,
  'grader-hostile.test.ts': 31,
};

const seconds = (spec: TestSpecification) => knownSeconds[spec.moduleId.split('/').at(-1)!] ?? 0;

/** Slowest known file first; the rest after them in vitest's own order. */
export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files.filter((spec) => seconds(spec) === 0));
    return [...files.filter((spec) => seconds(spec) > 0).sort((a, b) => seconds(b) - seconds(a)), ...rest];
  }
}
