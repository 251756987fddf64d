// Prints a graded day for people: one line per requirement, advice under each failure, then the next step.
import chalk from 'chalk';
import { dayNumber, findDay, nextDay, type Day } from '../course/days.ts';
import { notRunPrefix } from '../course/explain.ts';
import { whyLine } from './explain.ts';

import { display } from './paths.ts';
import type { DayResult, MetricResult, TestResult } from './results.ts';
import { notSelected } from './vitest-run.ts';

/** Indents every line of `text` by `spaces`. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** The unit of a figure, read from its name: `bench.get.hz` counts calls of a benchmark function, not operations. */
export function unitOf(name: string): string {
  if (/\.hz\b/.test(name)) return ' calls/s';
  if (/opsPerSec/.test(name)) return ' ops/s';
  if (/bytesPerOp/.test(name)) return ' bytes/op';
  if (/Ms\b/.test(name)) return ' ms';
  return '';
}

/** A metric as `123,456 ops/s (gate > 100,000)`, with its unit when `name` is given, then its note if any. */
export function formatMetric(metric: MetricResult, name = ''): string {
  const value = `${metric.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unitOf(name)}`;
  const gate = metric.gate ? ` (gate ${metric.gate.op} ${metric.gate.value.toLocaleString('en-US')})` : '';
  return `${value}${gate}${metric.note ? ` — note: ${metric.note}` : ''}`;
}

const hzNote = 'calls/s: how many times per second vitest called your benchmark function; each call is a batch of operations, so ops/s = calls/s × batch.';

// The "Measured" block: each figure beside its gate, or nothing when the day measured nothing.
function measured(result: DayResult): string[] {
  const metrics = Object.entries(result.metrics);
  if (metrics.length === 0) return [];
  const hz = metrics.some(([name]) => unitOf(name) === ' calls/s') ? [chalk.dim(`    ${hzNote}`)] : [];
  return [chalk.bold('  Measured'), ...metrics.map(([name, metric]) => `    ${name.padEnd(24)} ${formatMetric(metric, name)}`), ...hz, ''];
}

/** The key under which failures of one observed cause fold together (none without a cause). */
function foldKey(test: TestResult): string | undefined {
  return test.cause ? `${test.cause.kind}\0${test.cause.title}` : undefined;
}

/** The requirement lines of one day, grouped by describe block; failures of one cause and the requirements a
 *  failed precondition kept from running are each listed once, under the first failure. A bonus miss is one line,
 *  unless `bonusInFull` (a run under --only, which is how the learner asks for its whole story). */
