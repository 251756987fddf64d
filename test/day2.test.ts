// Day 2: each planted bug in a learner's server is caught by the requirement meant to catch it; the stretch is a bonus.
import { describe, expect, it } from 'vitest';
import { expectCaught, gradeDay, treeWith } from './helpers.ts';

const planted: [fixture: string, caughtBy: string, mentions: RegExp][] = [
  // The third column: what the failure must say about the planted bug itself (a value or call, not the advice lines).

  ['chunk-lines', 'answers a command split across several writes', /Received: "ERR unknown command 'SE'"/],
  ['cache-per-connection', 'shares one cache: a value set on one connection is read on another', /\[client 2\] Received: "\(nil\)"/],
  ['one-at-a-time', 'serves two clients at once (the two-terminal test of the guide)', /\[client 2\] \(no reply within \d+ ms\)/],
  ['async-out-of-order', 'answers several commands sent in one write, in order', /Received: "\[.*\(nil\)/],
  ['crash-unknown', "answers an unknown command with ERR unknown command 'NAME' and keeps the connection open", /Error: unknown command FOO/],
  ['close-waits', 'close() resolves while clients are still connected, and disconnects them', /close\(\)[\s\S]*Received: nothing after \d+ ms/],
  ['no-line-limit', 'answers a line over 64 KiB with ERR line too long and closes that connection, while other clients carry on', /\[flooding client\] sends [\s\S]*\([\d,]+ bytes\)\n.*\[flooding client\] \(no reply within \d+ ms\)/],
  ['all-interfaces', 'listens on 127.0.0.1 by default, not on every interface', /accepted on 127\.0\.0\.2/],
  ['timer-leak', 'close() leaves no open sockets or timers behind', /Received: \{.*"Timeout":1/],
  ['no-error-listener', 'keeps what a vanished client had acknowledged', /ECONNRESET/],
  ['readline-framing', 'does not run the half-sent command of a client that vanished', /\[vanishing client\] sends "SET \S+ (\S+)"[\s\S]*\[other client\] Received: "\1"/],
];

describe('day 2 catches planted bugs', () => {
  it.each(planted)('%s is caught by "%s"', async (fixture, caughtBy, mentions) => {
    await expectCaught('day2', `day2/${fixture}`, caughtBy, { mentions });
  });
});

describe('day 2 stretch is a bonus', () => {
  it('a server without the stretch passes the day, its bonus requirements shown as failed', async () => {
    const { run, result } = await gradeDay('day2', treeWith('day2/no-stretch'));
    const failed = result.tests.filter((test) => test.status === 'failed');
    expect(run.exitCode, `no-stretch should pass day 2; the grader printed:\n${run.stdout}`).toBe(0);
    expect(result.passed).toBe(true);
    expect(failed.map((test) => test.name).sort()).toEqual(
      ['answers PING with PONG', 'answers QUIT with OK, then closes the connection', 'stores a value with spaces in double quotes: SET greeting "hello world"'].sort(),
    );
    expect(failed.every((test) => test.bonus)).toBe(true);
    expect(run.stdout).toMatch(/bonus: not required to pass the day/);
  });
});
