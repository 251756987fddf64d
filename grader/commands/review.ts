// `npm run review day2 [--target DIR]`: after a day passes, concrete observations on its code from a fixed set of checks.
import { readdirSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import chalk from 'chalk';
import { flag, requireDay, requireTarget, type Args } from '../args.ts';
import { dayNumber } from '../../course/days.ts';
import { display } from '../paths.ts';
import { readProgress } from '../progress.ts';
import { checks, reviewFiles } from '../review/index.ts';

/** Reviews the day's files when the last check of that day on that tree passed; refuses (exit 1) before. */
export async function review(args: Args): Promise<number> {
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  const tree = display(target);
  const checkCommand = flag(args, 'target') ? `npm run check ${day.id} -- --target ${flag(args, 'target')}` : `npm run check ${day.id}`;
  const recorded = readProgress().targets[tree]?.[day.id];
  if (!recorded?.passed) {
    const state = recorded
      ? `its last check passed ${recorded.passedTests} of ${recorded.totalTests} requirements (${recorded.at.slice(0, 16).replace('T', ' ')})`
      : 'it has not been checked yet';
    console.log(`${day.id} does not pass on ${tree}/ yet: ${state}.`);
    console.log(`The review reads code that works. First make it pass: ${checkCommand}${recorded ? ` (stuck? npm run ask ${day.id})` : ''}`);
    return 1;
  }
  const folder = resolve(target, day.slug);
  const files = readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => /\.[cm]?ts$/.test(name) && !name.split(sep).includes('node_modules'))
    .sort()
    .map((name) => ({ file: resolve(folder, name), shown: display(resolve(folder, name)) }));
  const changed = files.filter(({ file }) => statSync(file).mtime.toISOString() > recorded.at).map(({ shown }) => shown);
  const findings = reviewFiles(files);
  console.log(chalk.bold(`cachelings · review of day ${dayNumber(day)} — ${day.title}`));
  console.log(chalk.dim(`reading ${files.map(({ shown }) => shown).join(', ')}`));
  if (changed.length > 0)
    console.log(chalk.yellow(`  Changed since the last passing check: ${changed.join(', ')}. Run npm run check ${day.id} again to be sure it still passes.`));
  console.log('');
  if (findings.length === 0) console.log(`  Nothing to point out: none of the ${checks.length} checks found anything in your code.`);
  findings.forEach((finding, i) => {
    console.log(`${String(i + 1).padStart(3)}. ${chalk.bold(`${finding.file}:${finding.line}`)} — ${finding.what}`);
    console.log(chalk.dim(`       ${finding.code}`));
    console.log(`       Why it matters: ${finding.why}`);
    console.log('');
  });
  const quiet = checks.filter((check) => !findings.some((finding) => finding.check === check.id)).map((check) => check.title);
  if (findings.length > 0 && quiet.length > 0) console.log(chalk.dim(`  Nothing to say on: ${quiet.join('; ')}.`));
  console.log(
    chalk.dim('  These checks read your code as text. They say nothing when unsure, so silence is not a guarantee. The checkpoint is what grades the day.'),
  );
  return 0;
}
