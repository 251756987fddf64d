// `npm run status [--target DIR]`: each day ✓ / ✗ / not tried, from the progress file.
import chalk from 'chalk';
import { flag, fromUser, type Args } from '../args.ts';
import { dayNumber, days } from '../days.ts';
import { display } from '../paths.ts';
import { readProgress } from '../progress.ts';

/** Prints which days pass on the tree (default days/), as of the last check or grade. */
export async function status(args: Args): Promise<number> {
  const target = display(fromUser(flag(args, 'target') ?? 'days'));
  const recorded = readProgress().targets[target] ?? {};
  console.log(chalk.bold(`cachelings · progress of ${target}/`));
  const width = Math.max(...days.map((day) => day.title.length));
  for (const day of days) {
    const entry = recorded[day.id];
    const mark = !entry ? chalk.dim('·') : entry.passed ? chalk.green('✓') : chalk.red('✗');
    const detail = !entry ? chalk.dim('not tried') : `${entry.passedTests}/${entry.totalTests} requirements · ${entry.at.slice(0, 16).replace('T', ' ')}`;
    console.log(`${mark} day ${dayNumber(day)} — ${day.title.padEnd(width)}  ${detail}`);
  }
  const next = days.find((day) => !recorded[day.id]?.passed);
  console.log(next ? `\nNext: npm run check ${next.id}` : chalk.green('\nEvery day passes.'));
  return 0;
}
