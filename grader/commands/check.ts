// `npm run check day1 [--target DIR] [--json FILE] [--debug]`: one day's checkpoint.
import { flag, requireDay, requireJsonPath, requireTarget, type Args } from '../args.ts';
import { recordProgress } from '../progress.ts';
import { renderDay } from '../render.ts';
import { buildReport, writeReport } from '../report.ts';
import { runDay } from '../run-day.ts';
import { runSeed } from '../seed.ts';

/** Runs one day and prints what holds and what to do next; exit 0 when it passes. */
export async function check(args: Args): Promise<number> {
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  const json = requireJsonPath(flag(args, 'json'));
  const seed = runSeed();
  const debug = args.flags.has('debug');
  const result = await runDay(day, { target, seed, onOutput: debug ? (line) => console.log(`[your_code] ${line}`) : undefined });
  console.log(renderDay(day, result, { target, seed }));
  if (json) writeReport(json, buildReport(target, seed, [result]));
  recordProgress(target, [result]);
  return result.passed ? 0 : 1;
}
