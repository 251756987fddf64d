// The class view as markdown: the learners most stuck first, each day's grouped first failures, the day-5 figures as a
// share of Redis, the guide entries cited (folded, so the file explains itself when shared), bad files.
import { times } from './chart.ts';
import type { Cause } from './cause.ts';
import { figure } from '../../course/gates.ts';
import { dayCell, loadCell } from './format.ts';
import { guideSection } from './guide.ts';
import type { ClassInput } from './read.ts';
import { byStuck, sharedFailure, standingOf } from './standing.ts';
import { dayIds, loadPoints, summarizeDays } from './summary.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rows of the learners' table, as the page shows them: most stuck first. */
export function learnerTable(input: ClassInput): string[] {
  const ids = dayIds(input.learners);
  const out = [`| learner | ${ids.join(' | ')} | stuck at | cause | look at | day 5 |`, `| --- |${' --- |'.repeat(ids.length + 4)}`];
  for (const learner of byStuck(input.learners)) {
    const { stuck, regression } = standingOf(learner);
    const failure = stuck?.state === 'failing' ? stuck.firstFailure : undefined;
    const days = ids.map((id) => (learner.noReport ? '—' : learner.broken ? '?' : dayCell(learner.days.find((day) => day.id === id))));
    const where = learner.noReport
      ? 'no report in the folder: never pushed, or never graded'
      : learner.broken
        ? `report broken: ${learner.broken}`
        : !stuck
          ? 'every graded day passes'
          : stuck.state === 'not-started'
            ? `${stuck.id} · not started`
            : stuck.state === 'not-reached'
              ? `${stuck.id} · not reached (${stuck.blockedBy ?? 'an earlier day'})`
              : `${stuck.id} · ${failure?.name || '(no requirement named)'}`;
    const name = `${learner.name}${regression ? ` ⚠ regression: ${regression}` : ''}`;
    out.push(
      `| ${cell(name)} | ${days.join(' | ')} | ${cell(where)} | ${cell(failure?.cause.title ?? '')} | ${failure?.lookAt ? `\`${failure.lookAt}\`` : ''} | ${loadCell(learner.days.find((day) => day.id === 'day5'))} |`,
    );
  }
  return out;
}

/** The markdown summary of `input`, made on `date`. */
export function renderMarkdown(input: ClassInput, date: string): string {
  const { learners, problems } = input;
  const shared = sharedFailure(learners);
  const cited = new Map<string, Cause>();
  const out = [`# The class at a glance — ${learners.length} learner(s), ${date}`, ''];
  if (shared) {
    out.push(
      `> **Setup problem:** every readable report fails ${shared.day} with "${shared.cause.title}" — most likely the grading environment, not the learners' code (e.g. \`${shared.example}\`).`,
      '',
    );
    cited.set(shared.cause.kind, shared.cause);
  }
  out.push('## Learners, most stuck first', '', ...learnerTable(input));
  out.push('', '## Day by day: what to explain to everyone at once');
  for (const day of summarizeDays(learners, shared)) {
    const notStarted = day.notStarted.length ? ` · ${day.notStarted.length} not started` : '';
    const waiting = day.waiting.length ? ` · ${day.waiting.length} not reached` : '';
    out.push('', `### ${day.id} — ${day.title}: ${day.passed}/${day.graded} pass of those who reached it${notStarted}${waiting}`);
    if (day.groups.length === 0) continue;
    out.push('', '| learners (look at) | first failure, by cause | requirements |', '| --- | --- | --- |');
    for (const group of day.groups) {
      if (group.cause.guide) cited.set(group.cause.kind, group.cause);
      const who = group.learners.map((learner) => `${learner.name}${learner.lookAt ? ` (\`${learner.lookAt}\`)` : ''}`).join(', ');
      const requirements = group.requirements.map((entry) => `${cell(entry.name)} ×${entry.count}`).join('; ');
      out.push(`| ${group.learners.length}: ${cell(who)} | ${cell(group.cause.title)} | ${requirements} |`);
    }
  }
  out.push('', '## Day 5 throughput: each server as a share of Redis in the same run', '');
  const points = loadPoints(learners);
  if (points.length === 0) out.push('No report carries a day-5 load figure measured beside Redis yet.');
  else {
    out.push('| learner | of Redis | gate | ops/s | Redis ops/s | day 5 |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const point of points)
      out.push(
        `| ${cell(point.name)} | ${times(point.ratio)} | ${point.gateRatio === undefined ? '—' : times(point.gateRatio)} | ${figure(point.yours)} | ${figure(point.redis)} | ${point.passed ? '✓' : '✗'} |`,
      );
  }
  const entries = [...cited.values()]
    .map((cause) => ({ cause, text: cause.guide && guideSection(...(cause.guide.split('#', 2) as [string, string])) }))
    .filter((entry) => entry.text);
  if (entries.length) out.push('', '## The guide entries cited', '');
  for (const { cause, text } of entries) out.push(`<details><summary>${cause.title} (${cause.guide})</summary>`, '', text!, '', '</details>', '');
  const noted = learners.filter((learner) => learner.notes.length > 0);
  if (problems.length > 0 || noted.length > 0) out.push('', '## Files');
  for (const problem of problems) out.push(`- ✗ \`${problem.file}\`: ${problem.reason}`);
  for (const learner of noted) out.push(`- \`${learner.file}\` (${cell(learner.name)}): ${learner.notes.join('; ')}`);
  return `${out.join('\n')}\n`;
}
