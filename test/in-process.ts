// Runs a grader command inside the test's own process, as grader/cli.ts would run it, and keeps what it printed.
// The planted-bug fixtures (gradeDay in test/helpers.ts) and the tests of hint, status, --repeat, --only, ask and
// review run this way: a grader process of its own costs about a CPU second to start (Node, tsx and the grader's
// modules), a hundred times over. The CLI as a process (arguments, exit codes, stdin, signals, what is left running)
// is tested by check-cli, grader-hostile, grader-interrupt, grader-reset-diff and the rest. Each test file runs in its
// own worker and its tests one at a time, so borrowing console, the colour level and the environment for one command
// disturbs nothing else.
import { format } from 'node:util';
import chalk from 'chalk';
import { parseArgs, UsageError } from '../grader/args.ts';
import { removeRunDir } from '../grader/leftovers.ts';
import { root } from '../grader/paths.ts';
import { commands } from '../grader/registry.ts';
import { rejectStrays } from '../grader/strays.ts';

/** What one grader run printed and returned. */
export interface GraderRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `args` (e.g. `['check', 'day2', '--target', tree]`) like `node --import tsx grader/cli.ts …args` from the repo
 *  root (INIT_CWD, as npm sets it), with `extra` added to the environment. */
export async function runHere(args: string[], extra: Record<string, string> = {}): Promise<GraderRun> {
  const env = { INIT_CWD: root, ...extra };
  const [name, ...rest] = args;
  const command = commands[name!];
  if (!command) throw new Error(`runHere: no grader command "${name}"`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { log: console.log, error: console.error, warn: console.warn, level: chalk.level, exitCode: process.exitCode };
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  console.log = (...parts: unknown[]) => void stdout.push(format(...parts));
  console.error = console.warn = (...parts: unknown[]) => void stderr.push(format(...parts));
  chalk.level = 0; // the CLI runs with FORCE_COLOR=0 in these tests
  Object.assign(process.env, env);
  let exitCode: number;
  try {
    const parsed = parseArgs(rest);
    rejectStrays(name!, parsed);
    exitCode = await (await command.load())(parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.push(error.message);
    exitCode = 2;
  } finally {
    removeRunDir(); // a test worker may be ended without the exit event that removes it otherwise
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    chalk.level = saved.level;
    process.exitCode = saved.exitCode;
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
