// Day 5's RESP bonus: what `redis-benchmark -t get,set --csv` printed, read as requests per second.
import { CheckError } from '../../harness/check.ts';

/** Requests per second of GET and SET. */
export interface BenchmarkFigures {
  get: number;
  set: number;
}

/** The GET and SET figures of redis-benchmark's CSV output, or undefined when either is missing or not a positive number. */
export function readBenchmark(stdout: string): BenchmarkFigures | undefined {
  const rps = (name: string) => Number(new RegExp(`^"${name}","([^"]*)"`, 'm').exec(stdout)?.[1] ?? Number.NaN);
  const figures = { get: rps('GET'), set: rps('SET') };
  return Number.isFinite(figures.get) && Number.isFinite(figures.set) && figures.get > 0 && figures.set > 0 ? figures : undefined;
}

/** The failure for output that could not be read: a figure that is not one is reported, never recorded as NaN. */
export function unreadable(stdout: string, against: string): CheckError {
  const lines = stdout
    .trim()
    .split('\n')
    .slice(0, 4)
    .map((line) => JSON.stringify(line));
  return new CheckError(`redis-benchmark ran against ${against}, but its output could not be read: no GET and SET requests per second in it.`, {
    expected: 'CSV lines such as "SET","45000.00",… and "GET","47000.00",…',
    received: lines.length && stdout.trim() ? lines.join('\n') : '(no output)',
    where: 'the redis-benchmark on your PATH (redis-tools), and what your server answered it',
    fix: 'Run `redis-benchmark -p PORT -t get,set -n 1000 --csv` by hand against the same server and read what it prints.',
  });
}
