// `npm run share [--target DIR]`: grades every day and writes one markdown file of the week to paste anywhere.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import chalk from 'chalk';
import { runWholeDay } from '../run-day.ts';
import { flag, requireTarget, type Args } from '../args.ts';
import { dayNumber, days } from '../../course/days.ts';
import { display, root } from '../paths.ts';
import { recordProgress } from '../progress.ts';
import { runSeed } from '../seed.ts';
import { stateDir } from '../state.ts';
import { latencyChart, throughputChart } from '../share/charts.ts';
import { measureLoad, type LoadRun } from '../share/load.ts';
import { renderShare } from '../share/render.ts';

/** Where the share file of `target` is written. */
export function shareFile(target: string): string {
  return resolve(stateDir(), 'share', `week1-${basename(target).replace(/[^\w.-]+/g, '-')}.md`);
}

/** Removes what is not the learner's work: absolute paths, the tree's location, lines about grader internals. */
export function scrub(markdown: string, target: string): string {
  const prefixes = [`${target}/`, `${display(target)}/`, `${root}/`];
  let text = markdown;
  for (const prefix of prefixes) text = text.split(prefix).join('');
  text = text.replace(/(^|[\s"'(`])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g, '$1<path>');
  return text
    .split('\n')
    .filter((line) => !/node_modules|checkpoints\/|grader\/|solutions\//.test(line))
    .join('\n');
}

function readReflection(target: string): string | undefined {
  try {
    return readFileSync(resolve(target, '06-docs/project/REFLECTION.md'), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes the two SVG charts beside the markdown `file`; their names, relative to it, or undefined without a side-by-side run. */
export function writeCharts(load: LoadRun, file: string): { throughput: string; latency: string } | undefined {
  if ('missing' in load || 'missing' in load.compared) return undefined;
  const stem = basename(file, '.md');
  const charts = { throughput: `${stem}-throughput.svg`, latency: `${stem}-latency.svg` };
  writeFileSync(resolve(dirname(file), charts.throughput), throughputChart(load.compared.series));
  writeFileSync(resolve(dirname(file), charts.latency), latencyChart(load.compared.series));
  return charts;
}

/** Grades every day (unchanged passing days are reused), runs a short load test, writes the share file. */
export async function share(args: Args): Promise<number> {
  const target = requireTarget(flag(args, 'target'), []);
  const seed = runSeed();
  const results: Awaited<ReturnType<typeof runWholeDay>>[] = [];
  for (const day of days) {
    process.stderr.write(chalk.dim(`grading day ${dayNumber(day)} — ${day.title}…\n`));
    results.push(await runWholeDay(day, target, seed));
  }
  recordProgress(
    target,
    results.map((entry) => entry.result),
  );
  process.stderr.write(chalk.dim('running your load tester against your server for the throughput chart…\n'));
  const load = await measureLoad(target);
  const file = shareFile(target);
  mkdirSync(resolve(file, '..'), { recursive: true });
  const charts = writeCharts(load, file);
  const markdown = renderShare({ results, load, reflection: readReflection(target), date: new Date().toISOString().slice(0, 10), charts });
  writeFileSync(file, scrub(markdown, target));
  console.log(`${chalk.green('✓')} Your week, ready to paste: ${display(file)}`);
  console.log(chalk.dim("  Read it before you share it: it holds only your code's results and your own words."));
  return 0;
}
