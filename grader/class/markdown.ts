// The class view as markdown: the learners' table, each day's grouped first failures, the day-5 figures, bad files.
import type { ClassInput } from './read.ts';
import { dayCell, figure, guideHref, loadCell } from './format.ts';
import { dayIds, firstUnpassed, loadPoints, summarizeDays } from './summary.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The markdown summary of `input`, links made relative to `outDir`. */
export function renderMarkdown(input: ClassInput, outDir: string, date: string): string {
  const { learners, problems } = input;
  const ids = dayIds(learners);
  const out = [`# The class at a glance — ${learners.length} learner(s), ${date}`, ''];
  out.push(`| learner | ${ids.join(' | ')} | first failing requirement | cause | day 5 ops/s |`, `| --- |${' --- |'.repeat(ids.length + 3)}`);
  for (const learner of learners) {
    const stuck = firstUnpassed(learner);
    const failure = stuck?.firstFailure;
    const href = failure && guideHref(failure.cause, outDir);
    const cause = failure ? (href ? `[${cell(failure.cause.title)}](${href})` : cell(failure.cause.title)) : '';
    const days = ids.map((id) => dayCell(learner.days.find((day) => day.id === id)));
    const first = stuck ? `${stuck.id} · ${cell(failure?.name || '(no requirement named)')}` : 'every graded day passes';
    out.push(`| ${cell(learner.name)} | ${days.join(' | ')} | ${first} | ${cause} | ${loadCell(learner.days.find((day) => day.id === 'day5'))} |`);
  }
  out.push('', '## Day by day: what to explain to everyone at once');
  for (const day of summarizeDays(learners)) {
    const waiting = day.notStarted.length ? ` · ${day.notStarted.length} not started (a \`// TODO:\` left)` : '';
    out.push('', `### ${day.id} — ${day.title}: ${day.passed}/${day.graded} pass${waiting}`);
    if (day.groups.length === 0) continue;
    out.push('', '| learners | first failure, by cause | requirements |', '| --- | --- | --- |');
    for (const group of day.groups) {
      const href = guideHref(group.cause, outDir);
      const title = href ? `[${cell(group.cause.title)}](${href})` : cell(group.cause.title);
      const requirements = group.requirements.map((entry) => `${cell(entry.name)} ×${entry.count}`).join('; ');
      out.push(`| ${group.learners.length}: ${cell(group.learners.join(', '))} | ${title} | ${requirements} |`);
    }
  }
  out.push('', '## Day 5 throughput: each server against its gate and Redis', '');
  const points = loadPoints(learners);
  if (points.length === 0) out.push('No report carries a day-5 load figure yet.');
  else {
    out.push('| learner | ops/s | gate | Redis | |', '| --- | ---: | ---: | ---: | --- |');
    const top = Math.max(...points.map((point) => Math.max(point.yours, point.gate ?? 0, point.redis ?? 0)));
    for (const point of points) {
      const mark = point.gate === undefined ? '' : point.yours > point.gate ? ' ✓' : ' ✗';
      out.push(`| ${cell(point.name)} | ${figure(point.yours)} | ${point.gate === undefined ? '—' : figure(point.gate)} | ${point.redis === undefined ? '—' : figure(point.redis)} | ${'█'.repeat(Math.max(1, Math.round((point.yours / top) * 30)))}${mark} |`);
    }
  }
  const noted = learners.filter((learner) => learner.notes.length > 0);
  if (problems.length > 0 || noted.length > 0) out.push('', '## Files');
  for (const problem of problems) out.push(`- ✗ \`${problem.file}\`: ${problem.reason}`);
  for (const learner of noted) out.push(`- \`${learner.file}\` (${cell(learner.name)}): ${learner.notes.join('; ')}`);
  return `${out.join('\n')}\n`;
}
