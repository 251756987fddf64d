// Day 2 stretch, graded as a bonus (a failure here does not fail the day): quoted values, PING, QUIT.
import { afterEach } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { cleanUp, connectTo, look, startLearnerServer } from './server-under-test.ts';

afterEach(cleanUp);

const [key] = randomWords(makeRandom(), 1) as [string];

describe('Stretch (bonus)', () => {
  it('stores a value with spaces in double quotes: SET greeting "hello world"', { meta: { id: 'quoted-values' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const fix = 'Split words yourself: outside quotes a space ends a word; inside "…" it is part of it.';
    await client.expectReply(`SET ${key} "hello big world"`, 'OK', { where: look.protocol, fix });
    await client.expectReply(`GET ${key}`, 'hello big world', { where: look.protocol, fix });
  });

  it('answers PING with PONG', { meta: { id: 'ping' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.expectReply('PING', 'PONG', { where: look.protocol });
    await client.expectReply('ping', 'PONG', { where: look.protocol });
  });

  it('answers QUIT with OK, then closes the connection', { meta: { id: 'quit' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.expectReply('QUIT', 'OK', { where: look.protocol });
    if (!(await client.waitForEnd(2000)))
      throw client.fail('After QUIT the server must close the connection.', { where: look.framing, fix: 'Write the OK, then call socket.end().' });
  });
});
