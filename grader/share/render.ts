// The share-out as markdown: grades, requirements, figures, load test, Redis comparison, and the learner's own words.
import { dayNumber, days } from '../../course/days.ts';
import { sections } from '../../harness/markdown.ts';
import { formatMetric } from '../render.ts';
import type { DayResult, MetricResult } from '../results.ts';
import { chart, type LoadRun } from './load.ts';
import { sideBySideLoad } from './side-by-side.ts';

/** Everything the share file is made of. */
export interface ShareInput {
  results: { result: DayResult; cached: boolean }[];
  load: LoadRun;
  reflection: string | undefined;
  date: string;
  /** The chart files written beside the markdown (names relative to it), when the side-by-side run happened. */
  charts?: { throughput: string; latency: string };
}

function metricsOf(results: ShareInput['results'], pattern: RegExp): [string, MetricResult][] {
  return results.flatMap(({ result }) =>
    Object.entries(result.metrics)
      .filter(([name]) => pattern.test(name))
      .map(([name, metric]): [string, MetricResult] => [`day ${result.id.replace('day', '')} · \`${name}\``, metric]),
  );
}

function gradeTable(results: ShareInput['results']): string[] {
  const out = ['| day | | requirements |', '| --- | --- | --- |'];
  for (const { result, cached } of results) {
    const day = days.find((entry) => entry.id === result.id)!;
    const held = (tests: typeof result.tests) => `${tests.filter((test) => test.status === 'passed').length}/${tests.length}`;
    const bonus = result.tests.filter((test) => test.bonus);
    const counts = `${held(result.tests.filter((test) => !test.bonus))}${bonus.length ? `, bonus ${held(bonus)}` : ''}`;
    out.push(`| ${dayNumber(day)} · ${result.title} | ${result.passed ? '✓' : '✗'} | ${counts}${cached ? ' (unchanged since it last passed)' : ''} |`);
  }
  const passing = results.filter(({ result }) => result.passed).length;
  return [...out, '', `**${passing} of ${results.length} days pass.**`];
}

function requirements(results: ShareInput['results']): string[] {
  const out: string[] = [];
  for (const { result } of results) {
    out.push(`### Day ${result.id.replace('day', '')} — ${result.title}`, '', '```text');
    for (const test of result.tests) {
      const mark = test.status === 'passed' ? '✓' : test.status === 'failed' ? '✗' : '-';
      out.push(`${mark} ${test.group ? `${test.group} › ` : ''}${test.name}${test.bonus && test.status === 'failed' ? ' (bonus, not required)' : ''}`);
      if (test.status === 'failed') out.push(`    ${test.message.split('\n')[0]}`);
    }
    out.push('```', '');
  }
  return out;
}

function figures(rows: [string, MetricResult][]): string[] {
  if (rows.length === 0) return ['Not measured yet.'];
  return ['| figure | measured |', '| --- | --- |', ...rows.map(([name, metric]) => `| ${name} | ${formatMetric(metric, name)} |`)];
}

function loadSection(load: LoadRun): string[] {
  if ('missing' in load) return [`Not available: ${load.missing}.`];
  return [
    `Your load tester against ${load.settings}:`,
    '',
    '```text',
    load.text.trimEnd(),
    '```',
    '',
    'Throughput in each second of that run, counted by your server as it answered:',
    '',
    '```text',
    load.perSecond.length ? chart(load.perSecond) : '(no per-second samples)',
    '```',
  ];
}

function sideBySideSection(load: LoadRun, charts: ShareInput['charts']): string[] {
  if ('missing' in load) return [];
  if ('missing' in load.compared) return [`Side by side with Redis: not available, ${load.compared.missing}.`];
  const { series, redisMissing } = load.compared;
  const ms = (value: number) => value.toFixed(2);
  const rows = series.map(
    ({ server, result }) =>
      `| ${server} | ${Math.round(result.opsPerSec).toLocaleString('en-US')} | ${ms(result.p50Ms)} | ${ms(result.p90Ms)} | ${ms(result.p99Ms)} | ${ms(result.maxMs)} |`,
  );
  return [
    `The grader's own load generator drove my server, then real Redis, the same way: ${sideBySideLoad.connections} connections, ${sideBySideLoad.getRatio * 100}% GET, ${sideBySideLoad.keySpace.toLocaleString('en-US')} keys, ${sideBySideLoad.durationMs / 1000} s each.${redisMissing ? ` (${redisMissing}.)` : ''}`,
    '',
    ...(charts
      ? [
          `![Operations per second in each second of the run, my server beside Redis](${charts.throughput})`,
          '',
          `![Latency p50, p90, p99 and max in milliseconds, my server beside Redis](${charts.latency})`,
          '',
        ]
      : []),
    '| server | ops/s | p50 ms | p90 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function reflectionSection(text: string | undefined): string[] {
  if (text === undefined) return ['`06-docs/project/REFLECTION.md` is not there yet.'];
  const out: string[] = [];
  for (const { heading, body } of sections(text)) out.push(`### ${heading}`, '', body.replace(/TODO:?/g, '').trim() || '_(not written yet)_', '');
  return out;
}

/** The share file's markdown. */
export function renderShare(input: ShareInput): string {
  const redis = metricsOf(input.results, /^redis\./);
  const lines = [
    '# My week 1: a Redis-style cache server in TypeScript',
    '',
    `Built day by day with the cachelings workbook; graded on ${input.date}.`,
    '',
    '## Grade',
    '',
    ...gradeTable(input.results),
    '',
    '## Benchmark results',
    '',
    '`cache.*.opsPerSec`: operations per second the grader measured on my cache. `bench.*.hz`: calls per second of each benchmark in my `cache.bench.ts`, each call a batch of operations.',
    '',
    // Day 6 re-runs day 3's benchmarks; their figures are shown once, from day 3.
    ...figures(
      metricsOf(
        input.results.filter(({ result }) => result.id !== 'day6'),
        /^(cache|bench)\./,
      ),
    ),
    '',
    '## Load test results',
    '',
    ...loadSection(input.load),
    '',
    ...figures(metricsOf(input.results, /^(load|loadtest)\./)),
    '',
    '## Redis comparison',
    '',
    ...sideBySideSection(input.load, input.charts),
    '',
    ...(redis.length ? ['Day 5, as graded:', '', ...figures(redis)] : ['Day 5 did not compare with Redis (it does when `redis-server` is installed).']),
    '',
    '## Reflection, challenges, questions for week 2, architecture decisions',
    '',
    ...reflectionSection(input.reflection),
    '## Test results',
    '',
    ...requirements(input.results),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
