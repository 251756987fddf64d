// `npm run share`'s pictures: two SVG files beside the markdown, which a browser (as GitHub does) draws from the page.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeCharts } from '../grader/commands/share.ts';
import type { LoadResult } from '../harness/loadgen.ts';
import type { LoadRun } from '../grader/share/load.ts';
import { renderShare } from '../grader/share/render.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { scratchDir, skipWithoutTool } from './helpers.ts';

function result(opsPerSec: number, p50Ms: number, seconds: number[]): LoadResult {
  return {
    durationMs: 3000,
    totalOps: opsPerSec * 3,
    errors: 0,
    opsPerSec,
    p50Ms,
    p90Ms: p50Ms * 2,
    p99Ms: p50Ms * 4,
    maxMs: p50Ms * 10,
    perSecond: seconds,
    cpuPercent: 50,
    workers: 1,
    workerCpuPercent: [50],
  };
}

const report = { durationMs: 6000, totalOps: 1, errors: 0, opsPerSec: 1, avgLatencyMs: 1, p50LatencyMs: 1, p99LatencyMs: 1 };
const load: LoadRun = {
  report,
  text: '=== Load Test Results ===',
  perSecond: [30_000, 31_000],
  settings: 'your day-2 server',
  compared: {
    series: [
      { server: 'your server', result: result(31_234, 1.5, [30_100, 31_900, 31_700]) },
      { server: 'Redis', result: result(61_876, 0.75, [60_500, 62_300, 62_800]) },
    ],
  },
};

// The markdown's image lines as an HTML page next to it: what GitHub does with `![alt](file.svg)`.
function page(markdown: string): string {
  const images = [...markdown.matchAll(/^!\[([^\]]*)\]\(([^)]+)\)$/gm)].map(([, alt, src]) => `<p><img alt="${alt}" src="${src}"></p>`);
  return `<!doctype html><html><body>${images.join('\n')}</body></html>`;
}

describe('npm run share charts', () => {
  it('writes two SVG charts beside the markdown and links them from the Redis comparison', () => {
    const dir = scratchDir('charts');
    const file = join(dir, 'week1-days.md');
    const charts = writeCharts(load, file);
    expect(charts).toEqual({ throughput: 'week1-days-throughput.svg', latency: 'week1-days-latency.svg' });
    const markdown = renderShare({ results: [], load, reflection: undefined, date: '2026-01-01', charts });
    expect(markdown).toContain('![Operations per second in each second of the run, my server beside Redis](week1-days-throughput.svg)');
    expect(markdown).toContain('![Latency p50, p90, p99 and max in milliseconds, my server beside Redis](week1-days-latency.svg)');
    expect(markdown).toMatch(/\| your server \| 31,234 \| 1\.50 \| 3\.00 \| 6\.00 \| 15\.00 \|/);
    const svg = readFileSync(join(dir, charts!.throughput), 'utf8');
    expect(svg, 'a standalone SVG file needs its namespace').toMatch(/^<\?xml[^]*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skipWithoutTool(hasChromium))(
    hasChromium
      ? 'draws both charts in headless Chromium: a line per server per second, and four percentile bars per server'
      : 'browser check skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)',
    async () => {
      const dir = scratchDir('charts');
      const file = join(dir, 'week1-days.md');
      const charts = writeCharts(load, file)!;
      writeFileSync(join(dir, 'page.html'), page(renderShare({ results: [], load, reflection: undefined, date: '2026-01-01', charts })));
      const browser = await launchChromium();
      try {
        const browserPage = await browser.newPage();
        await browserPage.goto(pathToFileURL(join(dir, 'page.html')).href);
        const images = await browserPage.$$eval('img', (list) =>
          list.map((image) => ({ src: image.getAttribute('src'), drawn: image.complete && image.naturalWidth > 0 })),
        );
        expect(images).toEqual([
          { src: charts.throughput, drawn: true },
          { src: charts.latency, drawn: true },
        ]);
        await browserPage.goto(pathToFileURL(join(dir, charts.throughput)).href);
        const lines = await browserPage.$$eval('g[aria-label="line"] path', (paths) =>
          paths.map((path) => (path as unknown as { getTotalLength(): number }).getTotalLength()),
        );
        expect(lines, 'one drawn line per server').toHaveLength(2);
        for (const length of lines) expect(length).toBeGreaterThan(100);
        expect(await browserPage.locator('svg').innerHTML()).toMatch(/>your server<[^]*>Redis<|>Redis<[^]*>your server</);
        await browserPage.goto(pathToFileURL(join(dir, charts.latency)).href);
        const bars = await browserPage.$$eval('g[aria-label="bar"] rect', (rects) =>
          rects.map((rect) => (rect as unknown as { getBBox(): { height: number } }).getBBox().height),
        );
        expect(bars, 'p50, p90, p99 and max for each of two servers').toHaveLength(8);
        for (const height of bars) expect(height).toBeGreaterThan(0);
      } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
