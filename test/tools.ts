// `npm test`'s first step: the system tools the workbook's own tests drive, each missing one named with the command
// that installs it, in a second rather than after minutes of other tests. `bash .ci/run` installs them all.
import { existsSync } from 'node:fs';
import { findTool } from '../harness/redis.ts';

/** A tool the self-test needs: how to find it, why, and how to install it. */
interface Tool {
  name: string;
  why: string;
  found: () => boolean;
  debian: string;
}

/** Every tool the self-test uses. Chromium is looked for where the browser tests launch it. */
export const tools: Tool[] = [
  {
    name: 'redis-server',
    why: "day 5 compares the learner's server with real Redis",
    found: () => findTool('redis-server') !== undefined,
    debian: 'redis-server',
  },
  {
    name: 'redis-cli',
    why: "day 5's RESP stretch is checked with a redis-cli session",
    found: () => findTool('redis-cli') !== undefined,
    debian: 'redis-tools',
  },
  {
    name: 'redis-benchmark',
    why: "day 5's RESP stretch is measured beside Redis",
    found: () => findTool('redis-benchmark') !== undefined,
    debian: 'redis-tools',
  },
  {
    name: '/usr/bin/chromium',
    why: 'the vitest UI and the HTML pages are checked in headless Chromium',
    found: () => existsSync('/usr/bin/chromium'),
    debian: 'chromium',
  },
];

/** The lines to print for the missing tools (empty when all are there). */
export function missingTools(list = tools): string[] {
  const missing = list.filter((tool) => !tool.found());
  if (missing.length === 0) return [];
  const debian = [...new Set(missing.map((tool) => tool.debian))].join(' ');
  return [
    `The workbook's self-test needs ${missing.length} tool(s) this machine does not have:`,
    ...missing.map((tool) => `  ${tool.name} — ${tool.why}`),
    `Install:  sudo apt-get update && sudo apt-get install -y ${debian}   (Debian/Ubuntu; macOS: brew install redis)`,
    '   or:    bash .ci/run   (installs the system packages, then runs npm ci and npm test)',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = missingTools();
  if (lines.length > 0) {
    console.error(lines.join('\n'));
    process.exitCode = 1;
  }
}
