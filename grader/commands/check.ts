// `npm run check day1 [--target DIR] [--json FILE] [--format report|classroom|exercism] [--debug] [--repeat N] [--only TEXT]`: one day's checkpoint.
import { writeFileSync } from 'node:fs';
import { requireFormat, type Format } from '../formats.ts';
import { convert } from '../shaped.ts';
import { flag, fromUser, requireDay, requireJsonPath, requireTarget, UsageError, type Args, useLearnerName } from '../args.ts';
import type { Day } from '../../course/days.ts';
import { redisProblem } from '../preflight.ts';
import { recordProgress } from '../progress.ts';
import { renderDay } from '../render.ts';
import { buildReport, writeReport } from '../report.ts';
import type { DayResult } from '../results.ts';
import { runDay } from '../run-day.ts';
import { selects } from '../vitest-run.ts';
import { rememberResult } from '../earlier-days.ts';
import { runSeed } from '../seed.ts';
import { sameAsSolution, sameNote } from '../integrity.ts';
import { tamperWarning } from '../tamper.ts';

function requireRepeat(value: string | undefined): number {
  if (value === undefined) return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new UsageError(`--repeat needs a whole number from 1 to 1000, got "${value}". Example: npm run check day1 -- --repeat 20`);
  return count;
}

/** Runs one day and prints what holds and what to do next; exit 0 when it passes (every time, with --repeat). */
export async function check(args: Args): Promise<number> {
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  const json = requireJsonPath(flag(args, 'json'));
  useLearnerName(args);
  const repeat = requireRepeat(flag(args, 'repeat'));
  const format = requireFormat(flag(args, 'format'));
  if (format !== 'report' && (repeat > 1 || flag(args, 'only') !== undefined))
    throw new UsageError(`--format ${format} scores a whole check: leave out --repeat and --only.`);
  // With --format but no --json, the JSON goes to stdout and everything else to stderr.
  const say = format !== 'report' && !json ? console.error : console.log;
  const warning = tamperWarning();
  if (warning) say(warning);
  const debug = args.flags.has('debug');
  const onOutput = debug ? (line: string) => console.log(`[your_code] ${line}`) : undefined;
  const only = flag(args, 'only');
  if (only !== undefined && only.trim() === '')
    throw new UsageError('--only needs part of a requirement\'s name, e.g. npm run check day2 -- --only "one byte at a time".');
  // Day 5 measures against real Redis: without it, say so before anything else (the check falls back, preflight.ts).
  const missingRedis = day.id === 'day5' ? redisProblem() : undefined;
  if (missingRedis) say(`${missingRedis}\n`);
  if (repeat > 1) return repeated(day, target, repeat, json, only);
  const seed = runSeed();
  const result = await runDay(day, { target, seed, onOutput, only });
  if (only !== undefined) return checkedOnly(day, result, { target, seed, only }, json);
  rememberResult(day, target, result); // day 6 and `share` reuse passing days of unchanged code
  say(renderDay(day, result, { target, seed }));
  if (sameAsSolution(day, target)) say(sameNote([day.id]));
  if (format === 'report') {
    if (json) writeReport(json, buildReport(target, seed, [result]));
  } else written(buildReport(target, seed, [result]), format, json);
  recordProgress(target, [result]);
  return result.passed ? 0 : 1;
}

/** The day's result as Classroom or Exercism read it, to `json` or stdout; CACHELINGS_REPORT=FILE keeps the full report. */
function written(report: ReturnType<typeof buildReport>, format: Format, json: string | undefined): void {
  const shaped = `${JSON.stringify(convert(report, format, false), null, 2)}\n`;
  if (json) writeFileSync(json, shaped);
  else process.stdout.write(shaped);
  if (process.env.CACHELINGS_REPORT) writeReport(fromUser(process.env.CACHELINGS_REPORT), report);
}

/** `--only`: the selected requirements alone; a partial run is never recorded as the day's progress. */
function checkedOnly(day: Day, result: DayResult, context: { target: string; seed: number; only: string }, json: string | undefined): number {
  if (!result.tests.some((test) => selects(context.only, test.name))) {
    const names = result.tests.map((test) => `  ${test.name}`).join('\n');
    console.error(`No requirement of ${day.id} contains "${context.only}". Its requirements are:\n${names}`);
    return 2;
  }
  console.log(renderDay(day, result, context));
  if (json) writeReport(json, buildReport(context.target, context.seed, [result]));
  return result.passed ? 0 : 1;
}

/** The flakiness meter: `repeat` runs, each with a fresh seed (unless GRADER_SEED is set), and the pass rate. */
async function repeated(day: Day, target: string, repeat: number, json: string | undefined, only?: string): Promise<number> {
  const failures = new Map<string, { count: number; message: string; seeds: number[] }>();
  let passes = 0;
  let shown: { result: DayResult; seed: number } | undefined;
  for (let run = 1; run <= repeat; run += 1) {
    const seed = runSeed();
    const result = await runDay(day, { target, seed, only });
    const failed = result.tests.filter((test) => test.status === 'failed');
    if (result.passed) passes += 1;
    if (!result.passed && !shown) shown = { result, seed };
    console.log(
      `run ${String(run).padStart(String(repeat).length)}/${repeat}  ${result.passed ? '✓ passed' : `✗ ${failed.length} failed`}  (seed ${seed}, ${(result.durationMs / 1000).toFixed(1)} s)`,
    );
    for (const test of failed) {
      const entry = failures.get(test.name) ?? { count: 0, message: test.message, seeds: [] };
      entry.count += 1;
      entry.seeds.push(seed);
      failures.set(test.name, entry);
    }
    shown ??= run === repeat ? { result, seed } : undefined;
  }
  const rate = Math.round((passes / repeat) * 100);
  console.log(`\n${day.id} passed ${passes} of ${repeat} runs (${rate}%).`);
  for (const [name, entry] of failures) {
    console.log(`  ✗ ${name} — failed ${entry.count} of ${repeat} runs (replay: GRADER_SEED=${entry.seeds[0]} npm run check ${day.id})`);
    console.log(`      ${entry.message.split('\n')[0]}`);
  }
  if (passes > 0 && passes < repeat)
    console.log('Sometimes passing is not passing: a race in your code shows up only in some interleavings. Look at what the failing requirement exercises.');
  if (json && shown) writeReport(json, buildReport(target, shown.seed, [shown.result]));
  if (shown && only === undefined) recordProgress(target, [shown.result]);
  return passes === repeat ? 0 : 1;
}
