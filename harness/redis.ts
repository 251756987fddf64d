// Real Redis for comparisons: find its tools on the PATH, start a private instance on a free port, stop it by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './ports.ts';
import { delimiter, join } from 'node:path';

/** The one line shown when a Redis tool is missing. */
export const installRedis =
  'real Redis is not installed, so this comparison was skipped. Install it (Debian/Ubuntu: sudo apt-get install redis-server redis-tools · macOS: brew install redis), then run the check again.';

/** The full path of `tool` (redis-server, redis-cli, redis-benchmark) on the PATH, or undefined. */
export function findTool(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** A private redis-server: persistence off, loopback only. */
export interface RedisInstance {
  port: number;
  pid: number;
  stop(): void;
}

const running = new Set<ChildProcess>();
// A Redis started here never outlives this process, even when a test forgets to stop it.
process.once('exit', () => {
  for (const child of running) stopChild(child);
});

/** Starts redis-server on a free port and waits until it answers PING. */
export async function startRedis(binary = findTool('redis-server')): Promise<RedisInstance> {
  if (!binary) throw new Error(installRedis);
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
    const instance = { port, pid: child.pid!, stop: () => stopChild(child) };
    if (await answersPing(port, child)) return instance;
    instance.stop();
    lastError = output.trim() || 'it did not answer PING within 5 s';
  }
  throw new Error(`redis-server did not start: ${lastError}`);
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function answersPing(port: number, child: ChildProcess): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (child.exitCode !== null) return false;
    const reply = await command(port, 'PING').catch(() => '');
    if (reply.startsWith('+PONG')) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return false;
}

/** Sends one inline command and returns the raw reply (read until the socket is quiet for a moment). */
export function command(port: number, line: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      clearTimeout(timer);
      timer = setTimeout(() => {
        socket.destroy();
        done(reply);
      }, 20);
    });
    socket.on('error', fail);
    socket.setTimeout(2000, () => {
      socket.destroy();
      fail(new Error(`no reply to ${line} within 2 s`));
    });
  });
}

/** Redis's own count of commands processed (INFO stats); the difference of two readings includes one INFO. */
export async function commandsProcessed(port: number): Promise<number> {
  const info = await command(port, 'INFO stats');
  const match = /total_commands_processed:(\d+)/.exec(info);
  if (!match) throw new Error(`INFO stats had no total_commands_processed: ${info.slice(0, 200)}`);
  return Number(match[1]);
}
