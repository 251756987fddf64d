// redis-benchmark for `npm run compare`: one run with its own CPU time, killable as a group; and a process's CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findTool } from '../../harness/redis.ts';

let running: ChildProcess | undefined;

/**
 * redis-benchmark -t get,set with `requests` per test: requests per second of GET and of SET, and the share of a
 * CPU core redis-benchmark itself used (from `times`, POSIX sh: the CPU time of the shell's children). Or why not.
 */
export async function runRedisBenchmark(options: {
  port: number;
  connections: number;
  depth: number;
  requests: number;
}): Promise<{ get: number; set: number; cpuPercent: number } | string> {
  const { port, connections, depth, requests } = options;
  const args = ['-h', '127.0.0.1', '-p', String(port), '-t', 'get,set', '-n', String(requests), '-c', String(connections), '-P', String(depth), '--csv'];
  const started = performance.now();
  const stdout = await new Promise<string>((done, fail) => {
    // A process group of its own, so that stopBenchmark (or the 60 s limit) ends redis-benchmark, not only the shell.
    const child = spawn('sh', ['-c', '"$@"; times', 'sh', findTool('redis-benchmark')!, ...args], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    running = child;
    let out = '';
    const timer = setTimeout(() => stopGroup(child), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      running = undefined;
      done(out);
    });
  });
  const wallMs = performance.now() - started;
  const rps = (name: string) => Number(new RegExp(`^"${name}","([\\d.]+)"`, 'm').exec(stdout)?.[1]);
  const [get, set] = [rps('GET'), rps('SET')];
  if (!Number.isFinite(get) || !Number.isFinite(set)) return `redis-benchmark printed no figures: ${stdout.split('\n')[0]}`;
  const seconds = [...(stdout.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { get, set, cpuPercent: ((seconds[0]! + seconds[1]!) * 1000 * 100) / wallMs };
}

/** Ends a redis-benchmark still running (on Ctrl-C, or when compare stops early). */
export function stopBenchmark(): void {
  if (running) stopGroup(running);
}

function stopGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc on Linux; NaN elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}
