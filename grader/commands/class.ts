// `npm run class -- DIR [OUT] [--roster FILE]`: the mentor's view of a class, from a folder of learners' JSON reports.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import chalk from 'chalk';
import { flag, fromUser, UsageError, type Args } from '../args.ts';
import { display } from '../paths.ts';
import { renderHtml } from '../class/html.ts';
import { renderMarkdown } from '../class/markdown.ts';
import { readClass } from '../class/read.ts';
import { withRoster } from '../class/roster.ts';

/** Reads every report of DIR and writes class.html and class.md to OUT (default DIR); a bad file is one line, never a crash. */
export async function classView(args: Args): Promise<number> {
  const [dir, out] = args.positionals;
  if (!dir)
    throw new UsageError(
      'Which folder? Give the folder of learners\' JSON reports, e.g. npm run class -- reports (see docs/classroom.md, "A whole class at once").',
    );
  const source = fromUser(dir);
  if (!existsSync(source) || !statSync(source).isDirectory())
    throw new UsageError(`${dir}: no such folder. Give the folder that holds one JSON report per learner.`);
  const target = out ? fromUser(out) : source;
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`${out}: is a file. Give a folder to write class.html and class.md in.`);
  const roster = flag(args, 'roster');
  if (roster !== undefined && (!existsSync(fromUser(roster)) || !statSync(fromUser(roster)).isFile()))
    throw new UsageError(`--roster ${roster}: no such file. Give a file with one learner per line.`);
  mkdirSync(target, { recursive: true });
  const input = roster === undefined ? readClass(source) : withRoster(readClass(source), fromUser(roster));
  for (const problem of input.problems) console.error(chalk.red(`✗ ${problem.file}: ${problem.reason}`));
  for (const learner of input.learners) if (learner.notes.length) console.error(chalk.yellow(`! ${learner.file}: ${learner.notes.join('; ')}`));
  for (const learner of input.learners) if (learner.noReport) console.error(chalk.yellow(`! ${learner.name}: on the roster, no report in ${dir}`));
  for (const learner of input.learners)
    if (learner.broken) console.error(chalk.yellow(`! ${learner.file}: ${learner.broken} (${learner.name} keeps a row, marked)`));
  const date = new Date().toISOString().slice(0, 10);
  const html = resolve(target, 'class.html');
  const markdown = resolve(target, 'class.md');
  writeFileSync(html, renderHtml(input, date));
  writeFileSync(markdown, renderMarkdown(input, date));
  const left = input.problems.length ? `, ${input.problems.length} file(s) left out` : '';
  const absent = input.learners.filter((learner) => learner.noReport).length;
  console.log(`Read ${input.learners.length - absent} learner(s) from ${display(source)}${left}${absent ? `; ${absent} on the roster without a report` : ''}.`);
  console.log(`Wrote ${display(html)} (open it in a browser; it works offline) and ${display(markdown)}.`);
  if (input.learners.every((learner) => learner.noReport)) {
    console.error(chalk.red(`No report in ${dir} could be read: the page is empty. Put one JSON report per learner there (npm run grade -- --json FILE).`));
    return 1;
  }
  return 0;
}
