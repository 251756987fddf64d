// `npm run ui` tells what `npm run check` tells, driven in headless Chromium on planted bugs: as many red tests as the
// check prints ✗, the rest skipped with their reason, the first failure's cause, Look at, Try and guide entry in the
// report panel, no stack frame of the grader's, and for a lock the failing schedule drawn as a picture.
import { type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { explanationFor } from '../course/explain.ts';
import { canOpenBrowser } from '../grader/commands/ui.ts';
import { freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { gradeDay, skipWithoutTool, treeWith } from './helpers.ts';
import { hasChromium, launchChromium } from './chromium.ts';

// [day, fixture, what the check must say it is (none: a failure with no cause of its own), whether the first failure
// draws a picture]
const bugs: [day: string, fixture: string, kind: string | undefined, picture: boolean][] = [
  ['day2', 'day2/never-resolves', 'start-never-resolves', false],
  ['day2', 'day2/chunk-as-line', 'line-in-pieces', false],
  ['day1', 'day1/write-no-await', 'released-early', true],
  ['day3', 'day3/counter-no-await', 'test-cannot-fail', false],
  ['day3', 'day3/busy-wait-latch', 'event-loop-blocked', false],
  ['day3', 'day3/hoisted-key-bench', 'bench-result-unused', false],
  ['day3', 'day3/tells-planted-bugs', undefined, false],
  ['day4', 'day4/busy-wait', 'event-loop-blocked', false],
  ['day4', 'day4/cutoff-as-errors', 'counts-cutoff-as-errors', true],
  ['day4', 'day4/average-as-percentiles', 'not-percentiles', true],
  ['day4', 'day4/per-connection-averages', 'not-percentiles', true],
  ['day4', 'day4/max-as-p99', 'p99-is-max', true],
  ['day4', 'day4/average-as-p50', 'not-percentiles', true],
];

/** The report panel's text once the test named `name` is found with the explorer's search and opened. */
async function openTest(page: Page, name: string): Promise<string> {
  await page.getByPlaceholder(/Search/).fill(name);
  await page.getByText(name, { exact: true }).first().click();
  await page.getByText('Test Annotations').first().waitFor({ timeout: 15_000 });
  return page.locator('body').innerText();
}

describe('npm run ui shows the diagnosis of npm run check', () => {
  afterEach(stopGraders);

  it('opens the page in a browser only where a window can open (a desktop, not CI, SSH or a Linux without a display)', () => {
    expect(canOpenBrowser({}, 'darwin')).toBe(true);
    expect(canOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({}, 'linux')).toBe(false);
    expect(canOpenBrowser({ CI: 'true' }, 'win32')).toBe(false);
    expect(canOpenBrowser({ SSH_CONNECTION: '1 2 3 4', DISPLAY: ':0' }, 'linux')).toBe(false);
  });

  it.skipIf(skipWithoutTool(hasChromium)).each(bugs)(
    '%s %s: one red test per ✗, its cause, Look at, Try and guide entry',
    async (day, fixture, kind, picture) => {
      const { run, result } = await gradeDay(day, treeWith(fixture));
      const crosses = run.stdout.split('\n').filter((line) => /^ {2}✗ /.test(line)).length;
      const first = result.tests.find((test) => test.status === 'failed' && !test.bonus)!;
      expect(first.cause?.kind, `the check names the cause; it printed:\n${run.stdout}`).toBe(kind);
      const notRun = result.tests.find((test) => test.status === 'skipped' && test.message.startsWith('not run — needs:'));
      const entry = explanationFor(findDay(day)!, first)!;

      const server = startGrader(['ui', day, '--target', treeWith(fixture)], freshState());
      const [, address] = await server.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/__vitest__\/)/);
      await server.waitFor(/Tests\s+\d+ failed/, 150_000); // a whole day 4 on a loaded 2-core machine
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
        await page.goto(address!);
        await page
          .getByText(/FAIL \(\d+\)/)
          .first()
          .waitFor({ timeout: 30_000 });
        // The explorer's FAIL (n) counts files; the dashboard counts tests ("Dashboard <n> Pass <n> Fail …").
        const failed = Number(/\bDashboard\b[\s\S]*?(\d+)\s+Fail\b/.exec(await page.locator('body').innerText())?.[1]);
        expect(failed, `the UI's red tests equal the check's ✗ lines; the check printed:\n${run.stdout}`).toBe(crosses);

        const panel = await openTest(page, first.name);
        const report = panel.slice(panel.indexOf('Report'));
        for (const note of ['start here', ...(kind ? ['cause'] : []), 'look at', 'try', 'why this happens'])
          expect(report, `the first failure's panel has "${note}"`).toContain(note);
        if (kind) expect(report).toContain(first.cause!.title);
        expect(report).toContain(entry.title);
        expect(report, "Look at names the learner's file and line").toMatch(/tree-\w+\/0\d-[\w-]+\/[\w.]+\.ts:\d+/);
        expect(report, 'no stack frame of the grader').not.toMatch(/(harness|checkpoints|node_modules)\/[\w./-]+:\d+/);
        if (picture) {
          const drawn = await page
            .locator('img[src^="data:image/svg+xml"]')
            .first()
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
          expect(drawn, 'the timeline SVG is drawn').toBeGreaterThan(100);
        }
        if (notRun) expect(await openTest(page, notRun.name), 'a requirement kept from running says what it needs').toContain('not run — needs:');
      } finally {
        await browser.close();
      }
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(130);
    },
    300_000,
  );
});
