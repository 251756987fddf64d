// Each review check speaks on a learner file that has its problem, and stays silent on one that does not.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { checks, reviewText } from '../grader/review/index.ts';
import type { Finding } from '../grader/review/types.ts';

/** For each check: a file that triggers it (and the line it must point at), and a close cousin that must not. */
const cases: Record<string, { triggers: string; line: number; clean: string }> = {
  'import-leaves-tree': {
    triggers: ["import { RWLock } from './rwlock.ts';", "export { Cache } from '../../solutions/01-cache/cache.ts';"].join('\n'),
    line: 2,
    clean: [
      "import { Cache } from '../01-cache/cache.ts';",
      "import { createServer } from 'node:net';",
      "// from '../../solutions/01-cache/cache.ts' in a comment",
    ].join('\n'),
  },
  'module-store': {
    triggers: [
      'const store = new Map<string, string>();',
      '',
      'export class Cache {',
      '  set(key: string, value: string): void {',
      '    store.set(key, value);',
      '  }',
      '}',
    ].join('\n'),
    line: 1,
    clean: [
      "const commands = new Map([['GET', 1]]); // a lookup table, never changed",
      'export class Cache {',
      '  #store = new Map<string, string>();',
      '  set(key: string, value: string): void {',
      '    if (commands.has(key)) this.#store.set(key, value);',
      '  }',
      '}',
    ].join('\n'),
  },
  'console-in-hot-path': {
    triggers: [
      'export class Cache {',
      '  #store = new Map<string, string>();',
      '  get(key: string): string | undefined {',
      "    console.log('get', key);",
      '    return this.#store.get(key);',
      '  }',
      '}',
    ].join('\n'),
    line: 4,
    clean: [
      'export async function startServer() {',
      "  console.log('listening');",
      "  socket.on('data', (chunk) => {",
      "    if (process.env.DEBUG) console.log('chunk', chunk);",
      "    if (process.env.DEBUG) { console.log('lines', chunk.length); }",
      '  });',
      '}',
    ].join('\n'),
  },
  'write-per-reply': {
    triggers: [
      "socket.on('data', (chunk) => {",
      "  for (const line of String(chunk).split('\\n')) {",
      '    socket.write(handleLine(line, cache) + "\\n");',
      '  }',
      '});',
    ].join('\n'),
    line: 3,
    clean: [
      "socket.on('data', (chunk) => {",
      '  const replies: string[] = [];',
      "  for (const line of String(chunk).split('\\n')) replies.push(handleLine(line, cache));",
      "  socket.write(replies.join('\\n') + '\\n');",
      '});',
      'async function run() {',
      '  while (Date.now() < end) {',
      "    socket.write('GET k\\n');",
      '    await reply();',
      '  }',
      '}',
    ].join('\n'),
  },
  'swallowed-catch': {
    triggers: ['async function worker() {', '  try {', '    await send();', '  } catch (error) {', '    console.error(error);', '  }', '}'].join('\n'),
    line: 4,
    clean: [
      'async function worker() {',
      '  try {',
      '    await send();',
      '  } catch (error) {',
      '    console.error(error);',
      '    errors += 1;',
      '  }',
      '  try {',
      '    socket.destroy();',
      '  } catch {',
      '    // already closed: nothing left to release',
      '  }',
      '  const connection = await open().catch(() => undefined); // a failed connect becomes undefined…',
      '  if (!connection) errors += 1; // …and is counted here',
      '}',
    ].join('\n'),
  },
  'listener-never-removed': {
    triggers: [
      'function send(socket: Socket, command: string): Promise<string> {',
      '  return new Promise((resolve) => {',
      "    socket.on('data', (data) => resolve(String(data)));",
      '    socket.write(command);',
      '  });',
      '}',
    ].join('\n'),
    line: 3,
    clean: [
      'function send(socket: Socket, command: string): Promise<string> {',
      '  return new Promise((resolve) => {',
      "    socket.once('data', (data) => resolve(String(data)));",
      '    socket.write(command);',
      '  });',
      '}',
      'const timer = setInterval(report, 1000);',
      'export function stop() { clearInterval(timer); }',
      'const one = () => new Promise<number>((done) => {',
      '  const socket = connect({ host, port }); // one socket per promise: one listener per socket',
      "  socket.on('data', (chunk) => count(chunk));",
      "  socket.on('close', () => done(0));",
      '});',
    ].join('\n'),
  },
  'hard-coded-port': {
    triggers: [
      'export async function startServer(options: { port?: number } = {}) {',
      '  const server = createServer(onConnection);',
      "  server.listen(6379, '127.0.0.1');",
      '  return server;',
      '}',
    ].join('\n'),
    line: 3,
    clean: [
      'export async function startServer({ port = 6379, host = "127.0.0.1" }: Options = {}): Promise<{ port: number; close(): Promise<void> }> {',
      '  const wanted = options.port ?? 6379;',
      '  server.listen(port, host);',
      '}',
      'const port = Number(process.env.PORT ?? 6379); // main.ts may pick the default',
    ].join('\n'),
  },
};

describe('review checks', () => {
  it('cover every check of the fixed set', () => {
    expect(Object.keys(cases).sort()).toEqual(checks.map((check) => check.id).sort());
  });

  it.each(Object.entries(cases))('%s speaks on a file that has the problem, at its line', (id, { triggers, line }) => {
    const findings = reviewText('days/x/file.ts', triggers).filter((finding) => finding.check === id);
    expect(findings.map((finding) => finding.line)).toEqual([line]);
    const [finding] = findings;
    expect(finding!.what.length, 'says what it saw').toBeGreaterThan(20);
    expect(finding!.why.length, 'says why it matters').toBeGreaterThan(40);
    expect(finding!.code, 'quotes the line').toBe(triggers.split('\n')[line - 1]!.trim());
  });

  it("console-in-hot-path also speaks inside a named function passed as the 'data' listener", () => {
    const text = [
      'function serve(socket: Socket) {',
      '  const onChunk = (chunk: Buffer) => {',
      "    console.log('got', chunk.length);",
      '  };',
      "  socket.on('data', onChunk);",
      '}',
    ].join('\n');
    const findings = reviewText('days/x/file.ts', text).filter((finding) => finding.check === 'console-in-hot-path');
    expect(
      findings.map((finding) => finding.line),
      'the console.log inside onChunk',
    ).toEqual([3]);
    expect(findings[0]!.what).toContain("`onChunk`, the 'data' listener");
  });

  it.each(Object.entries(cases))('%s stays silent on a file that does not', (id, { clean }) => {
    expect(reviewText('days/x/file.ts', clean).filter((finding) => finding.check === id)).toEqual([]);
  });

  it('finds nothing in the solutions, except the plain one-write-per-reply of day 2 (day 5 batches on purpose)', () => {
    const allowed = (finding: Finding) => finding.file === 'solutions/02-server/server.ts' && finding.check === 'write-per-reply';
    for (const day of days) {
      const folder = resolve(root, 'solutions', day.slug);
      const files = readdirSync(folder, { recursive: true })
        .map(String)
        .filter((name) => /\.[cm]?ts$/.test(name));
      for (const name of files) {
        const shown = `solutions/${day.slug}/${name}`;
        expect(
          reviewText(shown, readFileSync(resolve(folder, name), 'utf8')).filter((finding) => !allowed(finding)),
          shown,
        ).toEqual([]);
      }
    }
  });
});
