// `npm run grade [-- --target DIR] [--json FILE] [--format report|classroom|exercism]`: every day (results in manifest order), and a report card.
import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import chalk from 'chalk';
import { flag, fromUser, requireJsonPath, requireTarget, type Args, useLearnerName } from '../args.ts';
import { markdownCard, nextUnfinished, renderCard } from '../card.ts';
import { dayNumber, days, type Day } from '../../course/days.ts';
import { besideEachOther as sideBySide } from '../../course/derived.ts';
import { requireFormat } from '../formats.ts';
import { convert } from '../shaped.ts';
import { recordProgress } from '../progress.ts';
import { renderTests } from '../render.ts';
import { buildReport, writeReport } from '../report.ts';
import type { DayResult } from '../results.ts';
import { runDay } from '../run-day.ts';
import { gradeRunVariable, rememberResult } from '../earlier-days.ts';
import { prepareTests } from '../hand-in.ts';
import { runSeed } from '../seed.ts';
import { sameNote } from '../integrity.ts';
import { tamperWarning } from '../tamper.ts';

/** Days whose checks measure no throughput: graded side by side (course/derived.ts). A day that holds a speed gate
 *  (3, 5) runs alone, and day 6 runs last, as it reuses what the others found. */
export const besideEachOther = sideBySide();

/** Whether this machine has room for days side by side: two cores or more, and less than half a core busy with
 *  other work right now (sampled over `sampleMs`; the 1-minute load average still counts the previous run's load). */
export async function roomBeside(sampleMs = 300): Promise<boolean> {
  const cores = availableParallelism();
  if (cores < 2) return false;
  const before = cpus().map((cpu) => cpu.times);
  await new Promise((done) => setTimeout(done, sampleMs));
  let busy = 0;
  let total = 0;
  cpus().forEach((cpu, i) => {
    const [was, now] = [before[i]!, cpu.times];
    const spent = now.user + now.nice + now.sys + now.irq - (was.user + was.nice + was.sys + was.irq);
    busy += spent;
    total += spent + now.idle - was.idle;
  });
  return total > 0 && (busy / total) * cores < 0.5;
}

/** The order `grade` runs `list` in: the days of `besideEachOther` together first (one by one on a busy or
 *  single-core machine, where their timers would stall), then each other day alone. */
export function gradeGroups(list: Day[], beside: boolean): Day[][] {
  if (!beside) return list.map((day) => [day]);
  const together = list.filter((day) => besideEachOther.includes(day.id));
  const alone = list.filter((day) => !besideEachOther.includes(day.id)).map((day) => [day]);
  return together.length > 0 ? [together, ...alone] : alone;
}

/** Grades every day (earlier days re-run each time) and prints the report card; exit 0 only when all pass. */
export async function grade(args: Args): Promise<number> {
  const target = requireTarget(flag(args, 'target'), days);
  const json = requireJsonPath(flag(args, 'json'));
  useLearnerName(args);
  const format = requireFormat(flag(args, 'format'));
  // With --format but no --json, the JSON goes to stdout and the card to stderr.
  const say = format !== 'report' && !json ? console.error : console.log;
  const seed = runSeed();
  const warning = tamperWarning();
  if (warning) say(warning);
  const results: DayResult[] = [];
  process.env[gradeRunVariable] = randomUUID(); // day 6's hand-in (grader/earlier-days.ts) reuses this run's results
  for (const group of gradeGroups(days, await roomBeside())) {
    process.stderr.write(chalk.dim(group.map((day) => `grading day ${dayNumber(day)} — ${day.title}…\n`).join('')));
    // Beside the days that time nothing, the later days' runs of the learner's own tests (grader/hand-in.ts).
    const later = group.length > 1 ? days.filter((day) => !group.includes(day)) : [];
    const [graded] = await Promise.all([Promise.all(group.map((day) => runDay(day, { target, seed }))), prepareTests(later, target)]);
    group.forEach((day, i) => rememberResult(day, target, graded[i]!)); // day 6 reuses this run's results; `share`, passing days
    results.push(...graded);
  }
  results.sort((a, b) => days.findIndex((day) => day.id === a.id) - days.findIndex((day) => day.id === b.id));
  const report = buildReport(target, seed, results);
  // A day not started (files as shipped) or not reached: its row has no counts and no figures to misread.
  say(renderCard(report));
  if (report.integrity?.sameAsSolutions.length) say(sameNote(report.integrity.sameAsSolutions));
  const next = nextUnfinished(report.days);
  if (next && next.state === 'failing') {
    say(`\nWhat fails in ${next.id}:`);
    say(renderTests({ ...next, tests: next.tests.filter((test) => test.status === 'failed' && !test.bonus) }));
    say(chalk.dim(`\nSame random data again: GRADER_SEED=${seed} npm run grade`));
  }
  const shaped = `${JSON.stringify(convert(report, format, true), null, 2)}\n`;
  if (json) writeFileSync(json, shaped);
  else if (format !== 'report') process.stdout.write(shaped);
  // CACHELINGS_REPORT=FILE: the full JSON report as well, whatever --format says (the workflow keeps it for `npm run class`).
  if (process.env.CACHELINGS_REPORT) writeReport(fromUser(process.env.CACHELINGS_REPORT), report);
  if (format === 'classroom') publishToGitHub(report, warning);
  recordProgress(target, results);
  return next ? 1 : 0;
}

/** In GitHub Actions: the card as the job summary, and `result` (base64) for autograding-grading-reporter. */
function publishToGitHub(report: ReturnType<typeof buildReport>, warning: string | undefined): void {
  const plain = warning?.replace(/\x1B\[[0-9;]*m/g, '');
  const note = plain
    ? `> [!WARNING]\n${plain
        .trim()
        .split('\n')
        .map((line) => `> ${line.trim()}`)
        .join('\n')}\n\n`
    : '';
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, note + markdownCard(report));
  if (process.env.GITHUB_OUTPUT) {
    const encoded = Buffer.from(JSON.stringify(convert(report, 'classroom', true))).toString('base64');
    appendFileSync(process.env.GITHUB_OUTPUT, `result=${encoded}\n`);
  }
}
