// `npm run hint [day1] [--all]`: the next hint of a day, one more each time it is called.
import { readFileSync, writeFileSync } from 'node:fs';
import chalk from 'chalk';
import { requireDay, type Args } from '../args.ts';
import { indent } from '../render.ts';
import { firstUnfinishedDay } from '../progress.ts';
import { generatedNote, stateFile } from '../state.ts';

function seen(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stateFile('hints.json'), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** Prints hint N+1 of the day (N = hints shown so far; `--all` repeats the earlier ones); after the last, starts over. */
export async function hint(args: Args): Promise<number> {
  const day = args.positionals[0] ? requireDay(args.positionals[0]) : firstUnfinishedDay();
  const shown = seen();
  const index = (shown[day.id] ?? 0) % day.hints.length;
  const total = day.hints.length;
  if (args.flags.has('all')) {
    for (let earlier = 0; earlier < index; earlier += 1) {
      console.log(chalk.dim(`Hint ${earlier + 1} of ${total}\n${indent(day.hints[earlier]!, 2)}\n`));
    }
  }
  console.log(chalk.bold(`Hint ${index + 1} of ${total} for ${day.id} — ${day.title}\n`));
  console.log(`${indent(day.hints[index]!, 2)}\n`);
  const last = index + 1 === total;
  console.log(last ? 'That was the last hint; the next call starts again from hint 1.' : `Still stuck? npm run hint ${day.id} shows hint ${index + 2} of ${total}.`);
  if (index > 0 && !args.flags.has('all')) console.log(chalk.dim(`Earlier hints again: npm run hint ${day.id} -- --all`));
  shown[day.id] = index + 1;
  writeFileSync(stateFile('hints.json'), `${JSON.stringify({ _: generatedNote, ...shown }, null, 2)}\n`);
  return 0;
}