export function renderTests(result: DayResult, bonusInFull = false): string {
  const shown = result.tests.filter((entry) => entry.message !== notSelected);
  const failures = new Map<string, TestResult[]>();
  for (const test of shown) {
    const key = test.status === 'failed' && !test.bonus ? foldKey(test) : undefined;
    if (key) failures.set(key, [...(failures.get(key) ?? []), test]);
  }
  const notRun = new Map<string, TestResult[]>();
  for (const test of shown.filter((entry) => entry.status === 'skipped' && entry.message.startsWith(notRunPrefix))) {
    notRun.set(test.message, [...(notRun.get(test.message) ?? []), test]);
  }
  const needsOf = new Map((findDay(result.id)?.preconditions ?? []).map((pre) => [pre.requirement, `${notRunPrefix}${pre.needs}`]));
  const placed = new Set<string>();
  const visible = shown.filter((test) => {
    const key = foldKey(test);
    if (key && failures.get(key)?.[0] !== test && failures.get(key)?.includes(test)) return false;
    if (!notRun.has(test.message)) return true;
    if ([...needsOf.values()].includes(test.message) || placed.has(test.message)) return false;
    placed.add(test.message); // a note the manifest does not know: the block goes where its first member was
    return true;
  });
  const out: string[] = [];
  let group: string | undefined;
  let lastMessage = '';
  const listNotRun = (message: string) => {
    const names = notRun.get(message) ?? [];
    // Counted like the summary line: required requirements, the bonus ones apart.
    const required = names.filter((test) => !test.bonus).length;
    const bonus = names.length - required;
    const count = `${required} requirement${required === 1 ? '' : 's'}${bonus > 0 ? ` (and ${bonus} bonus)` : ''}`;
    out.push(`  ${chalk.dim(`- ${message} — ${count} not run:`)}`);
    out.push(chalk.dim(indent(names.map((test) => `· ${test.name}${test.bonus ? ' (bonus)' : ''}`).join('\n'), 6)));
  };
  for (const test of visible) {
    if (test.group !== group) {
      group = test.group;
      if (group) out.push('', `  ${chalk.bold(group)}`);
    }
    if (test.status === 'passed') out.push(`  ${chalk.green('✓')} ${test.name}`);
    if (test.status === 'skipped' && notRun.has(test.message)) listNotRun(test.message);
    else if (test.status === 'skipped') out.push(`  ${chalk.dim(`- ${test.name} (${test.message})`)}`);
    if (test.status !== 'failed') continue;
    out.push(`  ${test.bonus ? chalk.yellow('✗') : chalk.red('✗')} ${test.name}${test.bonus ? chalk.dim(' (bonus: not required to pass the day)') : ''}`);
    if (test.bonus && !bonusInFull) {
      // A bonus miss is one line, passing day or not: the required requirements come first, the whole story of the
      // stretch is one --only away.
      const words = test.name
        .replace(/["\\]/g, '')
        .split(' ')
        .slice(0, 4)
        .join(' ')
        .replace(/[,:;.]$/, '');
      out.push(chalk.dim(indent(`${test.message.split('\n')[0]}\n(in full: npm run check ${result.id} -- --only "${words}")`, 6)));
      continue;
    }
    out.push(chalk.dim(indent(test.message === lastMessage ? '(same as above)' : test.message, 6)));
    const why = whyLine(result.id, test);
    if (why) out.push(indent(why, 6));
    lastMessage = test.message;
    const same = failures.get(foldKey(test) ?? '')?.slice(1) ?? [];
    if (same.length > 0) out.push(indent(`The same cause (${test.cause!.title}) also breaks:\n${same.map((other) => `  ✗ ${other.name}`).join('\n')}`, 6));
  }
  // What a failed precondition kept from running comes last, once per precondition.
  const folded = [...notRun.keys()].filter((message) => [...needsOf.values()].includes(message) && !placed.has(message));
  if (folded.length > 0) out.push('');
  for (const message of folded) listNotRun(message);
  return out.join('\n');
}

// The line that says a day's files came from solutions/ (`npm run skip-to`), else nothing.
function takenNote(day: Day, result: DayResult): string[] {
  return result.fromSolutions
    ? [chalk.yellow(`these files were taken from the solutions (npm run skip-to); npm run reset ${day.id} puts the scaffold back`)]
    : [];
}

/** The full text of `check`: header, requirements, figures, and what to do next. */
export function renderDay(day: Day, result: DayResult, context: { target: string; seed: number; only?: string }): string {
  const number = dayNumber(day);
  if (context.only !== undefined) return renderOnly(day, result, { ...context, only: context.only });
  const required = result.tests.filter((test) => !test.bonus);
  const bonus = result.tests.filter((test) => test.bonus);
  const passedCount = required.filter((test) => test.status === 'passed').length;
  const bonusNote = bonus.length > 0 ? `; bonus: ${bonus.filter((test) => test.status === 'passed').length} of ${bonus.length}` : '';
  const out = [
    chalk.bold(`cachelings · day ${number} — ${day.title}`),
    chalk.dim(`checking ${display(context.target)}/${day.slug}`),
    ...takenNote(day, result),
    renderTests(result),
    '',
  ];
  out.push(...measured(result));
  if (result.passed) {
    const next = nextDay(day);
    out.push(chalk.green.bold(`✓ day ${number} passed`) + ` — ${passedCount} of ${required.length} requirements hold${bonusNote}.`);
    out.push(`  Solution for comparison: solutions/${day.slug}/`);
    out.push(
      next
        ? `  Next: day ${dayNumber(next)} — ${next.title}. Read days/${next.slug}/README.md, then run npm run check ${next.id}`
        : '  That was the last day. Run npm run grade for the report card.',
    );
    return out.join('\n');
  }
  out.push(chalk.red.bold(`✗ day ${number} is not done yet`) + ` — ${passedCount} of ${required.length} requirements hold${bonusNote}.`);
  out.push(`  Next: fix the first ✗ above, then run npm run check ${day.id} again.`);
  out.push(`  Stuck? npm run hint ${day.id} · guide: days/${day.slug}/README.md`);
  out.push(chalk.dim(`  Same random data again: GRADER_SEED=${context.seed} npm run check ${day.id}`));
  return out.join('\n');
}

// `check --only`: the selected requirements, their figures, and the reminder that the day needs a full run.
function renderOnly(day: Day, result: DayResult, context: { target: string; seed: number; only: string }): string {
  const number = dayNumber(day);
  const selected = result.tests.filter((test) => test.message !== notSelected);
  const held = selected.filter((test) => test.status === 'passed').length;
  const out = [
    chalk.bold(`cachelings · day ${number} — ${day.title}`),
    chalk.dim(`checking ${display(context.target)}/${day.slug}, only requirements containing "${context.only}"`),
    ...takenNote(day, result),
    renderTests(result, true),
    '',
  ];
  out.push(...measured(result));
  const tally = `${held} of ${selected.length} selected requirements hold`;
  // Only bonus requirements failed: the day is not failed by them, but the run did not hold either.
  const verdict =
    held === selected.length
      ? chalk.green.bold(`✓ ${tally}`)
      : result.passed
        ? `${chalk.yellow.bold(`✗ ${tally}`)} (bonus: not required to pass the day)`
        : chalk.red.bold(`✗ ${tally}`);
  out.push(`${verdict} (${result.tests.length - selected.length} not run).`);
  out.push(`  The day counts only when every requirement holds: npm run check ${day.id}`);
  if (!result.passed) out.push(chalk.dim(`  Same random data again: GRADER_SEED=${context.seed} npm run check ${day.id} -- --only "${context.only}"`));
  return out.join('\n');
}
