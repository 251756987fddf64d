// Day 2: each planted bug in a learner's server is diagnosed root cause first (the first ✗ is the requirement meant
// to catch it, its Look at names the file that holds the bug, at most two explanations); a server that never starts
// is told in one ✗ with the rest folded as "not run", and nothing is left running; the stretch is a bonus.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../grader/results.ts';
import { expectDiagnosed } from './diagnosis.ts';
import { canSeeProcesses, leakTag, settleLeftovers } from './grader-leaks.ts';
import { gradeDay, runGrader, treeWith } from './helpers.ts';

const server = '02-server/server.ts';
const protocol = '02-server/protocol.ts';
const starts = 'starts';
const basics = 'handle-basics';

// The second column is the requirement's id (declared in its checkpoint's `it()`). The fourth column, where given: what the failure must say about the planted bug itself (a value or call, not advice).
const planted: [fixture: string, caughtBy: string, file: string, mentions?: RegExp][] = [
  ['chunk-lines', 'split-writes', server, /Received: "ERR unknown command 'SE'"/],
  ['cache-per-connection', 'shared-cache', server, /\[client 2\] Received: "\(nil\)"/],
  ['one-at-a-time', 'two-clients', server, /\[client 2\] \(no reply within \d+ ms\)/],
  ['async-out-of-order', 'pipelined', server, /Received: "\[.*\(nil\)/],
  ['crash-unknown', 'unknown-command', protocol, /Error: unknown command FOO/],
  ['close-waits', 'close-disconnects', server, /close\(\)[\s\S]*Received: nothing after \d+ ms/],
  ['no-line-limit', 'line-limit', server, /\[flooding client\] sends [\s\S]*\([\d,]+ bytes\)\n.*\[flooding client\] \(no reply within \d+ ms\)/],
  ['all-interfaces', 'loopback-only', server, /accepted on 127\.0\.0\.2/],
  ['timer-leak', 'close-leaves-nothing', server, /Expected: no more than before the server started: \{.*"Timeout":\d+.*\}\s+Received: \{.*"Timeout":\d+/],
  ['no-error-listener', 'vanished-kept', server, /ECONNRESET/],
  ['readline-framing', 'vanished-half-line', server, /\[vanishing client\] sends "SET \S+ (\S+)"[\s\S]*\[other client\] Received: "\1"/],
  // Typical single-bug mistakes of learners.
  ['nil-unparenthesized', basics, protocol],
  ['del-answers-boolean', basics, protocol],
  ['case-sensitive', 'any-case', protocol],
  ['arity-message', 'wrong-arity', protocol],
  ['no-newline', 'seed-session', server, /Received: "OK" with no "\\n" after it/],
  ['end-after-reply', 'seed-session', server],
  ['null-written', 'blank-ignored', server],
  ['unknown-unquoted', 'unknown-command', protocol],
  ['buffer-type', 'compiles', server],
];

describe('day 2 diagnoses planted bugs', () => {
  it.each(planted)('%s: the first ✗ is "%s", looking at %s', async (fixture, caughtBy, file, mentions) => {
    await expectDiagnosed('day2', `day2/${fixture}`, caughtBy, file, mentions);
  });
});

describe('day 2 with a server that does not start', () => {
  it.each(['never-resolves', 'throws-at-start', 'rejects-at-start'])(
    '%s: one ✗, the network requirements folded as "not run", nothing left running',
    async (fixture) => {
      const tag = leakTag();
      const tree = treeWith(`day2/${fixture}`);
      const json = join(tree, 'report.json');
      const run = await runGrader(['check', 'day2', '--target', tree, '--json', json], { CACHELINGS_LEAK_TAG: tag });
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      rmSync(tree, { recursive: true, force: true });
      const tests = report.days[0]!.tests;
      expect(run.exitCode).toBe(1);
      expect(tests.filter((test) => test.status === 'failed').map((test) => test.id)).toEqual([starts]);
      expect(tests.find((test) => test.id === starts)?.cause?.kind).toBe(fixture === 'never-resolves' ? 'start-never-resolves' : 'server-not-started');
      const folded = tests.filter((test) => test.status === 'skipped');
      expect(folded.length).toBeGreaterThan(25);
      expect(folded.every((test) => test.message.startsWith('not run — needs: startServer resolves'))).toBe(true);
      expect(run.stdout.match(/not run — needs:/g)).toHaveLength(1); // listed once, folded
      // Read as the planted-bug table reads a fixture (never-resolves is not in it twice): the one ✗ says where to look.
      expect(/^Look at:\s+(.*)$/m.exec(tests.find((test) => test.id === starts)!.message)?.[1]).toContain(server);
      if (canSeeProcesses) expect(await settleLeftovers(tag)).toEqual([]);
    },
  );
});

describe('day 2 stretch is a bonus', () => {
  it('a server without the stretch passes the day, its bonus requirements shown as failed', async () => {
    const { run, result } = await gradeDay('day2', treeWith('day2/no-stretch'));
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(run.exitCode, `no-stretch should pass day 2; the grader printed:\n${run.stdout}`).toBe(0);
    expect(result.passed).toBe(true);
    expect(failed.map((test) => test.id).sort()).toEqual(['ping', 'quit', 'quoted-values']);
    expect(failed.every((test) => test.bonus)).toBe(true);
    expect(run.stdout).toMatch(/bonus: not required to pass the day/);
  });
});
