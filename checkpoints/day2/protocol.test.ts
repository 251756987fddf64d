// Day 2 checkpoint: the text protocol over a real TCP connection, and line framing across any split of the bytes.
import { afterEach } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { expectEqual } from '../../harness/check.ts';
import { learnerModule } from '../../harness/learner.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import type { TcpClient } from '../../harness/tcp-client.ts';
import { cleanUp, connectTo, crKept, look, protocolFile, startLearnerServer } from './server-under-test.ts';

type ProtocolModule = typeof import('@learner/02-server/protocol.ts');
type CacheModule = typeof import('@learner/01-cache/cache.ts');

afterEach(cleanUp);

const random = makeRandom();
const [key, other] = randomWords(random, 2) as [string, string];
const value = `value-${Math.floor(random() * 1e6)}`;

describe('Start', () => {
  // The precondition of the day's network requirements (course/days.ts): when it fails, they are not run.
  it('starts: startServer({ port: 0 }) resolves with the port it listens on, and a client can connect', { meta: { id: 'starts' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    client.destroy();
  });
});

describe('handleLine', () => {
  async function load() {
    const { handleLine } = await learnerModule<ProtocolModule>(protocolFile, ['handleLine']);
    const { Cache } = await learnerModule<CacheModule>('01-cache/cache.ts', ['Cache']);
    return { handleLine, cache: new Cache() };
  }

  it('returns OK, the value, OK and (nil) for SET, GET, DEL, GET', { meta: { id: 'handle-basics' } }, async () => {
    const { handleLine, cache } = await load();
    const replies = [`SET ${key} ${value}`, `GET ${key}`, `DEL ${key}`, `GET ${key}`].map((line) => handleLine(line, cache));
    expectEqual(replies, ['OK', value, 'OK', '(nil)'], 'handleLine gave the wrong replies (one reply per line, no newline).', {
      where: look.protocol,
      cause: { kind: 'handleLine-wrong', title: 'handleLine does not answer the basic session (SET, GET, DEL, GET) as the protocol table says' },
    });
  });

  it('returns null for a blank line', { meta: { id: 'blank-is-null' } }, async () => {
    const { handleLine, cache } = await load();
    expectEqual(handleLine('', cache), null, 'handleLine("") must return null: a blank line gets no reply.', {
      where: look.protocol,
      fix: 'Split into words first; with no words, return null before looking at the command name.',
      cause: { kind: 'handleLine-wrong', title: 'handleLine answers a blank line' },
    });
  });
});

// Fails naming the kept "\r" when `received` is handleLine's answer to `lines` with their "\r" left on.
async function expectNoCr(client: TcpClient, lines: string[], received: string, expected: string, headline: string): Promise<void> {
  if (received === expected) return;
  const cause = await crKept(lines, received);
  if (!cause) return;
  throw client.fail(headline, {
    expected: JSON.stringify(expected),
    received: JSON.stringify(received),
    where: look.framing,
    fix: 'A line ended by "\\r\\n" reaches handleLine with the "\\r" still on it (a blank line becomes "\\r", a key "k\\r"): drop one "\\r" at the end of each line, line.replace(/\\r$/, ""), before handleLine sees it.',
    cause,
  });
}

describe('Protocol', () => {
  it("answers the seed's session: SET, GET, GET of a missing key, DEL, GET", { meta: { id: 'seed-session' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.expectReply(`SET ${key} ${value}`, 'OK');
    await client.expectReply(`GET ${key}`, value);
    await client.expectReply(`GET ${other}`, '(nil)', { fix: 'A missing key is answered with the five characters (nil).' });
    await client.expectReply(`DEL ${key}`, 'OK');
    await client.expectReply(`GET ${key}`, '(nil)', { fix: 'DEL must remove the key from the cache.' });
  });

  it('reads command names in any case', { meta: { id: 'any-case' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const fix = 'Compare name.toUpperCase() with "SET", "GET", "DEL"; keys and values keep their case.';
    await client.expectReply(`set ${key} ${value}`, 'OK', { fix });
    await client.expectReply(`Get ${key}`, value, { fix });
    await client.expectReply(`dEl ${key}`, 'OK', { fix });
    await client.expectReply(`get ${key}`, '(nil)', { fix });
  });

  it('accepts lines ending in \\r\\n, as telnet and Windows clients send them', { meta: { id: 'crlf' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    // One line per write: pipelining is the Framing group's business.
    const fix = 'Drop one "\\r" at the end of a line before splitting it into words.';
    await client.send(`SET ${key} ${value}\r\n`);
    const set = await client.readLine();
    await expectNoCr(client, [`SET ${key} ${value}\r`], set, 'OK', 'SET ended by "\\r\\n" got the wrong reply.');
    client.expectLine(set, 'OK', 'SET ended by "\\r\\n" got the wrong reply.', { fix });
    await client.send(`GET ${key}\r\n`);
    const get = await client.readLine();
    await expectNoCr(client, [`SET ${key} ${value}\r`, `GET ${key}\r`], get, value, 'The value came back with a "\\r" stuck to it (or not at all).');
    client.expectLine(get, value, 'The value came back with a "\\r" stuck to it (or not at all).', { fix });
  });

  it("answers an unknown command with ERR unknown command 'NAME' and keeps the connection open", { meta: { id: 'unknown-command' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.expectReply('FOO bar', "ERR unknown command 'FOO'", {
      where: look.protocol,
      fix: 'Return an "ERR …" line for any other command name; never throw.',
    });
    await client.expectReply(`SET ${key} ${value}`, 'OK', { fix: 'After an error the connection stays open for the next command.' });
  });

  it('answers a wrong number of arguments with ERR and keeps the connection open', { meta: { id: 'wrong-arity' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const fix = 'Check the number of words before using them: SET takes 2 arguments, GET and DEL take 1.';
    await client.expectReply(`SET ${key}`, "ERR wrong number of arguments for 'set' command", { where: look.protocol, fix });
    await client.expectReply('GET', "ERR wrong number of arguments for 'get' command", { where: look.protocol, fix });
    await client.expectReply(`GET ${key}`, '(nil)', { fix: 'A refused SET must not store anything, and the connection stays open.' });
  });

  it('ignores blank lines: no reply, and the next command is answered', { meta: { id: 'blank-ignored' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.send(`\n\r\nSET ${key} ${value}\n`);
    const reply = await client.readLine();
    await expectNoCr(client, ['', '\r', `SET ${key} ${value}`], reply, 'OK', "Blank lines must get no reply; the first reply should be the SET's.");
    client.expectLine(reply, 'OK', "Blank lines must get no reply; the first reply should be the SET's.", {
      where: look.protocol,
      fix: 'Return null from handleLine for a line with no words, and write nothing for null.',
    });
  });

  it('stores UTF-8 text exactly: accents, emoji, Hebrew', { meta: { id: 'utf8' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const text = 'héllo-🐣-שלום';
    await client.expectReply(`SET ${key} ${text}`, 'OK');
    await client.expectReply(`GET ${key}`, text, { fix: 'Decode complete lines with buffer.toString("utf8"), not single bytes.' });
  });
});

describe('Framing', () => {
  const line = `SET ${key} ${value}\n`;
  const fix = 'Keep the bytes after the last "\\n" and prepend them to the next \'data\' chunk: chunks do not line up with lines.';

  it('answers a command split across several writes', { meta: { id: 'split-writes' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    await client.sendInPieces(line, [2, 6, line.length - 3]);
    client.expectLine(await client.readLine(), 'OK', 'A SET sent in four pieces was not answered with OK.', { fix });
    await client.expectReply(`GET ${key}`, value, { fix });
  });

  it('answers a command sent one byte at a time', { meta: { id: 'byte-at-a-time' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const short = `SET ${key} v\n`;
    await client.sendInPieces(
      short,
      [...short].map((_, i) => i),
      5,
    );
    client.expectLine(await client.readLine(), 'OK', 'A SET sent one byte per write was not answered with OK.', { fix });
    await client.sendInPieces(
      `GET ${key}\n`,
      [...`GET ${key}\n`].map((_, i) => i),
      5,
    );
    client.expectLine(await client.readLine(), 'v', 'A GET sent one byte per write got the wrong reply.', { fix });
  });

  it('answers several commands sent in one write, in order', { meta: { id: 'pipelined' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const lines = [`SET ${key} 1`, `SET ${other} 2`, `GET ${key}`, `GET ${other}`, `DEL ${key}`, `GET ${key}`, `SET ${key} 3`, `GET ${key}`];
    const expected = ['OK', 'OK', '1', '2', 'OK', '(nil)', 'OK', '3'];
    await client.send(lines.map((each) => `${each}\n`).join(''));
    const replies: string[] = [];
    for (const _ of expected) replies.push(await client.readLine());
    client.expectLine(JSON.stringify(replies), JSON.stringify(expected), 'Eight commands in one write must get eight replies, in the order sent.', {
      fix: 'Handle every complete line of a chunk, one after the other; if a reply waits on an await, the next line must wait for it too.',
    });
  });

  it('answers a command split mid-word across two writes', { meta: { id: 'split-mid-word' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const both = `SET ${key} ${value}\nGET ${key}\n`;
    await client.sendInPieces(both, [2, line.length + 2]);
    client.expectLine(await client.readLine(), 'OK', 'SE|T … split mid-word was not answered with OK.', { fix });
    client.expectLine(await client.readLine(), value, 'GE|T … split mid-word got the wrong reply.', { fix });
  });

  it('keeps a multi-byte character intact when a write ends inside it', { meta: { id: 'split-character' } }, async () => {
    const client = await connectTo(await startLearnerServer());
    const text = 'caf\u00e9-🐣';
    const bytes = Buffer.from(`SET ${key} ${text}\n`);
    const inside = bytes.indexOf(Buffer.from('🐣')) + 2;
    await client.sendInPieces(bytes, [inside]);
    client.expectLine(await client.readLine(), 'OK', 'A SET split inside the bytes of an emoji was not answered with OK.', { fix });
    await client.expectReply(`GET ${key}`, text, {
      fix: 'Join the raw Buffers and decode only complete lines, or call socket.setEncoding("utf8") so Node holds a split character back; chunk.toString() on half a character gives "\\ufffd".',
    });
  });
});
