// The class view a teaching assistant acts on, from eight learners' reports as the grader writes them
// (test/class-learners.ts): states, who is most stuck, regressions, causes as the terminal showed them with each
// learner's file, a report cut short, the day-5 ratio to Redis, a setup problem shared by everyone; then 200 reports.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { renderHtml } from '../grader/class/html.ts';
import { renderMarkdown } from '../grader/class/markdown.ts';
import { readClass } from '../grader/class/read.ts';
import { planClass, writeClass } from './class-reports.ts';
import { bugs, writeWeek } from './class-learners.ts';
import { cli, freshState } from './grader-helpers.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { scratchDir, skipWithoutTool } from './helpers.ts';

let dir: string;
let browser: Browser | undefined;
let page: Page;

const row = (name: string) => page.locator(`tr.learner[data-learner="${name}"]`);
const states = (name: string) =>
  row(name)
    .locator('td.day')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-state')));

beforeAll(async () => {
  dir = scratchDir('class-view');
  writeWeek(dir);
  const run = await cli(['class', dir], freshState());
  expect(run.exitCode, run.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skipWithoutTool(hasChromium))('the class view of eight learners (headless Chromium)', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(dir, 'class.html')).href);
  }, 60_000);

  it('lists the learners most stuck first: a broken report, then by earliest day not passed, then oldest report (class-sort)', async () => {
    const names = await page.locator('tr.learner').evaluateAll((rows) => rows.map((entry) => entry.getAttribute('data-learner')));
    expect(names).toEqual(['Ines', 'Fatma', 'Dara', 'Chen', 'Emeka', 'Goran', 'Hana', 'Bram', 'Ada']);
  });

  it('tells not started, failing, passing and day 6 not reached apart, in grey, red and green (class-states)', async () => {
    // A day added after the week was written is one Dara, Hana and Fatma have not started.
    const week = (first: string[]) => days.map((_, index) => first[index] ?? 'not-started');
    expect(await states('Ada')).toEqual(days.map(() => 'passing'));
    expect(await states('Dara')).toEqual(week(['passing', 'failing', 'not-started', 'not-started', 'not-started', 'not-started']));
    expect(await states('Hana')).toEqual(week(['passing', 'passing', 'passing', 'passing', 'not-started', 'not-started']));
    expect(await states('Fatma')).toEqual(week(['failing', 'passing', 'passing', 'passing', 'passing', 'not-reached']));
    expect(await row('Fatma').locator('td.day[data-day="day6"]').innerText()).toBe('↩ day1');
    const colour = (name: string, day: string) =>
      row(name)
        .locator(`td.day[data-day="${day}"]`)
        .evaluate(
          (cell) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(cell).backgroundColor,
        );
    expect(new Set([await colour('Dara', 'day1'), await colour('Dara', 'day2'), await colour('Dara', 'day3')]).size, 'three states, three colours').toBe(3);
    const day6 = page.locator('section.day[data-day="day6"]');
    expect(await day6.locator('.not-started').getAttribute('data-count'), 'Chen, Dara, Emeka, Goran, Hana').toBe('5');
    expect(await day6.locator('.waiting').innerText()).toContain('Fatma');
    expect(await day6.locator('li.cause').count(), 'no day-6 cause group for a cascade').toBe(0);
  });

  it('flags the regression and keeps the cut-short report as a marked row (class-flags)', async () => {
    expect(await row('Fatma').getAttribute('data-regression')).toBe('true');
    expect(await row('Fatma').locator('.flag.regression').innerText()).toContain('day1 fails; it passed on 2026-12-04 09:00');
    expect(await page.locator('tr.learner[data-regression]').count(), 'only Fatma, whose morning report shows day 1 passed').toBe(1);
    expect(await row('Ines').getAttribute('data-broken')).toBe('true');
    expect(await row('Ines').locator('td.first').innerText()).toMatch(/report cut short/);
  });

  it("groups day 2's three bugs apart by the cause the terminal showed, each learner with their file (class-groups)", async () => {
    const day2 = page.locator('section.day[data-day="day2"] li.cause');
    const groups = await day2.evaluateAll((items) =>
      items.map((item) => [item.querySelector('summary')?.textContent, item.querySelector('.who')?.textContent]),
    );
    expect(groups.sort()).toEqual([
      ['A line over 64 KiB is not refused', 'Emeka (02-server/server.ts:22)'],
      ["Clients do not see each other's keys", 'Dara (02-server/server.ts:9)'],
      ['One client makes the others wait', 'Chen (02-server/server.ts:14)'],
    ]);
    const day4 = await page.locator('section.day[data-day="day4"] li.cause > details.guide > summary').allInnerTexts();
    expect(day4, 'the load tester dividing by the requested duration').toEqual(['The run does not last as long as asked']);
    expect(await row('Goran').locator('code.look-at').innerText()).toBe('04-loadtest/loadtest.ts:61');
    expect(await row('Fatma').locator('code.look-at').innerText()).toBe('01-cache/cache.ts:20');
    expect(bugs.perConnection.cause.title, 'the observed kind was generic; the view shows the specific one').toMatch(/protocol table/);
  });

  it('fits a 1,024 px wide window: no sideways scrolling, the cause and look at of every row in view (class-1024)', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(1024);
    for (const cell of await page.locator('tr.learner td.figure, tr.learner td.first code.look-at').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, await cell.innerText()).toBeLessThanOrEqual(1024);
    }
  });

  it('inlines the guide entry so the page works when shared, and draws day 5 as a ratio to Redis (class-shared)', async () => {
    const entry = page.locator('section.day[data-day="day2"] li.cause details.guide').first();
    await entry.locator(':scope > summary').click();
    expect((await entry.locator('p').first().innerText()).length, "the entry's own words, readable without the workbook").toBeGreaterThan(80);
    expect(await page.locator('a[href]').count(), 'no link into a clone').toBe(0);
    const ratios = await page
      .locator('svg#throughput g.learner')
      .evaluateAll((bars) => bars.map((bar) => [bar.getAttribute('data-learner'), Number(bar.getAttribute('data-ratio')).toFixed(2)]));
    expect(ratios).toEqual([
      ['Fatma', '0.60'],
      ['Ada', '0.56'],
      ['Bram', '0.56'],
    ]);
  });
});

