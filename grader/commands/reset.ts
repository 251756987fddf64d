// `npm run reset day1 [--yes] [--target DIR]`: the day's scaffolds as shipped, after a backup of the learner's files.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flag, requireDay, requireTarget, type Args } from '../args.ts';
import { backupFolder, replaceKeepingBackup } from '../backup.ts';
import { confirm } from '../confirm.ts';
import { display } from '../paths.ts';
import { markFromSolutions } from '../from-solutions.ts';
import { forgetProgress } from '../progress.ts';
import { shippedScaffold } from '../shipped.ts';

/** Restores the files of one day; exit 0 when restored (or nothing to do), 1 when declined or impossible. */
export async function reset(args: Args): Promise<number> {
  if (!args.positionals[0]) {
    console.error('Which day should go back to its scaffold? Example: npm run reset day2');
    return 2;
  }
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  const shipped = new Map<string, string>();
  for (const file of day.files) {
    const text = shippedScaffold(file);
    if (text === undefined) {
      console.error(
        `Cannot find the shipped version of days/${file}: this folder has no git history for it.\nFix:  download the workbook again and copy days/${day.slug}/ from it.`,
      );
      return 1;
    }
    shipped.set(file, text);
  }
  const changed = day.files.filter((file) => {
    const path = resolve(target, file);
    return !existsSync(path) || readFileSync(path, 'utf8').replace(/\r\n/g, '\n') !== shipped.get(file);
  });
  if (changed.length === 0) {
    console.log(`${display(target)}/${day.slug}/ is already as shipped. Nothing to do.`);
    return 0;
  }
  const backup = backupFolder();
  console.log(`This puts back the scaffold of ${day.id} — ${day.title}, replacing:`);
  for (const file of changed) console.log(`  ${display(resolve(target, file))}`);
  console.log(`Your versions are kept in ${display(backup)}/.`);
  if (!args.flags.has('yes') && !(await confirm('Go ahead?'))) {
    console.log(`Nothing changed. (To skip this question: npm run reset ${day.id} -- --yes)`);
    return 1;
  }
  replaceKeepingBackup(target, changed, backup, (file) => shipped.get(file)!);
  forgetProgress(target, day.id);
  markFromSolutions(target, day.id, false);
  console.log(`Restored ${changed.length} file(s). Backup: ${display(backup)}/\nNext: read days/${day.slug}/README.md, then npm run check ${day.id}`);
  return 0;
}
