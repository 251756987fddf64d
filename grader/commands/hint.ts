// `npm run hint [day1] [--all]`: the next hint of a day, one more each time it is called; when the last check of the
// day failed, the hint that addresses that failure comes first (the manifest's `hintFor`), then the ones after it in
// the guide's order. Hints are numbered as the guide numbers them (the lint holds the guide's "Hint N" to hint N).
import { readFileSync, writeFileSync } from 'node:fs';
import chalk from 'chalk';
import { requireDay, type Args } from '../args.ts';
import type { Day } from '../../course/days.ts';
import { indent } from '../render.ts';
import { firstUnfinishedDay, readProgress } from '../progress.ts';
import { generatedNote, stateFile } from '../state.ts';

/** hints.json: per day, how many hints were shown (`day2`), and which, in the order shown (`day2 seen`). */
type HintState = Record<string, number | number[]>;

function seen(): HintState {
  try {
    return JSON.parse(readFileSync(stateFile('hints.json'), 'utf8')) as HintState;
  } catch {
    return {};
  }
}

/** The hints of `day` already shown in this round, in the order shown (older files kept only a count: the first N). */
export function hintsShown(day: Day, state: HintState = seen()): number[] {
  const list = state[`${day.id} seen`];
  if (Array.isArray(list)) return list.filter((index) => Number.isInteger(index) && index >= 0 && index < day.hints.length);
  const count = typeof state[day.id] === 'number' ? (state[day.id] as number) : 0;
  return [...day.hints.keys()].slice(0, count % day.hints.length);
}

/** The hint that addresses the day's last failure on days/ (by its cause kind first, then its requirement's id), if any. */
export function hintForLastFailure(day: Day): { index: number; requirement: string } | undefined {
  const failure = readProgress().targets.days?.[day.id]?.firstFailure;
  if (!failure || !day.hintFor) return undefined;
  const index = (failure.cause !== undefined ? day.hintFor[failure.cause] : undefined) ?? (failure.id !== undefined ? day.hintFor[failure.id] : undefined);
  return index !== undefined && index < day.hints.length ? { index, requirement: failure.requirement } : undefined;
}

/** The hint to show after `shown`: the one for the last failure (`matching`) when not yet shown, else the first unseen
 *  one after the last shown, in the guide's order, going round; undefined when every hint was shown. */
export function nextHint(total: number, shown: number[], matching?: number): number | undefined {
  if (matching !== undefined && !shown.includes(matching)) return matching;
  const from = shown.length === 0 ? 0 : shown.at(-1)! + 1;
  return [...Array(total).keys()].map((step) => (from + step) % total).find((index) => !shown.includes(index));
}

/** Prints the next hint of the day (`--all` repeats the ones shown before it); after the last, starts over. */
export async function hint(args: Args): Promise<number> {
  const day = args.positionals[0] ? requireDay(args.positionals[0]) : firstUnfinishedDay();
  const state = seen();
  const total = day.hints.length;
  let shown = hintsShown(day, state);
  if (shown.length >= total) shown = [];
  const matching = hintForLastFailure(day);
  const fits = matching && !shown.includes(matching.index) ? matching : undefined;
  const index = nextHint(total, shown, matching?.index)!;
  if (args.flags.has('all')) {
    for (const earlier of shown) console.log(chalk.dim(`Hint ${earlier + 1} of ${total}\n${indent(day.hints[earlier]!, 2)}\n`));
  }
  console.log(chalk.bold(`Hint ${index + 1} of ${total} for ${day.id} — ${day.title}\n`));
  if (fits) console.log(chalk.dim(`  (the one for your last check's first ✗: ${fits.requirement})\n`));
  console.log(`${indent(day.hints[index]!, 2)}\n`);
  shown = [...shown, index];
  const next = nextHint(total, shown, matching?.index);
  console.log(
    next === undefined
      ? `That was the last hint; the next call starts again from hint ${(matching?.index ?? 0) + 1}.`
      : `Still stuck? npm run hint ${day.id} shows hint ${next + 1} of ${total}.`,
  );
  if (shown.length > 1 && !args.flags.has('all')) console.log(chalk.dim(`Earlier hints again: npm run hint ${day.id} -- --all`));
  const { _: _note, ...rest } = state;
  writeFileSync(stateFile('hints.json'), `${JSON.stringify({ _: generatedNote, ...rest, [day.id]: shown.length, [`${day.id} seen`]: shown }, null, 2)}\n`);
  return 0;
}
