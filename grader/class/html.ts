// The class view as one self-contained HTML page: inline style, inline SVG, guide entries inlined, no scripts, no
// fonts, no links into a clone: it works offline and when it is shared.
import { esc, loadChart } from './chart.ts';
import { cellClass, dayCell, loadCell } from './format.ts';
import { causeDetails } from './guide.ts';
import type { Learner } from './learner.ts';
import type { ClassInput } from './read.ts';
import { byStuck, sharedFailure, standingOf, type SharedFailure } from './standing.ts';
import { dayIds, loadPoints, summarizeDays } from './summary.ts';

const style = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 16px; color: #1f2328; max-width: 1600px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 15px; margin: 16px 0 6px; } .muted { color: #59636e; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #e5e8eb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; } td.day { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.pass { color: #1a7f37; background: #dafbe1; } td.fail { color: #cf222e; background: #ffebe9; } td.none { color: #8c959f; background: #f6f8fa; } td.wait { color: #9a6700; background: #fff8c5; }
.flag { display: inline-block; white-space: normal; font-size: 11px; font-weight: 600; border-radius: 8px; padding: 0 6px; margin-left: 6px; }
.flag.regression { background: #ffebe9; color: #cf222e; } .flag.broken { background: #fff8c5; color: #9a6700; }
td.figure { font-variant-numeric: tabular-nums; font-size: 12px; } code { font-size: 12px; overflow-wrap: anywhere; }
td.first { overflow-wrap: anywhere; } td.first > div { margin-top: 2px; } .when { display: block; font-weight: 400; font-size: 11px; color: #59636e; }
th[scope="row"] { max-width: 160px; overflow-wrap: anywhere; } td.day { font-size: 13px; padding: 4px 5px; } svg#throughput { max-width: 100%; height: auto; }
.meter { display: inline-block; width: 120px; height: 8px; background: #ffebe9; border-radius: 4px; vertical-align: middle; margin: 0 8px; }
.meter span { display: block; height: 8px; background: #2da44e; border-radius: 4px; }
ul.causes { list-style: none; padding: 0; margin: 0; } li.cause { padding: 4px 0; } .count { display: inline-block; min-width: 28px; font-weight: 700; vertical-align: top; }
li.cause details, li.cause .title { display: inline-block; max-width: 90%; } td.cause details { display: block; } .who, .reqs { color: #59636e; font-size: 12px; margin-left: 32px; }
details.guide summary { cursor: pointer; } details.guide[open] { background: #f6f8fa; padding: 4px 8px; border-radius: 6px; }
#banner { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
svg .bar.pass { fill: #2da44e; } svg .bar.fail { fill: #e5534b; } svg .gate { stroke: #1f2328; stroke-width: 2; }
svg .redis { stroke: #8250df; stroke-width: 2; stroke-dasharray: 4 2; } svg .grid { stroke: #eaeef2; } svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
svg .name { text-anchor: end; } svg .axis { text-anchor: middle; fill: #59636e; } svg .value { fill: #59636e; }
li.problem { color: #cf222e; } h3 .reached { font-weight: 400; font-size: 13px; } tr.no-report th, tr.no-report td { color: #8c959f; }
`;

// The banner for a failure every report shares: one line a mentor reads as "fix the setup", not as 8 bugs.
function banner(shared: SharedFailure | undefined, count: number): string {
  if (!shared) return '';
  return `<div id="banner" data-day="${esc(shared.day)}" data-kind="${esc(shared.cause.kind)}"><b>Setup problem:</b> every one of the ${count} readable reports fails ${esc(shared.day)} with the same cause — most likely the grading environment (Node, <code>npm install</code>, where the trees lay), not the learners' code. ${causeDetails(shared.cause)}<div class="muted">e.g. <code>${esc(shared.example)}</code></div></div>`;
}

// The cells of a learner with no report (a roster name) or a broken one: nothing to tell day by day.
function unknownCells(ids: string[], state: 'no-report' | 'unknown'): string[] {
  return ids.map((id) => `<td class="day none" data-day="${esc(id)}" data-state="${state}">${state === 'no-report' ? '—' : '?'}</td>`);
}

function learnerRow(learner: Learner, ids: string[], shared: SharedFailure | undefined): string {
  const { stuck, regression } = standingOf(learner);
  const cells = learner.noReport
    ? unknownCells(ids, 'no-report')
    : learner.broken
      ? unknownCells(ids, 'unknown')
      : ids.map((id) => {
          const day = learner.days.find((entry) => entry.id === id);
          const tip = day?.firstFailure?.name ? ` title="${esc(day.firstFailure.name)}"` : '';
          return `<td class="day ${cellClass(day)}" data-day="${esc(id)}" data-state="${day?.state ?? 'not-graded'}"${tip}>${esc(dayCell(day))}</td>`;
        });
  const failure = stuck?.state === 'failing' ? stuck.firstFailure : undefined;
  const where = learner.noReport
    ? '<span class="no-report">no report in the folder: never pushed, or never graded</span>'
    : learner.broken
      ? `<span class="broken" title="${esc(learner.broken)}">${esc(learner.broken.split(' (')[0]!)}</span>`
      : !stuck
        ? '<span class="pass">every graded day passes</span>'
        : stuck.state === 'not-started'
          ? `<b>${esc(stuck.id)}</b> · not started`
          : stuck.state === 'not-reached'
            ? `<b>${esc(stuck.id)}</b> · not reached (${esc(stuck.blockedBy ?? 'an earlier day')})`
            : `<b>${esc(stuck.id)}</b> · ${esc(failure?.name || '(no requirement named)')}`;
  const cause = failure
    ? `<div class="cause" data-kind="${esc(failure.cause.kind)}">${stuck && shared && shared.day === stuck.id && shared.cause.kind === failure.cause.kind ? 'setup problem (see the banner)' : causeDetails(failure.cause)}</div>`
    : '';
  const file = failure?.lookAt ? `<div>look at <code class="look-at">${esc(failure.lookAt)}</code></div>` : '';
  const flags = [
    regression ? `<span class="flag regression" title="${esc(regression)}">regression: ${esc(regression)}</span>` : '',
    learner.broken ? '<span class="flag broken">report broken</span>' : '',
  ].join('');
  const when = [learner.commit ? `<code>${esc(learner.commit)}</code>` : '', learner.at ? esc(learner.at.slice(0, 16).replace('T', ' ')) : '']
    .filter(Boolean)
    .join(' · ');
  const attributes = `data-learner="${esc(learner.name)}"${regression ? ' data-regression="true"' : ''}${learner.broken ? ' data-broken="true"' : ''}${learner.noReport ? ' data-no-report="true"' : ''}`;
  return `<tr class="learner${learner.noReport ? ' no-report' : ''}" ${attributes}><th scope="row">${esc(learner.name)}${flags}${when ? `<span class="when">${when}</span>` : ''}</th>${cells.join('')}<td class="first"><div class="where">${where}</div>${cause}${file}</td><td class="figure">${esc(loadCell(learner.days.find((day) => day.id === 'day5')))}</td></tr>`;
}

function daySections(input: ClassInput, shared: SharedFailure | undefined): string {
  return summarizeDays(input.learners, shared)
    .map((day) => {
      const share = day.graded ? Math.round((day.passed / day.graded) * 100) : 0;
      const head = `<h3>${esc(day.id)} — ${esc(day.title)} <span class="meter"><span style="width:${share}%"></span></span><span class="passcount">${day.passed}/${day.graded} pass</span><span class="muted reached"> of those who reached it</span></h3>`;
      const notStarted = day.notStarted.length
        ? `<p class="muted not-started" data-count="${day.notStarted.length}">${day.notStarted.length} not started: ${esc(day.notStarted.join(', '))}</p>`
        : '';
      const waiting = day.waiting.length
        ? `<p class="muted waiting" data-count="${day.waiting.length}">${day.waiting.length} not reached, held back by an earlier day (see that day): ${esc(day.waiting.join(', '))}</p>`
        : '';
      const groups = day.groups.map((group) => {
        const reqs = group.requirements.map((entry) => `${esc(entry.name)} ×${entry.count}`).join(' · ');
        const who = group.learners
          .map(
            (learner) =>
              `<span class="member" data-learner="${esc(learner.name)}">${esc(learner.name)}${learner.lookAt ? ` (<code>${esc(learner.lookAt)}</code>)` : ''}</span>`,
          )
          .join(', ');
        return `<li class="cause" data-kind="${esc(group.cause.kind)}" data-count="${group.learners.length}"><span class="count">${group.learners.length}</span>${causeDetails(group.cause)}<div class="reqs">${reqs}</div><div class="who">${who}</div></li>`;
      });
      const body = groups.length ? `<ul class="causes">${groups.join('\n')}</ul>` : '<p class="muted">Nothing to explain on this day.</p>';
      return `<section class="day" data-day="${esc(day.id)}">${head}${body}${notStarted}${waiting}</section>`;
    })
    .join('\n');
}

function filesSection(input: ClassInput): string {
  const lines = [
    ...input.problems.map((problem) => `<li class="problem" data-file="${esc(problem.file)}">✗ <code>${esc(problem.file)}</code>: ${esc(problem.reason)}</li>`),
    ...input.learners
      .filter((learner) => learner.notes.length > 0)
      .map(
        (learner) =>
          `<li class="note" data-file="${esc(learner.file)}"><code>${esc(learner.file)}</code> (${esc(learner.name)}): ${esc(learner.notes.join('; '))}</li>`,
      ),
  ];
  return lines.length ? `<section id="files"><h2>Files</h2><ul>${lines.join('\n')}</ul></section>` : '';
}

/** The page for `input`, made on `date`. */
export function renderHtml(input: ClassInput, date: string): string {
  const ids = dayIds(input.learners);
  const shared = sharedFailure(input.learners);
  const left = input.problems.length ? `, ${input.problems.length} file(s) left out (see Files)` : '';
  const readable = input.learners.filter((learner) => !learner.broken && !learner.noReport).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cachelings — the class at a glance</title><style>${style}</style></head>
<body>
<h1>The class at a glance</h1>
<p class="muted">${input.learners.length} learner(s)${left} · ${esc(date)} · most stuck first · each day's first failures grouped by the cause the terminal showed (open one for the guide's words), the day-5 figures as a share of Redis, then one row per learner</p>
${banner(shared, readable)}
<h2>Learners, most stuck first</h2>
<table id="learners"><thead><tr><th>learner</th>${ids.map((id) => `<th>${esc(id)}</th>`).join('')}<th>stuck at · cause · look at</th><th>day 5</th></tr></thead>
<tbody>
${
  input.learners.length
    ? byStuck(input.learners)
        .map((learner) => learnerRow(learner, ids, shared))
        .join('\n')
    : ''
}
</tbody></table>
<h2>Day by day: what to explain to everyone at once</h2>
<div id="days">
${daySections(input, shared)}
</div>
<h2>Day 5 throughput: each server as a share of Redis in the same run</h2>
${loadChart(loadPoints(input.learners))}
${filesSection(input)}
</body></html>
`;
}
