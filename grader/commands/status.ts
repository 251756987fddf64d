// `npm run status [--target DIR]`: each day ✓ / ✗ / not tried, from the progress file.
import chalk from 'chalk';
import { flag, targetPath, type Args } from '../args.ts';
import { dayNumber, days, type Day } from '../../course/days.ts';
import { fromSolutions } from '../from-solutions.ts';
import { display } from '../paths.ts';
import { readProgress, type DayProgress } from '../progress.ts';

/** The counts as `check` prints them: required requirements, bonus apart, and which ones re-check earlier days. */
export function counted(day: Day, entry: DayProgress): string {
  const bonus = entry.bonusTotal ? `; bonus: ${entry.bonusPassed ?? 0} of ${entry.bonusTotal}` : '';
  const earlier = day.rechecks && !entry.passed ? chalk.dim(` (some re-check ${day.rechecks}, so they hold before this day is started)`) : '';
  return `${entry.passedTests} of ${entry.totalTests} requirements hold${bonus} · ${entry.at.slice(0, 16).replace('T', ' ')}${earlier}`;
}

/** Prints which days pass on the tree (default days/), as of the last check or grade. */
export async function status(args: Args): Promise<number> {
  const target = display(targetPath(flag(args, 'target')));
  const progress = readProgress();
  const recorded = progress.targets[target] ?? {};
  console.log(chalk.bold(`cachelings · progress of ${target}/`));
  if (progress.forged)
    console.log(
      chalk.yellow(
        '⚠ .cachelings/progress.json was not written by this grader (edited, or written by other code): ignored. Run npm run check dayN to record a day again.',
      ),
    );
  const width = Math.max(...days.map((day) => day.title.length));
  for (const day of days) {
    const entry = recorded[day.id];
    const mark = !entry ? chalk.dim('·') : entry.passed ? chalk.green('✓') : chalk.red('✗');
    const taken = fromSolutions(target, day.id) ? chalk.yellow(' · taken from the solutions (npm run skip-to)') : '';
    console.log(`${mark} day ${dayNumber(day)} — ${day.title.padEnd(width)}  ${entry ? counted(day, entry) : chalk.dim('not tried')}${taken}`);
  }
  const next = days.find((day) => !recorded[day.id]?.passed);
  console.log(next ? `\nNext: npm run check ${next.id}` : chalk.green('\nEvery day passes.'));
  return 0;
}
