// Day 5 stretch solution: RESP, the protocol of redis-cli and redis-benchmark — arrays of bulk strings in, typed replies out.
import { isAscii } from 'node:buffer';
import type { Socket } from 'node:net';
import type { Cache } from '../01-cache/cache.ts';

const star = 0x2a;
const dollar = 0x24;
const cr = 0x0d;

/**
 * Splits complete RESP commands off the front of `buffer`; `rest` is the incomplete tail to keep for the next chunk.
 * Like Redis's processMultibulkBuffer it walks the bytes with a position: lengths are read digit by digit, and the
 * only strings made are the arguments themselves. Making a string from bytes is a call into C++; so the chunk is
 * decoded once, and when it is plain ASCII (one byte per character, the usual case: `isAscii` checks the bytes in
 * native code) each argument is a cheap slice of that string. A chunk with other characters decodes each argument as
 * UTF-8 instead.
 */
export function parseCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  const reader = new Reader(buffer);
  const ascii = isAscii(buffer);
  const text = buffer.toString('latin1'); // one character per byte
  let done = 0; // the end of the last complete command
  parsing: while (reader.pos < buffer.length) {
    const count = reader.header(star);
    if (count === undefined) break;
    const args: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const length = reader.header(dollar);
      if (length === undefined || reader.pos + length + 2 > buffer.length) break parsing;
      const end = reader.pos + length;
      args.push(ascii ? text.slice(reader.pos, end) : buffer.toString('utf8', reader.pos, end));
      reader.pos = end + 2;
    }
    commands.push(args);
    done = reader.pos;
  }
  return { commands, rest: buffer.subarray(done) };
}

/** A position in a buffer of RESP, moved past each header read. */
class Reader {
  pos = 0;
  constructor(readonly buffer: Buffer) {}

  /** The number of a `*<n>\r\n` or `$<n>\r\n` header at `pos`, moving past it; undefined (not moving) when the buffer ends first. */
  header(type: number): number | undefined {
    const { buffer, pos } = this;
    if (pos >= buffer.length) return undefined;
    if (buffer[pos] !== type) throw new Error(`Protocol error: expected '${String.fromCharCode(type)}', got '${String.fromCharCode(buffer[pos]!)}'`);
    let value = 0;
    let at = pos + 1;
    for (; at < buffer.length && buffer[at] !== cr; at += 1) {
      const digit = buffer[at]! - 0x30;
      if (digit < 0 || digit > 9) throw new Error(`Protocol error: invalid length after '${String.fromCharCode(type)}'`);
      value = value * 10 + digit;
    }
    if (at + 1 >= buffer.length) return undefined;
    this.pos = at + 2;
    return value;
  }
}

/** A bulk string reply; the length counts bytes, not characters. */
export function bulk(value: string | undefined): string {
  return value === undefined ? '$-1\r\n' : `$${Buffer.byteLength(value)}\r\n${value}\r\n`;
}

/** How many words each command takes, its name included. */
const arity = new Map([
  ['SET', 3],
  ['GET', 2],
  ['DEL', 2],
  ['PING', 1],
]);

/** Runs one command against the cache and returns its RESP reply. */
export function execute(args: string[], cache: Cache): string {
  const given = args[0] ?? '';
  const name = arity.has(given) ? given : given.toUpperCase(); // upper-case only what is not already
  if (name === 'CONFIG' || name === 'COMMAND') return '*0\r\n'; // asked by redis-benchmark and redis-cli on start
  const expected = arity.get(name);
  if (expected === undefined) return `-ERR unknown command '${given}'\r\n`;
  if (args.length !== expected) return `-ERR wrong number of arguments for '${name.toLowerCase()}' command\r\n`;
  if (name === 'GET') return bulk(cache.get(args[1]!));
  if (name === 'SET') {
    cache.set(args[1]!, args[2]!);
    return '+OK\r\n';
  }
  if (name === 'PING') return '+PONG\r\n';
  return cache.delete(args[1]!) ? ':1\r\n' : ':0\r\n';
}

/** Serves a RESP client: commands framed across chunks, all replies to one chunk in a single write. */
export function serveResp(socket: Socket, cache: Cache, first: Buffer): void {
  let pending: Buffer | undefined;
  const onData = (chunk: Buffer) => {
    let parsed;
    try {
      parsed = parseCommands(pending ? Buffer.concat([pending, chunk]) : chunk);
    } catch (error) {
      socket.end(`-ERR ${(error as Error).message}\r\n`);
      return;
    }
    pending = parsed.rest.length > 0 ? parsed.rest : undefined;
    let out = '';
    for (const args of parsed.commands) out += execute(args, cache);
    if (out) socket.write(out);
  };
  onData(first);
  socket.on('data', onData);
}
