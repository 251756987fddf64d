// The day-5 chart as inline SVG: one bar per learner's server, a tick at its gate, a dot at Redis under the same load.
import { figure } from './format.ts';
import type { LoadPoint } from './summary.ts';

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round step for about five axis ticks up to `top`. */
function step(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10;
}

/** The chart of `points`, or a sentence when there is nothing to draw. */
export function loadChart(points: LoadPoint[]): string {
  if (points.length === 0) return '<p class="empty" id="throughput-empty">No report carries a day-5 load figure yet.</p>';
  const [label, width, row, top] = [170, 620, 20, 34];
  const max = Math.max(...points.map((point) => Math.max(point.yours, point.gate ?? 0, point.redis ?? 0))) * 1.05;
  const x = (value: number) => label + (value / max) * width;
  const height = top + points.length * row + 26;
  const out = [`<svg id="throughput" role="img" aria-label="Day-5 throughput of each learner's server, with its gate and Redis" viewBox="0 0 ${label + width + 20} ${height}" width="${label + width + 20}" height="${height}">`];
  out.push(`<g class="legend" font-size="12"><rect x="${label}" y="6" width="14" height="10" class="bar pass"/><text x="${label + 20}" y="15">your server, over its gate</text>`);
  out.push(`<rect x="${label + 190}" y="6" width="14" height="10" class="bar fail"/><text x="${label + 210}" y="15">under its gate</text>`);
  out.push(`<line x1="${label + 320}" x2="${label + 320}" y1="4" y2="18" class="gate"/><text x="${label + 328}" y="15">gate</text>`);
  out.push(`<circle cx="${label + 380}" cy="11" r="5" class="redis"/><text x="${label + 390}" y="15">Redis, same load and machine</text></g>`);
  const tick = step(max);
  for (let value = 0; value <= max; value += tick) {
    out.push(`<line x1="${x(value)}" x2="${x(value)}" y1="${top - 4}" y2="${height - 22}" class="grid"/><text x="${x(value)}" y="${height - 8}" class="axis">${value >= 1000 ? `${value / 1000}K` : value}</text>`);
  }
  points.forEach((point, index) => {
    const y = top + index * row;
    const over = point.gate === undefined || point.yours > point.gate;
    const words = `${point.name}: ${figure(point.yours)} ops/s${point.gate === undefined ? '' : `, gate ${figure(point.gate)}`}${point.redis === undefined ? '' : `, Redis ${figure(point.redis)}`}`;
    out.push(`<g class="learner" data-learner="${esc(point.name)}"><title>${esc(words)}</title>`);
    out.push(`<text x="${label - 8}" y="${y + 13}" class="name">${esc(point.name.length > 22 ? `${point.name.slice(0, 21)}…` : point.name)}</text>`);
    out.push(`<rect x="${label}" y="${y + 3}" width="${Math.max(1, x(point.yours) - label).toFixed(1)}" height="${row - 6}" class="bar ${over ? 'pass' : 'fail'}"/>`);
    if (point.gate !== undefined) out.push(`<line x1="${x(point.gate).toFixed(1)}" x2="${x(point.gate).toFixed(1)}" y1="${y + 1}" y2="${y + row - 1}" class="gate"/>`);
    if (point.redis !== undefined) out.push(`<circle cx="${x(point.redis).toFixed(1)}" cy="${y + row / 2}" r="4.5" class="redis"/>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}
