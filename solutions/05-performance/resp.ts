// Day 5 stretch solution: RESP, the protocol of redis-cli and redis-benchmark — arrays of bulk strings in, typed replies out.
import type { Socket } from 'node:net';
import type { Cache } from '../01-cache/cache.ts';

/** Splits complete RESP commands off the front of `buffer`; `rest` is the incomplete tail to keep for the next chunk. */
export function parseCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let pos = 0;
  while (pos < buffer.length) {
    const parsed = parseOne(buffer, pos);
    if (parsed === undefined) break;
    commands.push(parsed.args);
    pos = parsed.next;
  }
  return { commands, rest: buffer.subarray(pos) };
}

// One `*N\r\n` followed by N `$len\r\n<bytes>\r\n`; undefined when the buffer ends first.
function parseOne(buffer: Buffer, start: number): { args: string[]; next: number } | undefined {
  if (buffer[start] !== 0x2a) throw new Error(`Protocol error: expected '*', got '${String.fromCharCode(buffer[start]!)}'`);
  let end = buffer.indexOf('\r\n', start);
  if (end === -1) return undefined;
  const count = Number(buffer.toString('latin1', start + 1, end));
  const args: string[] = [];
  let pos = end + 2;
  for (let i = 0; i < count; i += 1) {
    end = buffer.indexOf('\r\n', pos);
    if (end === -1) return undefined;
    if (buffer[pos] !== 0x24) throw new Error(`Protocol error: expected '$', got '${String.fromCharCode(buffer[pos]!)}'`);
    const length = Number(buffer.toString('latin1', pos + 1, end));
    pos = end + 2;
    if (pos + length + 2 > buffer.length) return undefined;
    args.push(buffer.toString('utf8', pos, pos + length));
    pos += length + 2;
  }
  return { args, next: pos };
}

/** A bulk string reply; the length counts bytes, not characters. */
export function bulk(value: string | undefined): string {
  return value === undefined ? '$-1\r\n' : `$${Buffer.byteLength(value)}\r\n${value}\r\n`;
}

/** Runs one command against the cache and returns its RESP reply. */
export function execute(args: string[], cache: Cache): string {
  const name = (args[0] ?? '').toLowerCase();
  const arity: Record<string, number> = { set: 3, get: 2, del: 2, ping: 1 };
  if (name === 'config' || name === 'command') return '*0\r\n'; // asked by redis-benchmark and redis-cli on start
  if (!(name in arity)) return `-ERR unknown command '${args[0] ?? ''}'\r\n`;
  if (args.length !== arity[name]) return `-ERR wrong number of arguments for '${name}' command\r\n`;
  if (name === 'ping') return '+PONG\r\n';
  if (name === 'set') {
    cache.set(args[1]!, args[2]!);
    return '+OK\r\n';
  }
  if (name === 'get') return bulk(cache.get(args[1]!));
  return cache.delete(args[1]!) ? ':1\r\n' : ':0\r\n';
}

/** Serves a RESP client: commands framed across chunks, all replies to one chunk in a single write. */
export function serveResp(socket: Socket, cache: Cache, first: Buffer): void {
  let pending: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    let parsed;
    try {
      parsed = parseCommands(pending.length ? Buffer.concat([pending, chunk]) : chunk);
    } catch (error) {
      socket.end(`-ERR ${(error as Error).message}\r\n`);
      return;
    }
    pending = parsed.rest;
    let out = '';
    for (const args of parsed.commands) out += execute(args, cache);
    if (out) socket.write(out);
  };
  onData(first);
  socket.on('data', onData);
}
