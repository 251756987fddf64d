// The report card of `grade`: one row per day (required requirements, race-stress requirements), each figure beside its gate.
import chalk from 'chalk';
import { days } from '../course/days.ts';
import { formatMetric } from './render.ts';
import type { DayResult, MetricResult, Report, TestResult } from './results.ts';

/** Whether a requirement belongs to a race-stress suite (a `*.race.test.ts` file or a "race-stress" block). */
export function isRaceStress(test: TestResult): boolean {
  return /\.race\./.test(test.file ?? '') || /race-stress/i.test(test.group);
}

/** Passed / total of `tests`, bonus (stretch) requirements left out. */
export function tally(tests: TestResult[]): { passed: number; total: number } {
  const required = tests.filter((test) => !test.bonus);
  return { passed: required.filter((test) => test.status === 'passed').length, total: required.length };
}

/** ` · bonus 1/3` for a day with stretch requirements, else ''. */
function bonusNote(tests: TestResult[]): string {
  const bonus = tests.filter((test) => test.bonus);
  return bonus.length === 0 ? '' : ` · bonus ${bonus.filter((test) => test.status === 'passed').length}/${bonus.length}`;
}

/** Whether a figure holds its gate (true when it has none). */
export function holdsGate(metric: MetricResult): boolean {
  if (!metric.gate) return true;
  return metric.gate.op === '>' ? metric.value > metric.gate.value : metric.value < metric.gate.value;
}

/** The first day that did not pass, if any. */
export function nextUnfinished(results: DayResult[]): DayResult | undefined {
  return results.find((result) => !result.passed);
}

/** The day's number: its place in the manifest, else the digits of its id (`day2` is 2). */
export function dayNumberOf(result: { id: string }): number {
  return days.findIndex((day) => day.id === result.id) + 1 || Number.parseInt(result.id.replace(/\D/g, ''), 10) || 0;
}

function raceCell(result: DayResult): { text: string; ok: boolean | undefined } {
  const race = result.tests.filter((test) => isRaceStress(test) && !test.bonus);
  if (race.length === 0) return { text: '—', ok: undefined };
  const { passed, total } = tally(race);
  return { text: `${passed}/${total}`, ok: passed === total };
}

/** The row of a day not started (every file still the shipped scaffold) or not reached (an earlier day's files hold it
 *  back): no counts, no figures, only where to begin; undefined for a day that passes or fails on its own. */
function waitingText(result: DayResult): string | undefined {
  if (result.state === 'not-started')
    return `not started: read days/${days.find((day) => day.id === result.id)?.slug ?? result.id}/README.md, then npm run check ${result.id}`;
  if (result.state === 'not-reached') return `not reached: ${result.blockedBy ?? 'an earlier day'} holds it back (its files do not pass); fix that day first`;
  return undefined;
}

// A day `npm run skip-to` brought from solutions/.
const takenText = 'taken from the solutions';

/** The card as terminal text; days not started or not reached (the report's `state`) are rows without counts or figures. */
export function renderCard(report: Report): string {
  // The title column is as wide as the longest row's title (day 5's is long), so the columns stay in line.
  const titles = report.days.map((result) => `day ${dayNumberOf(result)} — ${result.title}`);
  const column = Math.max(42, ...titles.map((title) => title.length));
  const out = [chalk.bold(`cachelings · report card for ${report.target}/`)];
  const width = Math.max(24, ...report.days.flatMap((result) => Object.keys(result.metrics).map((name) => name.length + 1)));
  for (const result of report.days) {
    const waiting = waitingText(result);
    if (waiting) {
      out.push(`${chalk.dim('·')} ${`day ${dayNumberOf(result)} — ${result.title}`.padEnd(column)} ${chalk.dim(waiting)}`);
      continue;
    }
    const { passed, total } = tally(result.tests);
    const race = raceCell(result);
    const mark = result.passed ? chalk.green('✓') : chalk.red('✗');
    const raceMark = race.ok === undefined ? '' : race.ok ? `${chalk.green('✓')} ` : `${chalk.red('✗')} `;
    // Each cell says what it counts, so a row read alone (or pasted) still makes sense.
    out.push(
      `${mark} ${`day ${dayNumberOf(result)} — ${result.title}`.padEnd(column)} ${`${passed}/${total}`.padStart(7)} required   ${chalk.dim('race-stress')} ${raceMark}${race.text}${chalk.dim(bonusNote(result.tests))}${result.fromSolutions ? chalk.yellow(` · ${takenText}`) : ''}`,
    );
    for (const [name, metric] of Object.entries(result.metrics)) {
      const ok = holdsGate(metric) ? chalk.green('✓') : chalk.red('✗');
      out.push(`      ${metric.gate ? ok : ' '} ${name.padEnd(width)} ${formatMetric(metric, name)}`);
    }
  }
  const next = nextUnfinished(report.days);
  out.push('', next ? `Next: ${next.id} — ${next.title} (npm run check ${next.id})` : chalk.green.bold('Every day passes. Well built.'));
  return out.join('\n');
}

/** The card as GitHub-flavoured Markdown (for $GITHUB_STEP_SUMMARY); days not started or not reached without counts or figures. */
export function markdownCard(report: Report): string {
  const out = [
    `## cachelings · report card for \`${report.target}/\``,
    '',
    '| | Day | Requirements | Race-stress | Figures (gate) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const result of report.days) {
    const waiting = waitingText(result);
    if (waiting) {
      out.push(`| · | day ${dayNumberOf(result)} — ${result.title} | ${waiting} | — | — |`);
      continue;
    }
    const { passed, total } = tally(result.tests);
    const race = raceCell(result);
    const figures = Object.entries(result.metrics)
      .map(([name, metric]) => `${holdsGate(metric) ? '✅' : '❌'} \`${name}\` ${formatMetric(metric, name)}`)
      .join('<br>');
    out.push(
      `| ${result.passed ? '✅' : '❌'} | day ${dayNumberOf(result)} — ${result.title} | ${passed}/${total}${bonusNote(result.tests)}${result.fromSolutions ? ` · ${takenText}` : ''} | ${race.ok === undefined ? '—' : `${race.ok ? '✅' : '❌'} ${race.text}`} | ${figures || '—'} |`,
    );
  }
  const next = nextUnfinished(report.days);
  out.push('', next ? `**Next:** ${next.id} — ${next.title}: run \`npm run check ${next.id}\`.` : '**Every day passes.**');
  if (next && !waitingText(next)) {
    out.push('', '<details><summary>What fails there</summary>', '');
    for (const test of next.tests.filter((entry) => entry.status === 'failed' && !entry.bonus))
      out.push(`- ❌ ${test.name}`, '', '  ```', ...test.message.split('\n').map((line) => `  ${line}`), '  ```');
    out.push('', '</details>');
  }
  out.push('', `Seed: \`GRADER_SEED=${report.seed}\``);
  return `${out.join('\n')}\n`;
}
