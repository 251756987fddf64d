// `npm run ui day1`: the vitest UI on 127.0.0.1, loaded in headless Chromium, lists the scaffold's failing requirements.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../grader/results.ts';
import { cli, freshState, startGrader, stopGraders } from './grader-helpers.ts';
import { skipWithoutTool, treeWith } from './helpers.ts';
import { chromiumPath, hasChromium, launchChromium } from './chromium.ts';

describe('npm run ui', () => {
  afterEach(stopGraders);

  // Outside CI a machine without Chromium skips this check; in CI (which installs it) a missing Chromium fails it.
  it.skipIf(skipWithoutTool(hasChromium))(
    hasChromium
      ? 'serves the vitest UI on 127.0.0.1, listing the failing checkpoint tests'
      : 'browser check skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)',
    async () => {
      expect(hasChromium, `${chromiumPath} is missing: CI installs it (apt-get install -y chromium)`).toBe(true);
      const tree = treeWith(undefined, 'days');
      const json = join(tree, 'report.json');
      await cli(['check', 'day1', '--target', tree, '--json', json], freshState());
      const failing = (JSON.parse(readFileSync(json, 'utf8')) as Report).days[0]!.tests.filter((test) => test.status === 'failed').map((test) => test.name);
      expect(failing.length, 'the scaffold fails some requirements').toBeGreaterThan(0);

      const server = startGrader(['ui', 'day1', '--target', tree], freshState());
      const [, address] = await server.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/__vitest__\/)/);
      await server.waitFor(/Tests\s+\d+ failed/);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const outside: string[] = [];
        await page.route('**/*', (route) => {
          if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
          outside.push(route.request().url());
          return route.abort();
        });
        await page.goto(address!);
        await page.getByText(failing[0]!, { exact: true }).first().waitFor({ timeout: 30_000 });
        // The UI fills its list in steps: wait for each failing requirement rather than reading the page once.
        for (const name of failing) {
          const listed = await page
            .getByText(name, { exact: true })
            .first()
            .waitFor({ timeout: 15_000 })
            .then(
              () => true,
              () => false,
            );
          expect(listed, `the UI lists "${name}"`).toBe(true);
        }
        expect(await page.locator('body').innerText()).toMatch(/FAIL \(\d+\)/);
      } finally {
        await browser.close();
      }
      server.child.kill('SIGINT');
      expect(await server.exited, 'Ctrl-C ends npm run ui').toBe(130);
      rmSync(tree, { recursive: true, force: true });
    },
    120_000,
  );
});
