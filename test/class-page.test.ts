// The class page in headless Chromium: one row per learner, each day's first failures grouped by cause, the day-5 chart.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { gates } from '../course/gates.ts';
import { headingAnchors } from '../grader/explain.ts';
import { root } from '../harness/paths.ts';
import { oddFiles, planClass, writeMixedClass, type Planned } from './class-reports.ts';
import { cli, freshState } from './grader-helpers.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { scratchDir, skipWithoutTool } from './helpers.ts';

const plans = planClass(24);
const outside: string[] = [];
let dir: string;
let browser: Browser;
let page: Page;

const figure = (value: number) => Math.round(value).toLocaleString('en-US');

describe.skipIf(skipWithoutTool(hasChromium))('the class page (headless Chromium)', () => {
  beforeAll(async () => {
    dir = scratchDir('class-page');
    writeMixedClass(dir, plans);
    const run = await cli(['class', dir], freshState());
    expect(run.exitCode, run.stderr).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith('file://')) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'class.html')).href);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows one row per learner, each day passing, failing or not started, a broken report marked', async () => {
    const names = await page.locator('tr.learner').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-learner')));
    expect(names.sort()).toEqual([...plans.map((plan) => plan.name), ...oddFiles.readable, ...oddFiles.broken].sort());
    for (const plan of plans) {
      const cells = await page.locator(`tr.learner[data-learner="${plan.name}"] td.day`).allInnerTexts();
      expect(
        cells.map((cell) => cell[0]),
        plan.name,
      ).toEqual(days.map((_, index) => (index < plan.stuck ? '✓' : index === plan.stuck ? '✗' : '·')));
      expect(
        cells.every((cell) => /^([✓✗] \d+\/\d+|· not started)$/.test(cell)),
        cells.join(' '),
      ).toBe(true);
    }
    for (const name of oddFiles.broken) expect(await page.locator(`tr.learner[data-learner="${name}"]`).getAttribute('data-broken')).toBe('true');
  });

  it('gives each stuck learner the first failing requirement, its guide entry inlined, and day 5 as a share of Redis', async () => {
    for (const plan of plans) {
      const row = page.locator(`tr.learner[data-learner="${plan.name}"]`);
      const first = await row.locator('td.first .where').innerText();
      if (plan.stuck === days.length) expect(first).toBe('every graded day passes');
      else {
        expect(first, plan.name).toBe(`${days[plan.stuck]!.id} · ${plan.failing}`);
        expect(await row.locator('.cause details.guide').getAttribute('data-guide'), plan.name).toMatch(new RegExp(`README\\.md#${plan.anchor}$`));
      }
      const figures = await row.locator('td.figure').innerText();
      expect(figures, plan.name).toBe(plan.load ? `${(plan.load.yours / plan.load.redis).toFixed(2)}× Redis (${figure(plan.load.yours)} ops/s)` : '—');
    }
  });

  it("groups each day's first failures by the cause the terminal shows, counting the learners, with the guide's words", async () => {
    const groups = new Map<string, Planned[]>();
    for (const plan of plans.filter((entry) => entry.stuck < days.length)) {
      const key = `${plan.stuck}|${plan.anchor}`;
      groups.set(key, [...(groups.get(key) ?? []), plan]);
    }
    expect(
      plans.some((plan) => plan.carried),
      'the class has a carried root cause',
    ).toBe(true);
    for (const group of groups.values()) {
      const day = days[group[0]!.stuck]!;
      const item = page.locator(`section.day[data-day="${day.id}"] li.cause:has(> details.guide[data-guide$="#${group[0]!.anchor}"])`);
      expect(await item.count(), `${day.id} ${group[0]!.anchor}`).toBe(1);
      expect(await item.getAttribute('data-count')).toBe(String(group.length));
      const who = await item.locator('.who').innerText();
      for (const plan of group) expect(who).toContain(plan.name);
      const [path, anchor] = (await item.locator('details.guide').getAttribute('data-guide'))!.split('#') as [string, string];
      expect(path).toBe(`days/${day.slug}/README.md`);
      expect(headingAnchors(readFileSync(resolve(root, path), 'utf8')).has(anchor), `${path} has a heading #${anchor}`).toBe(true);
      expect((await item.locator('details.guide').textContent())!.length, 'the entry is inlined, not only linked').toBeGreaterThan(120);
    }
  });

  it('says how many of those who reached each day pass it, and how many have not started it', async () => {
    for (const [index, day] of days.entries()) {
      const older = index < 2 ? 1 : 0; // the older report carries days 1 and 2, both passed
      const passed = plans.filter((plan) => plan.stuck > index).length + 2 + older;
      const graded = plans.filter((plan) => plan.stuck >= index).length + 2 + older;
      expect(await page.locator(`section.day[data-day="${day.id}"] .passcount`).innerText()).toBe(`${passed}/${graded} pass`);
      const notStarted = plans.filter((plan) => plan.stuck < index).length;
      const line = page.locator(`section.day[data-day="${day.id}"] .not-started`);
      expect(await line.count(), day.id).toBe(notStarted ? 1 : 0);
      if (notStarted) expect(await line.getAttribute('data-count'), day.id).toBe(String(notStarted));
    }
  });

  it("draws the day-5 chart as a share of Redis in the same run: green when day 5 passes, the gate's share marked", async () => {
    const measured = [
      ...plans.filter((plan) => plan.load).map((plan) => ({ ...plan, passed: plan.stuck > 4 })),
      { name: 'future', passed: true, load: { yours: 70_000, gate: gates.load.value, redis: 104_000 } },
    ];
    expect(await page.locator('svg#throughput g.learner').count()).toBe(measured.length);
    for (const { name, load, passed } of measured) {
      const bar = page.locator(`svg#throughput g.learner[data-learner="${name}"]`);
      expect(Number(await bar.getAttribute('data-ratio')), name).toBeCloseTo(load!.yours / load!.redis, 3);
      const box = (await bar.locator('rect.bar').boundingBox())!;
      const gate = (await bar.locator('line.gate').boundingBox())!;
      expect(await bar.locator('rect.bar').getAttribute('class')).toBe(passed ? 'bar pass' : 'bar fail');
      expect(box.x + box.width > gate.x + gate.width / 2, `${name}: the bar ends past the gate exactly when it clears it`).toBe(load!.yours > load!.gate);
    }
  });

  it('names each file it could not read, and loads nothing from outside the page', async () => {
    const lines = await page.locator('#files li.problem').evaluateAll((items) => items.map((item) => item.getAttribute('data-file')));
    expect(lines.sort()).toEqual([...oddFiles.unreadable].sort());
    expect(outside).toEqual([]);
    expect(readFileSync(join(dir, 'class.html'), 'utf8')).not.toMatch(/<script|<link|@import|url\(/);
  });
});
