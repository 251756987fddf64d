// The class view as one self-contained HTML page: inline style, inline SVG, no scripts, no fonts, works offline.
import { esc, loadChart } from './chart.ts';
import type { Cause } from './cause.ts';
import { dayCell, guideHref, loadCell } from './format.ts';
import type { ClassInput } from './read.ts';
import { dayIds, firstUnpassed, loadPoints, summarizeDays } from './summary.ts';

const style = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 15px; margin: 16px 0 6px; } .muted { color: #59636e; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #e5e8eb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; } td.day { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pass { color: #1a7f37; } .fail { color: #cf222e; } .none { color: #8c959f; }
td.first { max-width: 380px; } td.figure { white-space: nowrap; font-variant-numeric: tabular-nums; }
.meter { display: inline-block; width: 120px; height: 8px; background: #ffebe9; border-radius: 4px; vertical-align: middle; margin: 0 8px; }
.meter span { display: block; height: 8px; background: #2da44e; border-radius: 4px; }
ul.causes { list-style: none; padding: 0; margin: 0; } li.cause { padding: 4px 0; } .count { display: inline-block; min-width: 28px; font-weight: 700; }
.who, .reqs { color: #59636e; font-size: 12px; margin-left: 32px; }
svg .bar.pass { fill: #2da44e; } svg .bar.fail { fill: #e5534b; } svg .gate { stroke: #1f2328; stroke-width: 2; }
svg .redis { fill: #fff; stroke: #8250df; stroke-width: 2; } svg .grid { stroke: #eaeef2; } svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
svg .name { text-anchor: end; } svg .axis { text-anchor: middle; fill: #59636e; }
li.problem { color: #cf222e; } code { font-size: 12px; }
`;

function causeLink(cause: Cause, outDir: string): string {
  const href = guideHref(cause, outDir);
  return href ? `<a href="${esc(href)}">${esc(cause.title)}</a>` : esc(cause.title);
}

function learnerRows(input: ClassInput, ids: string[], outDir: string): string {
  return input.learners
    .map((learner) => {
      const cells = ids.map((id) => {
        const day = learner.days.find((entry) => entry.id === id);
        const state = !day ? 'none' : day.passed ? 'pass' : 'fail';
        const tip = day?.firstFailure?.name ? ` title="${esc(day.firstFailure.name)}"` : '';
        return `<td class="day ${state}" data-day="${esc(id)}"${tip}>${esc(dayCell(day))}</td>`;
      });
      const stuck = firstUnpassed(learner);
      const failure = stuck?.firstFailure;
      const first = !stuck ? '<span class="pass">every graded day passes</span>' : `<b>${esc(stuck.id)}</b> · ${esc(failure?.name || '(no requirement named)')}`;
      const cause = failure ? `<span class="cause" data-kind="${esc(failure.cause.kind)}">${causeLink(failure.cause, outDir)}</span>` : '';
      const figures = esc(loadCell(learner.days.find((day) => day.id === 'day5')));
      return `<tr class="learner" data-learner="${esc(learner.name)}"><th scope="row">${esc(learner.name)}</th>${cells.join('')}<td class="first">${first}</td><td>${cause}</td><td class="figure">${figures}</td></tr>`;
    })
    .join('\n');
}

function daySections(input: ClassInput, outDir: string): string {
  return summarizeDays(input.learners)
    .map((day) => {
      const share = day.graded ? Math.round((day.passed / day.graded) * 100) : 0;
      const head = `<h3>${esc(day.id)} — ${esc(day.title)} <span class="meter"><span style="width:${share}%"></span></span><span class="passcount">${day.passed}/${day.graded} pass</span></h3>`;
      const waiting = day.notStarted.length ? `<p class="muted not-started" data-count="${day.notStarted.length}">${day.notStarted.length} not started (a <code>// TODO:</code> left): ${esc(day.notStarted.join(', '))}</p>` : '';
      const groups = day.groups.map((group) => {
        const reqs = group.requirements.map((entry) => `${esc(entry.name)} ×${entry.count}`).join(' · ');
        return `<li class="cause" data-kind="${esc(group.cause.kind)}" data-count="${group.learners.length}"><span class="count">${group.learners.length}</span>${causeLink(group.cause, outDir)}<div class="reqs">${reqs}</div><div class="who">${esc(group.learners.join(', '))}</div></li>`;
      });
      const body = groups.length ? `<ul class="causes">${groups.join('\n')}</ul>` : '<p class="muted">Nothing to explain on this day.</p>';
      return `<section class="day" data-day="${esc(day.id)}">${head}${body}${waiting}</section>`;
    })
    .join('\n');
}

function filesSection(input: ClassInput): string {
  const lines = [
    ...input.problems.map((problem) => `<li class="problem" data-file="${esc(problem.file)}">✗ <code>${esc(problem.file)}</code>: ${esc(problem.reason)}</li>`),
    ...input.learners.filter((learner) => learner.notes.length > 0).map((learner) => `<li class="note" data-file="${esc(learner.file)}"><code>${esc(learner.file)}</code> (${esc(learner.name)}): ${esc(learner.notes.join('; '))}</li>`),
  ];
  return lines.length ? `<section id="files"><h2>Files</h2><ul>${lines.join('\n')}</ul></section>` : '';
}

/** The page for `input`, guide links made relative to `outDir`. */
export function renderHtml(input: ClassInput, outDir: string, date: string): string {
  const ids = dayIds(input.learners);
  const left = input.problems.length ? `, ${input.problems.length} file(s) left out (see Files)` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cachelings — the class at a glance</title><style>${style}</style></head>
<body>
<h1>The class at a glance</h1>
<p class="muted">${input.learners.length} learner(s)${left} · ${esc(date)} · each day's first failures grouped by cause, the day-5 figures, then one row per learner (hover a ✗ for its first failing requirement)</p>
<h2>Day by day: what to explain to everyone at once</h2>
<div id="days">
${daySections(input, outDir)}
</div>
<h2>Day 5 throughput: each server against its gate and Redis</h2>
${loadChart(loadPoints(input.learners))}
<h2>Learners</h2>
<table id="learners"><thead><tr><th>learner</th>${ids.map((id) => `<th>${esc(id)}</th>`).join('')}<th>first failing requirement</th><th>cause</th><th>day 5 ops/s</th></tr></thead>
<tbody>
${learnerRows(input, ids, outDir)}
</tbody></table>
${filesSection(input)}
</body></html>
`;
}
