// Day 4 · The load tester's command line: read the options, run the test, print the results block.
// Check it: npm run check day4 · Guide: days/04-loadtest/README.md, "Requirements" and "The checkpoint"
// npm run loadtest -- --host 127.0.0.1 --port 6379 --connections 50 --duration 10 --mix 80 --keys 10000
import { formatReport, runLoadTest, type LoadOptions } from './loadtest.ts';

/** A mistake in the options, or a server that is not there: printed as one line, exit code 2. */
class UsageError extends Error {}

const defaults: Record<string, string> = { host: '127.0.0.1', port: '6379', connections: '50', duration: '10', mix: '80', keys: '10000' };

/** Reads `--name value` and `--name=value` pairs, starting from the defaults (done for you). */
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

/** Turns the command line into load-test options, or throws a UsageError whose message is one clear line. */
function parseOptions(argv: string[]): LoadOptions {
  const flags = readFlags(argv);
  // TODO: Turn each flag into a number and reject bad ones with a UsageError such as
  //       'Expected --duration to be a number of seconds from 0.1 to 3600, got "-1".' (--mix is a percentage from 0 to 100;
  //       --duration is in seconds, the options want milliseconds; --mix 80 means getRatio 0.8).
  void flags; // what this uses; delete it with the throw below
  throw new Error('not implemented yet: parseOptions in days/04-loadtest/main.ts');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // TODO: Run the load test and print formatReport(report). If it cannot connect, throw a UsageError that says so.
  void [options, runLoadTest, formatReport]; // what this uses; delete it when the TODO is done
}

try {
  await main();
} catch (error) {
  // TODO: For a UsageError, print only its message and set process.exitCode = 2 (no stack trace).
  throw error;
}
