// `npm run skip-to day3 [--yes] [--target DIR]`: every day before day 3 from solutions/, after a backup of the learner's
// files (as `reset` keeps one), for a learner who starts the week later; every report then says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { days } from '../../course/days.ts';
import { flag, requireDay, requireTarget, type Args } from '../args.ts';
import { backupFolder, replaceKeepingBackup } from '../backup.ts';
import { confirm } from '../confirm.ts';
import { markFromSolutions } from '../from-solutions.ts';
import { display, root } from '../paths.ts';
import { forgetProgress } from '../progress.ts';

// Every file under `dir`, relative to `base`.
function filesUnder(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = resolve(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

/** Brings the days before the one named from the solutions; exit 0 when done (or nothing to do), 1 when declined. */
export async function skipTo(args: Args): Promise<number> {
  if (!args.positionals[0]) {
    console.error('Which day do you want to start at? Example: npm run skip-to day3 (days 1 and 2 then come from the solutions).');
    return 2;
  }
  const day = requireDay(args.positionals[0]);
  const earlier = days.slice(0, days.indexOf(day));
  if (earlier.length === 0) {
    console.log(`${day.id} is the first day: nothing to skip. Read days/${day.slug}/README.md, then npm run check ${day.id}`);
    return 0;
  }
  const target = requireTarget(flag(args, 'target'), earlier);
  const solutions = resolve(root, 'solutions');
  const files = earlier.flatMap((skipped) => filesUnder(resolve(solutions, skipped.slug), solutions));
  const changed = files.filter((file) => {
    const path = resolve(target, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== readFileSync(resolve(solutions, file), 'utf8');
  });
  const backup = backupFolder();
  const replaced = changed.filter((file) => existsSync(resolve(target, file)));
  console.log(
    `This takes ${earlier.map((skipped) => skipped.id).join(', ')} from solutions/ into ${display(target)}/, so that you can start at ${day.id} — ${day.title}.`,
  );
  if (replaced.length > 0)
    console.log(
      `It replaces ${replaced.length} file(s); your versions are kept in ${display(backup)}/:\n${replaced.map((file) => `  ${display(resolve(target, file))}`).join('\n')}`,
    );
  console.log('Every report (check, grade, status) then says those days were taken from the solutions.');
  if (!args.flags.has('yes') && !(await confirm('Go ahead?'))) {
    console.log(`Nothing changed. (To skip this question: npm run skip-to ${day.id} -- --yes)`);
    return 1;
  }
  replaceKeepingBackup(target, changed, backup, (file) => readFileSync(resolve(solutions, file)));
  for (const skipped of earlier) {
    forgetProgress(target, skipped.id);
    markFromSolutions(target, skipped.id, true);
  }
  console.log(`Took ${changed.length} file(s) from solutions/.${replaced.length > 0 ? ` Backup: ${display(backup)}/` : ''}`);
  console.log(`Next: read days/${day.slug}/README.md, then npm run check ${day.id}`);
  return 0;
}
