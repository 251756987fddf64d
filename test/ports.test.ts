// Every guide gives each kind of server its own port, so a server left running from one day never blocks the next
// (a Redis started on day 4 on the port day 5's tuned server wants fails day 5 with EADDRINUSE).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';

const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const docs = ['README.md', ...days.flatMap((day) => [`days/${day.slug}/README.md`, `days/${day.slug}/CHECKPOINT.md`])];

/** The commands that start a server on a port, by kind. */
const starts: [kind: string, pattern: RegExp][] = [
  ['real Redis', /redis-server --port (\d+)/g],
  ['the day-2 server', /npm start -- --port (\d+)|PORT=(\d+) npm start/g],
  ['the tuned day-5 server', /npm run start:day5 -- --port (\d+)|05-performance\/main\.ts --port (\d+)/g],
];

/** Each port a guide starts a server on, with the kinds started there and where. */
function portsInDocs(): Map<number, Map<string, string>> {
  const ports = new Map<number, Map<string, string>>();
  const note = (port: number, kind: string, where: string) => {
    const kinds = ports.get(port) ?? new Map<string, string>();
    if (!kinds.has(kind)) kinds.set(kind, where);
    ports.set(port, kinds);
  };
  // The defaults of the two npm scripts, read from the files they run.
  note(Number(/\?\? (\d+)\)/.exec(read('days/02-server/main.ts'))![1]), 'the day-2 server', 'npm start');
  note(Number(/\?\? (\d+)\)/.exec(read('days/05-performance/main.ts'))![1]), 'the tuned day-5 server', 'npm run start:day5');
  for (const doc of docs) {
    for (const [kind, pattern] of starts) {
      for (const match of read(doc).matchAll(pattern)) note(Number(match[1] ?? match[2]), kind, `${doc}: ${match[0]}`);
    }
  }
  return ports;
}

describe('ports in the guides', () => {
  it('give each kind of server its own port, the same in every guide', () => {
    const shared = [...portsInDocs()].filter(([, kinds]) => kinds.size > 1);
    expect(shared.map(([port, kinds]) => `${port}: ${[...kinds].map(([kind, where]) => `${kind} (${where})`).join(' and ')}`)).toEqual([]);
  });

  it('start real Redis on one port in every guide, and point redis-benchmark and redis-cli at a server that is started', () => {
    const ports = portsInDocs();
    const redis = [...ports].filter(([, kinds]) => kinds.has('real Redis')).map(([port]) => port);
    expect(redis, 'real Redis is started on a single port across the guides').toHaveLength(1);
    for (const doc of docs) {
      for (const match of read(doc).matchAll(/redis-(?:benchmark|cli) -p (\d+)/g)) {
        expect(ports.has(Number(match[1])), `${doc}: "${match[0]}" targets a port no guide starts a server on`).toBe(true);
      }
    }
  });
});
