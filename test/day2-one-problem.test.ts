// Day 2: one bug reads as one problem — a shared pending buffer, a close() that hangs and a syntax error each print one ✗
// with the rest folded under it, and a socket error re-emitted by node:readline gets its Hint line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRequirement } from '../grader/compile.ts';
import { expectDiagnosed } from './diagnosis.ts';
import { gradeDay, treeWith } from './helpers.ts';

const server = '02-server/server.ts';
// A ✗ printed at the level of a requirement (folded ones are indented further, under "also breaks").
const printedFailures = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}✗ /.test(line));

describe('day 2: one bug, one problem', () => {
  it('a pending buffer shared by every connection is told once, naming that cause', async () => {
    const { run, result, explanations } = await expectDiagnosed('day2', 'day2/shared-pending', 'half-line-waits-alone', server, /Cause: .*glued into one line/);
    const failed = result.tests.filter((test) => test.status === 'failed' && !test.bonus);
    expect(failed.length, 'the shared buffer breaks several requirements').toBeGreaterThan(2);
    expect(
      failed.map((test) => test.cause?.kind),
      'each carries the shared-buffer cause',
    ).toEqual(failed.map(() => 'shared-buffer'));
    expect(printedFailures(run.stdout), `one ✗ printed; the grader printed:\n${run.stdout}`).toHaveLength(1);
    expect(explanations).toEqual(['days/02-server/README.md#one-client-makes-the-others-wait — One client makes the others wait']);
    expect(run.stdout).toContain('The same cause (every connection shares one buffer of unread bytes) also breaks:');
  });

  it('a server that takes each data chunk as a line is told once, as framing, whatever requirement notices it', async () => {
    const { run, result, explanations } = await expectDiagnosed('day2', 'day2/chunk-as-line', 'split-writes', server, /Cause: .*with no "\\n" yet/);
    const failed = result.tests.filter((test) => test.status === 'failed' && !test.bonus);
    expect(failed.map((test) => test.id)).toEqual(expect.arrayContaining(['split-writes', 'pipelined', 'split-character']));
    expect(new Set(failed.map((test) => test.cause?.kind)), 'each carries the framing cause').toEqual(new Set(['line-in-pieces']));
    expect(printedFailures(run.stdout), `one ✗ printed; the grader printed:\n${run.stdout}`).toHaveLength(1);
    expect(explanations).toHaveLength(1);
  });

  it('a close() that never resolves is one ✗, the other lifecycle requirements folded under it', async () => {
    const { run, result } = await gradeDay('day2', treeWith('day2/close-waits'), undefined, 'close()');
    const failed = result.tests.filter((test) => test.status === 'failed' && !test.bonus);
    expect(failed.map((test) => test.id)).toEqual(['close-disconnects', 'close-frees-port', 'close-leaves-nothing']);
    expect(new Set(failed.map((test) => `${test.cause?.kind}: ${test.cause?.title}`))).toEqual(
      new Set(['close-incomplete: close() does not resolve while clients are connected']),
    );
    expect(failed[0]!.cause?.guide).toBe('days/02-server/README.md#close-hangs-or-leaves-the-port-busy');
    expect(printedFailures(run.stdout), `one ✗ printed; the grader printed:\n${run.stdout}`).toHaveLength(1);
  });

  it('a syntax error is one ✗ (the compile step), the file that does not load folded under it', async () => {
    const tree = treeWith(undefined);
    const file = join(tree, server);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^function refuseLongLine\(socket: Socket\): void \{$/m, '$& {'));
    const { run, result } = await gradeDay('day2', tree);
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(failed[0]?.name).toBe(compileRequirement);
    expect(failed[0]?.message).toMatch(/TS1005[\s\S]*In plain words: A syntax error/);
    expect(failed.length, 'starting the server fails too: the file does not load').toBeGreaterThan(1);
    expect(
      failed.every((test) => test.cause?.title === failed[0]!.cause?.title),
      "every failure carries the compile step's cause",
    ).toBe(true);
    expect(printedFailures(run.stdout), `one ✗ printed; the grader printed:\n${run.stdout}`).toHaveLength(1);
    expect(run.stdout).toMatch(/also breaks:\n\s+✗ starts: startServer/);
  });

  it('a "\\r" kept on "\\r\\n" lines is one ✗ naming it, the blank-line requirement folded under it', async () => {
    const { run, result } = await gradeDay('day2', treeWith('day2/keeps-cr'), undefined, 'lines');
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(failed.map((test) => test.id)).toEqual(['crlf', 'blank-ignored']);
    expect(failed.map((test) => test.cause?.kind)).toEqual(['cr-kept', 'cr-kept']);
    expect(failed[0]!.message).toMatch(/Look at: {2}the 'data' handler \(serveConnection\)[\s\S]*drop one "\\r" at the end of each line/);
    expect(printedFailures(run.stdout), `one ✗ printed; the grader printed:\n${run.stdout}`).toHaveLength(1);
  });

  it('a socket error re-emitted by node:readline, with no listener, gets a Hint naming the interface', async () => {
    const { result } = await expectDiagnosed(
      'day2',
      'day2/readline-no-error-listener',
      'vanished-kept',
      server,
      /Hint: node:readline passes every error of the socket/,
    );
    const first = result.tests.find((test) => test.id === 'vanished-kept')!;
    expect(first.message).toMatch(/Look at: {2}the node:readline interface \(createInterface\)/);
    expect(first.cause).toMatchObject({
      kind: 'connection-reset',
      title: "a socket error (ECONNRESET) re-emitted by node:readline reached no 'error' listener",
    });
  });

  it('a socket with no error listener gets a Hint saying the client vanished and the error went unheard, not that the server dropped it', async () => {
    const { result } = await gradeDay('day2', treeWith('day2/no-error-listener'), undefined, 'keeps what a vanished client');
    const first = result.tests.find((test) => test.status === 'failed')!;
    expect(first.message).toMatch(/Hint: a client vanished \(a TCP reset\), so its socket on the server emitted 'error'/);
    expect(first.message).not.toContain('the server dropped the connection abruptly');
  });

  it('a port read before listen() has finished gets the fix that says so', async () => {
    const { result } = await gradeDay('day2', treeWith('day2/port-before-listen'), undefined, 'starts:');
    const first = result.tests.find((test) => test.status === 'failed')!;
    expect(first.message).toMatch(/Received: TypeError: Cannot destructure property 'port' of 'server\.address\(\.\.\.\)' as it is null/);
    expect(first.message).toMatch(/Try: {6}server\.address\(\) is null until the server is listening/);
  });
});
