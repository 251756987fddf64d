// The share-out's two pictures as standalone SVG files (GitHub shows them inline): throughput per second, and latency
// percentiles, of the learner's server beside real Redis. Drawn by Observable Plot on linkedom's server-side DOM.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { LoadResult } from '../../harness/loadgen.ts';

/** One server's run under the grader's load generator, named as the chart's legend says it. */
export interface Series {
  server: string;
  result: LoadResult;
}

const palette = { domain: ['your server', 'Redis'], range: ['#d9480f', '#1864ab'] };

type SvgElement = { setAttribute(name: string, value: string): void; outerHTML: string };
const thousands = (value: number) => value.toLocaleString('en-US');

// Plot needs a document; the SVG it returns is serialized with the namespace a standalone file requires.
function draw(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document: document as never, style: { background: 'white', color: '#222', fontSize: '12px' } }) as unknown as SvgElement;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}

/** Operations per second in each second of the run, one line per server, each labelled at its end. */
export function throughputChart(series: Series[]): string {
  const points = series.flatMap(({ server, result }) => result.perSecond.map((ops, index) => ({ server, second: index + 1, ops })));
  return draw({
    width: 640,
    height: 300,
    marginRight: 90,
    marginLeft: 60,
    x: { label: 'second of the run', ticks: [...new Set(points.map((point) => point.second))], tickFormat: (second: number) => String(second) },
    y: { label: 'operations per second', grid: true, zero: true, tickFormat: thousands },
    color: palette,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(points, { x: 'second', y: 'ops', stroke: 'server', strokeWidth: 2.5, marker: 'circle' }),
      Plot.text(points, Plot.selectLast({ x: 'second', y: 'ops', z: 'server', text: 'server', fill: 'server', dx: 8, textAnchor: 'start', fontWeight: 'bold' })),
    ],
  });
}

/** p50, p90, p99 and the slowest request, in milliseconds, as bars side by side for each server. */
export function latencyChart(series: Series[]): string {
  const bars = series.flatMap(({ server, result }) =>
    (
      [
        ['p50', result.p50Ms],
        ['p90', result.p90Ms],
        ['p99', result.p99Ms],
        ['max', result.maxMs],
      ] as const
    ).map(([percentile, ms]) => ({ server, percentile, ms })),
  );
  return draw({
    width: 640,
    height: 300,
    marginBottom: 24,
    marginTop: 40,
    fx: { axis: 'top', label: 'latency percentile (max: the slowest request)', domain: ['p50', 'p90', 'p99', 'max'] },
    x: { axis: null, domain: palette.domain.filter((name) => series.some((entry) => entry.server === name)) },
    y: { label: 'milliseconds', grid: true },
    color: { ...palette, legend: false },
    marks: [
      Plot.barY(bars, { fx: 'percentile', x: 'server', y: 'ms', fill: 'server' }),
      Plot.text(bars, { fx: 'percentile', x: 'server', y: 'ms', text: (bar: { ms: number }) => bar.ms.toFixed(bar.ms < 10 ? 2 : 0), dy: -6, fontSize: 10 }),
      Plot.text(bars, { fx: 'percentile', x: 'server', text: 'server', frameAnchor: 'bottom', dy: 14, fontSize: 9, fill: 'server' }),
      Plot.ruleY([0]),
    ],
  });
}
