// `npm run grade [--target DIR] [--json FILE]`: every day in order, and a report card.
import chalk from 'chalk';
import { flag, requireJsonPath, requireTarget, type Args } from '../args.ts';
import { dayNumber, days } from '../days.ts';
import { recordProgress } from '../progress.ts';
import { formatMetric, renderTests } from '../render.ts';
import { buildReport, writeReport } from '../report.ts';
import type { DayResult } from '../results.ts';
import { runDay } from '../run-day.ts';
import { runSeed } from '../seed.ts';

/** Grades every day (earlier days re-run each time) and prints the report card; exit 0 only when all pass. */
export async function grade(args: Args): Promise<number> {
  const target = requireTarget(flag(args, 'target'), days);
  const json = requireJsonPath(flag(args, 'json'));
  const seed = runSeed();
  const results: DayResult[] = [];
  for (const day of days) {
    process.stderr.write(chalk.dim(`grading day ${dayNumber(day)} — ${day.title}…\n`));
    results.push(await runDay(day, { target, seed }));
  }
  console.log(chalk.bold('cachelings · report card'));
  for (const [index, result] of results.entries()) {
    const passed = result.tests.filter((test) => test.status === 'passed').length;
    const mark = result.passed ? chalk.green('✓') : chalk.red('✗');
    console.log(`${mark} day ${index + 1} — ${result.title.padEnd(34)} ${passed}/${result.tests.length} requirements`);
    for (const [name, metric] of Object.entries(result.metrics)) console.log(`      ${name.padEnd(24)} ${formatMetric(metric)}`);
  }
  const next = results.find((result) => !result.passed);
  if (next) {
    console.log(`\nNext: ${next.id} — ${next.title}. What fails there:`);
    console.log(renderTests({ ...next, tests: next.tests.filter((test) => test.status === 'failed') }));
    console.log(chalk.dim(`\nSame random data again: GRADER_SEED=${seed} npm run grade`));
  } else {
    console.log(chalk.green.bold('\nEvery day passes. Well built.'));
  }
  if (json) writeReport(json, buildReport(target, seed, results));
  recordProgress(target, results);
  return next ? 1 : 0;
}