describe('the class view at scale and under a shared setup problem', () => {
  it('renders 200 reports in under 2 s (class-200)', () => {
    const many = scratchDir('class-200');
    writeClass(many, planClass(200));
    const started = performance.now();
    const input = readClass(many);
    renderHtml(input, '2026-12-04');
    renderMarkdown(input, '2026-12-04');
    const ms = performance.now() - started;
    rmSync(many, { recursive: true, force: true });
    expect(input.learners).toHaveLength(200);
    expect(ms, `read and rendered in ${Math.round(ms)} ms`).toBeLessThan(2_000);
  });

  it("shows an error every report shares once, as a setup banner, not as everyone's bug (class-banner)", () => {
    const setup = scratchDir('class-setup');
    mkdirSync(setup, { recursive: true });
    for (const name of ['ada', 'bram', 'chen']) {
      const report = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
      const compile = {
        group: '',
        name: 'your files compile: tsc finds no type errors',
        id: 'compiles',
        status: 'failed',
        message: `tsc found 2 type errors in your files\n/elsewhere/${name}/01-cache/cache.ts:4  TS1287: A top-level 'export' modifier cannot be used on value declarations in a CommonJS module`,
        durationMs: 0,
        cause: { kind: 'type-error', title: `tsc: TS1287 at /elsewhere/${name}/01-cache/cache.ts:4` },
      };
      report.days[0] = { ...report.days[0], passed: false, state: 'failing', tests: [compile, ...report.days[0].tests] };
      writeFileSync(join(setup, `${name}.json`), JSON.stringify(report));
    }
    const html = renderHtml(readClass(setup), '2026-12-04');
    rmSync(setup, { recursive: true, force: true });
    expect(html.match(/id="banner"/g)).toHaveLength(1);
    expect(html).toMatch(/Setup problem:<\/b> every one of the 3 readable reports fails day1/);
    expect(html).not.toMatch(/<li class="cause" data-kind="day1:/);
  });
});
