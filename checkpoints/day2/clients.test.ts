// Day 2 checkpoint: many clients share one cache without waiting on each other, and bad input never takes the server down.
import { afterEach } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { Transcript } from '../../harness/transcript.ts';
import { cleanUp, connectTo, expectNoCrash, look, startLearnerServer, watchCrashes } from './server-under-test.ts';

afterEach(cleanUp);

const random = makeRandom();
const [key1, key2, key3] = randomWords(random, 3) as [string, string, string];

describe('Many clients', () => {
  it('serves two clients at once (the two-terminal test of the guide)', { meta: { id: 'two-clients' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const first = await connectTo(server, 'client 1', transcript);
    await first.expectReply(`SET ${key1} value1`, 'OK');
    const second = await connectTo(server, 'client 2', transcript); // client 1 stays connected
    const fix = 'Do not wait for one client to leave before serving the next: each connection gets its own handler.';
    // Each reads its own key back while the other stays connected; sharing the cache is the next requirement's.
    await second.expectReply(`SET ${key2} value2`, 'OK', { where: look.start, fix });
    await second.expectReply(`GET ${key2}`, 'value2', { where: look.start, fix });
    await first.expectReply(`GET ${key1}`, 'value1', { where: look.start, fix });
  });

  it('shares one cache: a value set on one connection is read on another', { meta: { id: 'shared-cache' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const first = await connectTo(server, 'client 1', transcript);
    await first.expectReply(`SET ${key1} value1`, 'OK');
    const second = await connectTo(server, 'client 2', transcript);
    await second.expectReply(`GET ${key1}`, 'value1', {
      where: look.start,
      fix: 'Create the Cache once, in startServer, and give the same one to every connection.',
    });
  });

  it('does not let a client that sent half a line delay the others', { meta: { id: 'half-line-waits-alone' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const slow = await connectTo(server, 'slow client', transcript);
    await slow.send(`SET ${key3} half`);
    const quick = await connectTo(server, 'quick client', transcript);
    for (let i = 0; i < 5; i += 1) {
      await quick.send(`SET ${key1} ${i}\n`);
      const reply = await quick.readLine(2000);
      quick.expectLine(reply, 'OK', 'A client was kept waiting while another had sent only half a line.', {
        fix: "Keep each connection's unfinished line in that connection's handler; never wait for one client's newline before serving others.",
      });
    }
    const halfLine =
      'A line arrives in pieces: keep the slow client\'s "SET … half" in that connection\'s buffer and run it only when its "\\n" arrives, as one line.';
    await slow.send('-done\n');
    slow.expectLine(await slow.readLine(), 'OK', "The slow client's line, finished later, was not answered.", { where: look.framing, fix: halfLine });
    await quick.expectReply(`GET ${key3}`, 'half-done', { where: look.framing, fix: halfLine });
  });
});

describe('Bad input', () => {
  it('answers a line over 64 KiB with ERR line too long and closes that connection, while other clients carry on', { meta: { id: 'line-limit' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const other = await connectTo(server, 'other client', transcript);
    const flood = await connectTo(server, 'flooding client', transcript);
    // 70 KiB in bytes but only 50 K characters: a limit counted in string length (characters) lets it through.
    const line = `SET ${key1} ${'é'.repeat(20 * 1024)}${'x'.repeat(30 * 1024)}`;
    await flood.send(line); // no newline
    const size = `${Buffer.byteLength(line).toLocaleString('en-US')} bytes, ${line.length.toLocaleString('en-US')} characters`;
    const fix = `Count the bytes waiting for a newline, and check that count on every 'data' chunk, not only when a newline arrives: past 64 KiB (65,536 bytes) write "ERR line too long\\n" and end the socket. This line is ${size} ("é" is 2 bytes): count bytes (Buffer.length, or Buffer.byteLength of a string), not characters.`;
    const reply = await flood.readLine(3000).catch((error: unknown) => {
      if (flood.trouble) throw error; // the connection failed: its own story (a crash, a reset)
      // Silence here means the bytes were kept, waiting for a newline that never comes: no limit, not a framing bug.
      throw flood.fail(`A 70 KiB line (${size}) without a newline got no reply: the server kept buffering it, waiting for its end.`, {
        expected: '"ERR line too long", then the connection closed',
        received: 'nothing within 3000 ms',
        fix,
        cause: { kind: 'no-line-limit', title: 'a line over 64 KiB is buffered without limit' },
      });
    });
    flood.expectLine(reply, 'ERR line too long', 'A 70 KiB line without a newline got the wrong reply.', { fix });
    if (!(await flood.waitForEnd(2000)))
      throw flood.fail('After ERR line too long the connection must be closed.', {
        expected: 'the server ends the connection',
        received: 'still open after 2 s',
        fix: 'Call socket.end() after writing the error.',
      });
    await other.expectReply(`SET ${key2} fine`, 'OK', { fix: 'Refusing one client must not affect the others.' });
    await other.expectReply(`GET ${key2}`, 'fine');
  });

  it('serves a line just under 64 KiB', { meta: { id: 'long-line' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const big = 'v'.repeat(60 * 1024);
    await client.expectReply(`SET ${key1} ${big}`, 'OK', { fix: 'The limit is 64 KiB per line: a 60 KiB value is allowed.' });
    await client.expectReply(`GET ${key1}`, big);
  });

  it('survives binary garbage and keeps serving', { meta: { id: 'binary-garbage' } }, async () => {
    const server = await startLearnerServer();
    const garbage = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
    const since = watchCrashes();
    const vandal = await connectTo(server, 'garbage client');
    await vandal.send(Buffer.concat([garbage, Buffer.from('\n')]));
    await new Promise((done) => setTimeout(done, 200));
    vandal.destroy();
    const client = await connectTo(server, 'next client');
    await client.expectReply(`SET ${key1} after-garbage`, 'OK', { fix: 'Answer lines you cannot parse with an "ERR …" line; never throw.' });
    await client.expectReply(`GET ${key1}`, 'after-garbage');
    expectNoCrash(since, 'reading binary garbage');
  });

  it('answers a line of invalid UTF-8 and keeps the connection open', { meta: { id: 'invalid-utf8' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const since = watchCrashes();
    await client.send(Buffer.concat([Buffer.from(`SET ${key1} `), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\n')]));
    await client.readLine();
    await client.expectReply(`SET ${key2} ok`, 'OK', { fix: 'Invalid bytes decode to "\\ufffd"; treat that line like any other.' });
    expectNoCrash(since, 'reading invalid UTF-8');
  });

  it('keeps what a vanished client had acknowledged', { meta: { id: 'vanished-kept' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const since = watchCrashes();
    const leaving = await connectTo(server, 'vanishing client', transcript);
    await leaving.expectReply(`SET ${key1} kept`, 'OK');
    await leaving.send(`SET ${key2} 10`);
    await new Promise((done) => setTimeout(done, 50)); // the server has read those bytes and waits for more
    leaving.reset();
    await leaving.closed;
    const client = await connectTo(server, 'other client', transcript);
    await client.expectReply(`GET ${key1}`, 'kept', { fix: 'A client that disconnects must not take the data it wrote with it.' });
    await new Promise((done) => setTimeout(done, 50));
    expectNoCrash(
      since,
      'a client vanished mid-command (ECONNRESET)',
      "Listen for 'error' on every socket: a client that vanishes makes its socket emit ECONNRESET, and an 'error' event nobody listens to is thrown.",
    );
  });

  it('does not run the half-sent command of a client that vanished', { meta: { id: 'vanished-half-line' } }, async () => {
    const server = await startLearnerServer();
    const transcript = new Transcript();
    const leaving = await connectTo(server, 'vanishing client', transcript);
    await leaving.send(`SET ${key2} 10`); // meant to be "SET … 100\n", cut short
    await new Promise((done) => setTimeout(done, 50));
    leaving.destroy();
    await leaving.closed;
    await new Promise((done) => setTimeout(done, 50));
    const client = await connectTo(server, 'other client', transcript);
    await client.expectReply(`GET ${key2}`, '(nil)', {
      where: look.disconnect,
      fix: 'Only a line ended by "\\n" is a command; drop the unfinished bytes on \'close\' (node:readline hands them over as a last line).',
    });
  });
});
