// Helpers for the grader's own tests: a private state folder per test, and running the CLI with stdin and env.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { days } from '../grader/days.ts';
import { root } from '../grader/paths.ts';
import { scratchDir, type GraderRun } from './helpers.ts';

/** Options for `cli`: extra environment, text typed on stdin, a time limit. */
export interface CliOptions {
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
}

/** Runs `node --import tsx grader/cli.ts ...args` with its own state folder (never the learner's .cachelings/). */
export async function cli(args: string[], state: string, options: CliOptions = {}): Promise<GraderRun & { durationMs: number }> {
  const started = Date.now();
  const result = await execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: root,
    env: { FORCE_COLOR: '0', INIT_CWD: root, CACHELINGS_STATE_DIR: state, ...options.env },
    input: options.input ?? '',
    reject: false,
    timeout: options.timeoutMs ?? 240_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr, durationMs: Date.now() - started };
}

/** A fresh state folder under .tmp/. */
export function freshState(): string {
  return scratchDir('state');
}

/** A tree with every day solved except the last, which is its pristine scaffold from days/. */
export function treeWithLastDayUnsolved(): { tree: string; last: (typeof days)[number] } {
  const tree = scratchDir('tree');
  cpSync(resolve(root, 'solutions'), tree, { recursive: true });
  const last = days[days.length - 1]!;
  for (const file of last.files) cpSync(resolve(root, 'days', file), resolve(tree, file));
  return { tree, last };
}

/** The text of a file, or '' when it does not exist. */
export function textOf(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
