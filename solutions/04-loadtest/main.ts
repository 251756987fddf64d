// Day 4 solution: the load tester's command line.
// npm run loadtest -- --host 127.0.0.1 --port 6379 --connections 50 --duration 10 --mix 80 --keys 10000 [--pipeline 1] [--workers 1]
import { formatReport, runLoadTest, type LoadOptions } from './loadtest.ts';
import { runInWorkers } from './workers.ts';

/** A mistake in the options, or a server that is not there: printed as one line, exit code 2. */
class UsageError extends Error {}

const defaults: Record<string, string> = {
  host: '127.0.0.1',
  port: '6379',
  connections: '50',
  duration: '10',
  mix: '80',
  keys: '10000',
  pipeline: '1',
  workers: '1',
};

/** Reads `--name value` and `--name=value` pairs, starting from the defaults. */
function readFlags(argv: string[]): Record<string, string> {
  const flags = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!match || !(match[1]! in defaults)) {
      throw new UsageError(
        `Unknown option ${JSON.stringify(argv[i])}; the options are ${Object.keys(defaults)
          .map((name) => `--${name}`)
          .join(', ')}.`,
      );
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value, e.g. --${match[1]} ${defaults[match[1]!]}.`);
    flags[match[1]!] = value;
  }
  return flags;
}

/** Reads flag `name` as a number from `min` to `max` (whole when `whole`), or throws a UsageError saying what was wrong. */
function numberFlag(flags: Record<string, string>, name: string, min: number, max: number, whole: boolean, unit = ''): number {
  const text = flags[name]!;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new UsageError(`Expected --${name} to be ${whole ? 'a whole number' : 'a number'}${unit} from ${min} to ${max}, got ${JSON.stringify(text)}.`);
  }
  return value;
}

/** Turns the command line into load-test options, and the number of worker threads to run them on. */
function parseOptions(argv: string[]): LoadOptions & { workers: number } {
  const flags = readFlags(argv);
  return {
    host: flags.host!,
    port: numberFlag(flags, 'port', 1, 65_535, true),
    connections: numberFlag(flags, 'connections', 1, 10_000, true),
    durationMs: numberFlag(flags, 'duration', 0.1, 3_600, false, ' of seconds') * 1000,
    getRatio: numberFlag(flags, 'mix', 0, 100, false, ' (percent GET)') / 100,
    keySpace: numberFlag(flags, 'keys', 1, 100_000_000, true),
    pipeline: numberFlag(flags, 'pipeline', 1, 1_000, true),
    // Stretch: threads to spread the connections over (more than connections would leave some with nothing to do).
    workers: numberFlag(flags, 'workers', 1, 64, true),
  };
}

/** Rewrites one line on the terminal every second; prints nothing when stderr is not a terminal. */
function liveLine(progress: { elapsedMs: number; totalOps: number; errors: number }): void {
  if (!process.stderr.isTTY) return;
  const rate = Math.round(progress.totalOps / (progress.elapsedMs / 1000));
  const text = `[${(progress.elapsedMs / 1000).toFixed(0)}s] ${progress.totalOps.toLocaleString('en-US')} ops · ${rate.toLocaleString('en-US')} ops/s · ${progress.errors} errors`;
  process.stderr.write(`\r\x1b[K${text}`);
}

async function main(): Promise<void> {
  const { workers, ...options } = parseOptions(process.argv.slice(2));
  const mix = `${Math.round(options.getRatio * 100)}% GET`;
  const keys = options.keySpace.toLocaleString('en-US');
  console.log(
    `Load testing ${options.host}:${options.port}: ${options.connections} connections, ${options.durationMs / 1000}s, ${mix}, ${keys} keys, pipeline ${options.pipeline}${workers > 1 ? `, ${workers} worker threads` : ''}`,
  );
  const run = workers > 1 ? runInWorkers({ ...options, onProgress: liveLine }, workers) : runLoadTest({ ...options, onProgress: liveLine });
  const report = await run.catch((error: Error) => {
    throw new UsageError(`${error.message}. Is the server running? Start it with npm start, or pass --host and --port.`);
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(formatReport(report));
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
