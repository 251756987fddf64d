// Pictures as standalone SVG, drawn by Observable Plot on linkedom's server-side DOM: the share-out's throughput per
// second and latency percentiles beside real Redis, and a lock's failing schedule for the UI's report panel.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { HotFrame } from './cpu-profile.ts';
import type { LoadResult } from './loadgen.ts';

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

/** Operations per second in each second of the run, one line per server, each labelled at its end; with `gate`, the
 *  threshold the run was held against as a dashed line. */
export function throughputChart(series: Series[], gate?: number): string {
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
      ...(gate === undefined
        ? []
        : [
            Plot.ruleY([gate], { stroke: '#2b8a3e', strokeDasharray: '6,4' }),
            Plot.text([gate], {
              y: (value: number) => value,
              frameAnchor: 'left',
              dy: -8,
              dx: 4,
              text: () => `gate ${thousands(Math.round(gate))}`,
              fill: '#2b8a3e',
              textAnchor: 'start',
            }),
          ]),
      Plot.lineY(points, { x: 'second', y: 'ops', stroke: 'server', strokeWidth: 2.5, marker: 'circle' }),
      Plot.text(
        points,
        Plot.selectLast({ x: 'second', y: 'ops', z: 'server', text: 'server', fill: 'server', dx: 8, textAnchor: 'start', fontWeight: 'bold' }),
      ),
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

/** One moment of a lock schedule: a task arrives at the lock, enters it, or leaves it, at a schedule step. */
export interface LockEvent {
  task: string;
  kind: 'arrives' | 'enters' | 'leaves';
  step: number;
}

/** A lock's failing schedule: one lane per task, waiting (thin) from arrival to entry and inside (thick) from entry to
 *  leaving, with the moment two tasks were inside together marked in red. */
export function lockTimeline(events: LockEvent[], overlapAt: { task: string; step: number }): string {
  const tasks = [...new Set(events.map((event) => event.task))];
  const end = Math.max(...events.map((event) => event.step)) + 1;
  const at = (task: string, kind: LockEvent['kind']) => events.find((event) => event.task === task && event.kind === kind)?.step;
  const lanes = tasks.map((task) => ({ task, arrives: at(task, 'arrives') ?? 0, enters: at(task, 'enters'), leaves: at(task, 'leaves') ?? end }));
  const inside = lanes.filter((lane) => lane.enters !== undefined).map((lane) => ({ ...lane, enters: lane.enters!, writer: lane.task.startsWith('write') }));
  return draw({
    width: 560,
    height: 70 + 34 * tasks.length,
    marginLeft: 70,
    marginTop: 28,
    x: { label: 'schedule step', domain: [0, end], ticks: Array.from({ length: end + 1 }, (_, step) => step), tickFormat: (step: number) => String(step) },
    y: { label: null, domain: tasks },
    color: { domain: ['writer inside', 'reader inside'], range: ['#d9480f', '#1864ab'] },
    marks: [
      Plot.ruleY(lanes, {
        y: 'task',
        x1: 'arrives',
        x2: (lane: { enters?: number; leaves: number }) => lane.enters ?? lane.leaves,
        stroke: '#999',
        strokeDasharray: '3,3',
      }),
      Plot.barX(inside, {
        y: 'task',
        x1: 'enters',
        x2: 'leaves',
        fill: (lane: { writer: boolean }) => (lane.writer ? 'writer inside' : 'reader inside'),
        insetTop: 6,
        insetBottom: 6,
      }),
      Plot.text(inside, {
        y: 'task',
        x: (lane: { enters: number; leaves: number }) => (lane.enters + lane.leaves) / 2,
        text: (lane: { writer: boolean }) => (lane.writer ? 'writer inside' : 'reader inside'),
        fill: 'white',
        fontWeight: 'bold',
      }),
      Plot.dot(lanes, { y: 'task', x: 'arrives', r: 4, fill: 'white', stroke: '#555' }),
      Plot.ruleX([overlapAt.step], { stroke: '#e03131', strokeWidth: 2 }),
      Plot.text([overlapAt], { x: 'step', frameAnchor: 'top', text: () => 'two inside together', dy: -12, fill: '#e03131', fontWeight: 'bold' }),
    ],
  });
}

/** A load tester's run as the server saw it: commands answered in each 100 ms, with the duration asked and the moment
 *  the tester returned marked, so a run that stops early, late or thins out shows at a glance. */
export function answersChart(answerTimesMs: number[], askedMs: number, returnedMs: number): string {
  const end = Math.max(askedMs, returnedMs) + 100;
  const buckets = Array.from({ length: Math.ceil(end / 100) }, (_, index) => ({ ms: index * 100, answered: 0 }));
  for (const time of answerTimesMs) if (time >= 0 && time < end) buckets[Math.floor(time / 100)]!.answered += 1;
  const marks = [
    { ms: askedMs, label: `asked: ${thousands(Math.round(askedMs))} ms`, color: '#2b8a3e' },
    { ms: returnedMs, label: `returned: ${thousands(Math.round(returnedMs))} ms`, color: '#e03131' },
  ];
  return draw({
    width: 640,
    height: 260,
    marginLeft: 60,
    marginTop: 30,
    x: { label: 'milliseconds since runLoadTest was called', domain: [0, end] },
    y: { label: 'commands answered per 100 ms', grid: true, zero: true, tickFormat: thousands },
    marks: [
      Plot.rectY(buckets, { x1: 'ms', x2: (bucket: { ms: number }) => bucket.ms + 100, y: 'answered', fill: '#1864ab', inset: 1 }),
      Plot.ruleX(marks, { x: 'ms', stroke: 'color', strokeWidth: 2 }),
      Plot.text(marks, { x: 'ms', frameAnchor: 'top', text: 'label', fill: 'color', dy: -14, fontWeight: 'bold' }),
      Plot.ruleY([0]),
    ],
  });
}

/** The learner's functions that used the server's CPU during a profiled run (cpu-profile.ts), as horizontal bars of
 *  their share of its busy time, each labelled with its file and line. */
export function profileChart(frames: HotFrame[]): string {
  const bars = frames.map((frame) => ({ label: `${frame.name} (${frame.file}:${frame.hottestLine ?? frame.line})`, percent: Math.round(frame.share * 100) }));
  return draw({
    width: 640,
    height: 60 + 28 * bars.length,
    marginLeft: 300,
    x: { label: "share of the server's busy CPU time (%)", grid: true, domain: [0, 100] },
    y: { label: null, domain: bars.map((bar) => bar.label) },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'percent', fill: '#d9480f' }),
      Plot.text(bars, { y: 'label', x: 'percent', text: (bar: { percent: number }) => `${bar.percent}%`, dx: 14, fontSize: 10 }),
      Plot.ruleX([0]),
    ],
  });
}
