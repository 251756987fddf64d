// Day 2: each planted bug in a learner's server is caught by the requirement meant to catch it; the stretch is a bonus.
import { describe, expect, it } from 'vitest';
import { expectCaught, gradeDay, treeWith } from './helpers.ts';

const planted: [fixture: string, caughtBy: string][] = [
  ['chunk-lines', 'answers a command split across several writes'],
  ['cache-per-connection', 'shares one cache: a value set on one connection is read on another'],
  ['one-at-a-time', 'serves two clients at once (the two-terminal test of the guide)'],
  ['async-out-of-order', 'answers several commands sent in one write, in order'],
  ['crash-unknown', "answers an unknown command with ERR unknown command 'NAME' and keeps the connection open"],
  ['close-waits', 'close() resolves while clients are still connected, and disconnects them'],
  ['no-line-limit', 'answers a line over 64 KiB with ERR line too long and closes that connection, while other clients carry on'],
  ['all-interfaces', 'listens on 127.0.0.1 by default, not on every interface'],
  ['timer-leak', 'close() leaves no open sockets or timers behind'],
  ['no-error-listener', 'keeps what a vanished client had acknowledged'],
  ['readline-framing', 'does not run the half-sent command of a client that vanished'],
];

describe('day 2 catches planted bugs', () => {
  it.each(planted)('%s is caught by "%s"', async (fixture, caughtBy) => {
    await expectCaught('day2', `day2/${fixture}`, caughtBy);
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
