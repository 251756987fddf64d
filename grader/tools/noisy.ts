// Maintainers: do the verdicts hold on a busy machine? Starts CPU hogs (default 2, each a busy loop that ends by itself),
// then runs `npm run check dayN -- --target solutions --repeat R` for each day, and optionally the planted-bug
// tests, and prints runs, passes and time. Not part of `npm test`.
// Usage: node --import tsx grader/tools/noisy.ts [--days 2,3,5] [--repeat 3] [--hogs 2] [--fixtures] [--grade N]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../paths.ts';

const args = process.argv.slice(2);
const valued = ['--days', '--repeat', '--hogs', '--grade'];
const known = [...valued, '--fixtures'];
const unknown = args.filter((arg, i) => arg.startsWith('-') && !known.includes(arg) && !valued.includes(args[i - 1] ?? ''));
if (unknown.length > 0) {
  // --help, or a typo: say how to use it rather than start minutes of checks with the defaults.
  console.log('Usage: node --import tsx grader/tools/noisy.ts [--days 2,3,5] [--repeat 3] [--hogs 2] [--fixtures] [--grade N]');
  process.exit(unknown.includes('--help') ? 0 : 2);
}
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const days = option('days', '2,3,5')
  .split(',')
  .map((day) => `day${day.replace(/^day/, '')}`);
const repeat = Number(option('repeat', '3'));
const hogCount = Number(option('hogs', '2'));
const grades = Number(option('grade', '0'));
const limitSec = 3600;

// A CPU-bound process that spins until killed, or for `limitSec` at most.
function hog(): ChildProcess {
  return spawn(process.execPath, ['-e', `const end = Date.now() + ${limitSec * 1000}; while (Date.now() < end) Math.sqrt(Math.random());`], {
    stdio: 'ignore',
  });
}

// Runs a command with a scratch state folder; returns its exit code, its last line and how long it took.
function timed(command: string, commandArgs: string[]): { code: number; last: string; seconds: number } {
  const state = mkdtempSync(join(tmpdir(), 'cachelings-noisy-'));
  const started = Date.now();
  const run = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', CACHELINGS_STATE_DIR: state },
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(state, { recursive: true, force: true });
  const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
  const summary = lines.find((line) => /passed \d+ of \d+ runs|Tests\s+\d+/.test(line)) ?? lines.at(-1) ?? '';
  return { code: run.status ?? -1, last: summary.trim(), seconds: (Date.now() - started) / 1000 };
}

const hogs = Array.from({ length: hogCount }, hog);
const stop = () => hogs.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
console.log(`${hogCount} CPU hog(s) running beside every run; ${repeat} run(s) per day.`);
const rows: string[] = [];
for (const day of days) {
  const result = timed(process.execPath, ['--import', 'tsx', 'grader/cli.ts', 'check', day, '--target', 'solutions', '--repeat', String(repeat)]);
  rows.push(`${day.padEnd(8)} ${result.code === 0 ? '✓' : '✗'}  ${result.last}  (${result.seconds.toFixed(0)} s)`);
  console.log(rows.at(-1));
}
for (let run = 1; run <= grades; run += 1) {
  const result = timed(process.execPath, ['--import', 'tsx', 'grader/cli.ts', 'grade', '--target', 'solutions']);
  rows.push(`grade ${run}  ${result.code === 0 ? '✓ all days pass' : `✗ exit ${result.code}: ${result.last}`}  (${result.seconds.toFixed(0)} s)`);
  console.log(rows.at(-1));
}
if (args.includes('--fixtures')) {
  const files = ['test/day1.test.ts', 'test/day2.test.ts', 'test/day3.test.ts', 'test/day4.test.ts', 'test/day5.test.ts'];
  const result = timed(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/vitest.config.ts', ...files]);
  rows.push(`fixtures ${result.code === 0 ? '✓ every planted bug caught' : '✗'}  ${result.last}  (${result.seconds.toFixed(0)} s)`);
  console.log(rows.at(-1));
}
stop();
process.exitCode = rows.every((row) => row.includes('✓')) ? 0 : 1;
