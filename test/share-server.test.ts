// `npm run share` reads its counts from the learner's server on a channel of its own (file descriptor 3): whatever the
// server prints on stdout (a console.log in startServer) is never parsed as one.
import { appendFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { startGroup } from '../grader/process-group.ts';
import { treeWith } from './helpers.ts';

describe("share's counted learner server", () => {
  it('hands back its port and counts while the server prints lines that are not JSON', { meta: { id: 'share-ignores-prints' }, timeout: 30_000 }, async () => {
    const tree = treeWith(undefined);
    // The learner's server (the tuned day-5 one, which share runs when it exists) prints a line of its own.
    appendFileSync(resolve(tree, '05-performance/server.ts'), "\nconsole.log('server ready {not json');\n");
    const group = startGroup({
      args: ['--import', 'tsx', resolve(root, 'grader/share/learner-server-counted.ts'), tree],
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: process.env,
    });
    try {
      let printed = '';
      const sawPrint = new Promise<void>((done) => {
        group.child.stdout!.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes('server ready {not json')) done();
        });
      });
      const messages: unknown[] = [];
      const twoCounts = new Promise<void>((done) => {
        createInterface({ input: group.child.stdio[3] as Readable }).on('line', (line) => {
          messages.push(JSON.parse(line));
          if (messages.length === 3) done();
        });
      });
      await Promise.all([twoCounts, sawPrint]);
      expect(messages[0], `the first message on fd 3 is the port; the server printed: ${printed}`).toEqual({ port: expect.any(Number) });
      expect(messages[1]).toEqual({ at: expect.any(Number), ops: 0 });
    } finally {
      group.kill();
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
