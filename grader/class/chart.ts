// The day-5 chart as inline SVG: one bar per learner, their server's throughput as a share of Redis measured in the
// same run (the fair figure across machines and runs), a tick at the share the gate asked for, a line at Redis (1×).
import { figure } from '../../course/gates.ts';
import type { LoadPoint } from './summary.ts';

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `0.62×`: a ratio to Redis. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** The chart of `points`, or a sentence when there is nothing to draw. */
export function loadChart(points: LoadPoint[]): string {
  if (points.length === 0) return '<p class="empty" id="throughput-empty">No report carries a day-5 load figure measured beside Redis yet.</p>';
  const [label, width, row, top] = [170, 620, 20, 34];
  const max = Math.max(1, ...points.map((point) => Math.max(point.ratio, point.gateRatio ?? 0))) * 1.1;
  const x = (value: number) => label + (value / max) * width;
  const height = top + points.length * row + 26;
  const out = [
    `<svg id="throughput" role="img" aria-label="Day-5 throughput of each learner's server as a share of Redis in the same run" viewBox="0 0 ${label + width + 20} ${height}" width="${label + width + 20}" height="${height}">`,
  ];
  out.push(
    `<g class="legend" font-size="12"><rect x="${label}" y="6" width="14" height="10" class="bar pass"/><text x="${label + 20}" y="15">day 5 passes</text>`,
  );
  out.push(`<rect x="${label + 120}" y="6" width="14" height="10" class="bar fail"/><text x="${label + 140}" y="15">day 5 fails</text>`);
  out.push(`<line x1="${label + 240}" x2="${label + 240}" y1="4" y2="18" class="gate"/><text x="${label + 248}" y="15">gate (share of Redis)</text>`);
  out.push(`<line x1="${label + 400}" x2="${label + 400}" y1="4" y2="18" class="redis"/><text x="${label + 408}" y="15">Redis, same run = 1×</text></g>`);
  for (let value = 0; value <= max; value += max > 2.5 ? 0.5 : 0.25) {
    out.push(
      `<line x1="${x(value)}" x2="${x(value)}" y1="${top - 4}" y2="${height - 22}" class="grid"/><text x="${x(value)}" y="${height - 8}" class="axis">${value}×</text>`,
    );
  }
  out.push(`<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="${top - 4}" y2="${height - 22}" class="redis"/>`);
  points.forEach((point, index) => {
    const y = top + index * row;
    const words = `${point.name}: ${times(point.ratio)} of Redis (${figure(point.yours)} against ${figure(point.redis)} ops/s in the same run)${point.gateRatio === undefined ? '' : `, gate ${times(point.gateRatio)}`}, day 5 ${point.passed ? 'passes' : 'fails'}`;
    out.push(`<g class="learner" data-learner="${esc(point.name)}" data-ratio="${point.ratio.toFixed(3)}"><title>${esc(words)}</title>`);
    out.push(`<text x="${label - 8}" y="${y + 13}" class="name">${esc(point.name.length > 22 ? `${point.name.slice(0, 21)}…` : point.name)}</text>`);
    out.push(
      `<rect x="${label}" y="${y + 3}" width="${Math.max(1, x(point.ratio) - label).toFixed(1)}" height="${row - 6}" class="bar ${point.passed ? 'pass' : 'fail'}"/>`,
    );
    if (point.gateRatio !== undefined)
      out.push(`<line x1="${x(point.gateRatio).toFixed(1)}" x2="${x(point.gateRatio).toFixed(1)}" y1="${y + 1}" y2="${y + row - 1}" class="gate"/>`);
    out.push(`<text x="${(x(point.ratio) + 6).toFixed(1)}" y="${y + 13}" class="value">${times(point.ratio)}</text></g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
