// `npm run diff day1 [--target DIR]`: after the day passes, the learner's files beside the solution's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { flag, requireDay, requireTarget, type Args } from '../args.ts';
import { display, root } from '../paths.ts';
import { readProgress } from '../progress.ts';

/** Prints a unified diff per file once the day has passed; before that, a refusal that says why (exit 1). */
export async function diff(args: Args): Promise<number> {
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  const entry = readProgress().targets[display(target)]?.[day.id];
  if (!entry?.passed) {
    const last = entry
      ? `Your last check: ${entry.passedTests} of ${entry.totalTests} requirements hold (${entry.at.slice(0, 16).replace('T', ' ')}).`
      : `${day.id} has not been checked on ${display(target)}/ yet.`;
    console.log(
      `The diff shows the solution, so it opens once ${day.id} passes — working it out yourself is the point.\n${last}\nNext: npm run check ${day.id}   (stuck? npm run hint ${day.id})`,
    );
    return 1;
  }
  console.log(`${day.id} passed. Your files (---) beside solutions/${day.slug}/ (+++): one way to do it, not the only one.\n`);
  for (const file of day.files) {
    const mine = resolve(target, file);
    const theirs = resolve(root, 'solutions', file);
    if (!existsSync(mine) || !existsSync(theirs)) continue;
    const color = process.stdout.isTTY ? 'always' : 'never';
    const run = spawnSync('git', ['diff', '--no-index', `--color=${color}`, '--', display(mine), display(theirs)], { cwd: root, encoding: 'utf8' });
    if (run.error) {
      console.log(`git is not installed, so compare by hand: ${display(mine)} and ${display(theirs)}`);
      continue;
    }
    console.log(run.stdout.trim() || `${display(mine)}: the same as the solution.`);
  }
  return 0;
}
