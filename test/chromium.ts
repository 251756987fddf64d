// Headless Chromium as the browser tests start it: Debian's package, at the path CI installs it to, kept offline.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where CI installs Chromium (apt-get install -y chromium). */
export const chromiumPath = '/usr/bin/chromium';

/** Whether it is installed: a browser test skips without it, and fails instead in CI (skipWithoutTool). */
export const hasChromium = existsSync(chromiumPath);

// Headless, and nothing of its own on the network: no background requests, component updates or sync.
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags });
}
