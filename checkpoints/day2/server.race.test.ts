// Day 2 race-stress over TCP, the TypeScript answer to `go test -race` for a server: many connections at once,
// pipelined writes cut at random byte boundaries, and values that encode their key so cross-talk shows.
import { afterEach } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { makeRandom, seed } from '../../harness/seed.ts';
import type { TcpClient } from '../../harness/tcp-client.ts';
import { cleanUp, connectTo, startLearnerServer, type Running } from './server-under-test.ts';

afterEach(cleanUp);

const random = makeRandom(seed + 2);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const tag = Math.floor(random() * 1e6).toString(36);

/** `count` random byte offsets inside a payload of `length` bytes. */
function randomCuts(length: number, count: number): number[] {
  return range(count).map(() => 1 + Math.floor(random() * (length - 1)));
}

/** Sends `lines` pipelined, cut at random byte boundaries, and checks each reply as it arrives. */
async function pipeline(client: TcpClient, lines: string[], check: (reply: string, index: number) => void): Promise<void> {
  const payload = lines.map((line) => `${line}\n`).join('');
  await client.sendInPieces(payload, randomCuts(Buffer.byteLength(payload), 6), 1);
  for (let i = 0; i < lines.length; i += 1) check(await client.readLine(5000), i);
}

const framingFix =
  'Each pipelined line gets its own reply, in order. The writes were cut at random byte offsets (see "sends" in the transcript): keep the bytes after the last "\\n" for the next chunk.';

function connectMany(server: Running, names: string[]): Promise<TcpClient[]> {
  return Promise.all(names.map((name) => connectTo(server, name)));
}

describe('Race-stress over TCP', () => {
  it('100 connections each write 100 keys at once, and every key reads back with its exact value', { meta: { id: 'race-writers' } }, async () => {
    const server = await startLearnerServer();
    const clients = await connectMany(
      server,
      range(100).map((c) => `client ${c}`),
    );
    const keyOf = (c: number, i: number) => `${tag}-c${c}-k${i}`;
    const valueOf = (c: number, i: number) => `value-of-${keyOf(c, i)}`;
    await Promise.all(
      clients.map(async (client, c) => {
        await pipeline(
          client,
          range(100).map((i) => `SET ${keyOf(c, i)} ${valueOf(c, i)}`),
          (reply, i) =>
            client.expectLine(reply, 'OK', `SET number ${i + 1} of ${client.name} (100 pipelined, 100 connections at once) was not answered OK.`, {
              fix: framingFix,
            }),
        );
      }),
    );
    await Promise.all(
      clients.map(async (client, c) => {
        const owner = (c + 1) % clients.length; // read what another connection wrote
        await pipeline(
          client,
          range(100).map((i) => `GET ${keyOf(owner, i)}`),
          (reply, i) =>
            client.expectLine(reply, valueOf(owner, i), `GET ${keyOf(owner, i)} did not return the value client ${owner} stored.`, {
              fix: "Every connection must share one cache, and each reply must belong to its own line: keep each connection's pending bytes separate.",
            }),
        );
      }),
    );
  });

  it(
    '50 writers and 50 readers on overlapping keys: every read returns a value some writer wrote for that key',
    { meta: { id: 'race-readers-writers' } },
    async () => {
      const server = await startLearnerServer();
      const keys = range(10).map((k) => `${tag}-shared-${k}`);
      const rounds = 40;
      // Every value names its key, writer and version, so a value read under the wrong key or cut short is visible.
      const plans = range(50).map((w) =>
        range(rounds)
          .map(() => ({ key: keys[Math.floor(random() * keys.length)]!, value: '' }))
          .map((op, v) => ({ ...op, value: `${op.key}|writer-${w}|v${v}` })),
      );
      const written = new Map<string, Set<string>>(keys.map((key) => [key, new Set()]));
      const lastByWriter = new Map<string, Set<string>>(keys.map((key) => [key, new Set()]));
      for (const plan of plans) {
        const last = new Map<string, string>();
        for (const { key, value } of plan) {
          written.get(key)!.add(value);
          last.set(key, value);
        }
        for (const [key, value] of last) lastByWriter.get(key)!.add(value);
      }
      const writers = await connectMany(
        server,
        range(50).map((w) => `writer ${w}`),
      );
      const readers = await connectMany(
        server,
        range(50).map((r) => `reader ${r}`),
      );
      const writing = writers.map(async (client, w) => {
        for (const batch of range(4)) {
          const ops = plans[w]!.slice(batch * 10, batch * 10 + 10);
          await pipeline(
            client,
            ops.map(({ key, value }) => `SET ${key} ${value}`),
            (reply, i) => client.expectLine(reply, 'OK', `SET number ${batch * 10 + i + 1} of ${client.name} was not answered OK.`, { fix: framingFix }),
          );
        }
      });
      const reading = readers.map(async (client) => {
        for (const _ of range(4)) {
          const asked = range(10).map(() => keys[Math.floor(random() * keys.length)]!);
          await pipeline(
            client,
            asked.map((key) => `GET ${key}`),
            (reply, i) => {
              if (reply === '(nil)' || written.get(asked[i]!)!.has(reply)) return;
              throw client.fail(`GET ${asked[i]} returned a value no writer wrote for that key.`, {
                expected: `(nil) or a value of the form "${asked[i]}|writer-N|vM"`,
                received: JSON.stringify(reply),
                fix: 'A reply went to the wrong line or connection, or a value was cut: keep one pending buffer per connection and answer lines in order.',
              });
            },
          );
        }
      });
      await Promise.all([...writing, ...reading]);
      const checker = await connectTo(server, 'checker');
      for (const key of keys) {
        const reply = await checker.request(`GET ${key}`);
        if (lastByWriter.get(key)!.has(reply) || (lastByWriter.get(key)!.size === 0 && reply === '(nil)')) continue;
        throw checker.fail(`After all writers finished, GET ${key} is not the last value any writer set for it.`, {
          expected: `one of ${lastByWriter.get(key)!.size} values: each writer's last SET of that key`,
          received: JSON.stringify(reply),
          fix: 'The commands of one connection must run in the order they arrived, even when they came in one write.',
        });
      }
    },
  );
});
