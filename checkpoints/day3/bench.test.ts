// Day 3 checkpoint: the learner's benchmark file runs under `vitest bench --run` (bench.config.ts, a run the grader
// makes before this file and hands in) and reports a figure for GET, SET and the mixed 80/20 load. Its figures are
// reported as bench.*.hz, not gated (the gates are measured by the grader itself, throughput.test.ts), but a figure
// far above what the grader measures on the same Cache fails with its cause (fast-bench.ts).
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from '../support/requirement.ts';
import { CheckError } from '../../harness/check.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { recordMetric } from '../support/metrics.ts';
import { wantedBenches as wanted } from './bench-names.ts';
import { fixedKeyNote } from './fixed-key.ts';
import { handedRun } from '../../harness/hand-in.ts';
import type { LearnerTest as NestedTest } from '../../harness/learner-runs.ts';
import { bestOf } from '../../harness/measure.ts';
import { figure } from '../../course/gates.ts';
import { batch, farAbove, tooFast } from './fast-bench.ts';
import { filledCache, operation, type Op } from './workload.ts';

const file = '03-testing/cache.bench.ts';
/** Above this many calls per second a bench does too little per call to measure anything but the clock. */
const maxCallsPerSec = 1_000_000;

describe('Your benchmarks', () => {
  it('run with vitest bench and report GET, SET and mixed 80/20 figures', { meta: { id: 'bench-runs' } }, async ({ task }) => {
    if (!existsSync(`${targetDir}/${file}`)) {
      throw new CheckError(`${shown(file)} does not exist.`, {
        fix: 'Create it from the scaffold (npm run reset -- 03-testing) and write the three benchmarks.',
      });
    }
    const done = handedRun('day3', 'bench');
    if (done.timedOutAfterMs) {
      throw new CheckError(`Your benchmarks did not finish within ${done.timedOutAfterMs / 1000} s.`, {
        where: shown(file),
        fix: 'vitest bench times every call separately and keeps each timing: a call that does one 50 ns lookup piles up millions of samples. Do `batch` (1,000) operations per call, and keep { time: 300 }.',
      });
    }
    const errors = done.results?.fileErrors.flatMap((entry) => entry.errors) ?? [];
    if (errors.length > 0) {
      throw new CheckError(`Your benchmarks stopped with an error: ${errors[0]!.trim().split('\n').slice(0, 10).join('\n')}`, { where: shown(file) });
    }
    if (!done.results) throw new CheckError(`vitest bench could not run ${shown(file)}.`, { received: done.output.trim().split('\n').slice(-12).join('\n') });
    const benches = done.results.tests;
    for (const { name, metric, matches } of wanted) {
      const bench: NestedTest | undefined = benches.find((entry) => matches(entry.name));
      if (!bench) {
        throw new CheckError(`${shown(file)} has no benchmark named '${name}'.`, {
          expected: "bench('GET', …), bench('SET', …) and bench('mixed 80/20', …)",
          received: benches.map((entry) => `bench('${entry.name}', …)`).join(', ') || 'no benchmarks',
          fix: 'Keep the three names as the scaffold has them.',
        });
      }
      if (bench.hz === undefined || !Number.isFinite(bench.hz)) {
        throw new CheckError(`Your benchmark '${bench.name}' produced no figure: it threw, or never ran.`, {
          where: shown(file),
          fix: 'Keep `throws: true` in the bench options so vitest shows the error instead of hiding it; run npx vitest bench --run ' + shown(file),
        });
      }
      // A batch of 1,000 cache operations per call runs at tens of thousands of calls per second; a million
      // calls per second means a call does (next to) no cache work, and the figure measures the clock.
      if (bench.hz > maxCallsPerSec) {
        // A reason the source shows (a result nobody uses, one hoisted key) is the cause to name, when there is one.
        await notTooFast(task, benches);
        throw new CheckError(
          `Your benchmark '${bench.name}' ran ${Math.round(bench.hz).toLocaleString('en-US')} calls per second: each call does next to no work, so it times the clock, not the cache.`,
          {
            expected: `a batch of operations per call (1,000 in the scaffold), so hz stays under ${maxCallsPerSec.toLocaleString('en-US')}`,
            received: `hz ${Math.round(bench.hz).toLocaleString('en-US')}`,
            where: shown(file),
            fix: 'Loop `batch` times inside each bench function, calling the cache each time; ops/s is then hz × batch.',
          },
        );
      }
      const note = metric === 'bench.get.hz' ? fixedKeyNote(readFileSync(`${targetDir}/${file}`, 'utf8')) : undefined;
      recordMetric(task, metric, { value: Math.round(bench.hz), ...(note ? { note } : {}) });
    }
    await notTooFast(task, benches);
  });
});

/** Fails when a benchmark's figure is far above the grader's own measurement of the same Cache for a reason its source
 *  shows; notes the figure when no reason is seen. */
async function notTooFast(task: { meta: object }, benches: NestedTest[]): Promise<void> {
  const source = readFileSync(`${targetDir}/${file}`, 'utf8');
  const cache = await filledCache();
  for (const { name, metric, matches } of wanted) {
    const op = metric.split('.')[1] as Op;
    const hz = benches.find((entry) => matches(entry.name))!.hz!;
    const { cache: graderOps } = await bestOf(3, 60, { cache: operation(cache, op) });
    const fast = tooFast(source, name, patterns[op], hz, graderOps!);
    if (!fast) continue;
    if ('note' in fast) {
      recordMetric(task, metric, { value: Math.round(hz), note: fast.note });
      continue;
    }
    throw new CheckError(
      `Your benchmark '${name}' reports ${figure(hz * batch)} ops/s (${figure(hz)} calls/s × ${figure(batch)}), ${Math.round((hz * batch) / graderOps!)}× the ${figure(graderOps!)} ops/s the grader measured on the same Cache: it measures something other than your cache.\n${fast.seen}.`,
      {
        expected: `a figure within ${farAbove} times the grader's ${figure(graderOps!)} ops/s (the guide's rule, Part B)`,
        received: `${figure(hz * batch)} ops/s`,
        where: `bench('${name}', …) in ${shown(file)}${fast.line ? `:${fast.line}` : ''}`,
        fix:
          fast.cause.kind === 'bench-result-unused'
            ? 'Use every result: count the hits (if (cache.get(key) !== undefined) found += 1), as the scaffold does.'
            : 'Read a different key on each operation: walk the keys (keys[(next + i) % size]) inside the timed function.',
        cause: fast.cause,
      },
    );
  }
}

/** Each benchmark's name as bench-source.ts matches it in the file. */
const patterns: Record<Op, RegExp> = { get: /get/, set: /set/, mixed: /mixed[^'"`]*/ };
