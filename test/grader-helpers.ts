// Helpers for the grader's own tests: a private state folder per test, and running the CLI with stdin and env.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { root } from '../grader/paths.ts';
import { scratchDir, type GraderRun } from './helpers.ts';
import { runHere } from './in-process.ts';

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

/** Like `cli`, but inside this test's process (test/in-process.ts): for commands whose output and exit code are what
 *  the test reads, not the process itself (stdin, signals, what is left running). */
export async function cliHere(args: string[], state: string, env: Record<string, string> = {}): Promise<GraderRun & { durationMs: number }> {
  const started = Date.now();
  const run = await runHere(args, { CACHELINGS_STATE_DIR: state, ...env });
  return { ...run, durationMs: Date.now() - started };
}

/** A fresh state folder under .tmp/. */
export function freshState(): string {
  return scratchDir('state');
}

/** The text of a file, or '' when it does not exist. */
export function textOf(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** A grader started in the background: its output so far, a way to type, and to wait for text. */
export interface LiveGrader {
  child: ChildProcess;
  output: () => string;
  type: (text: string) => void;
  waitFor: (pattern: RegExp, timeoutMs?: number, from?: number) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

const live = new Set<ChildProcess>();

/** Ends every grader `startGrader` started that is still running (call it in afterEach). */
export function stopGraders(): void {
  for (const child of live) if (child.exitCode === null) child.kill('SIGINT');
  live.clear();
}

/** Starts `node --import tsx grader/cli.ts ...args` without waiting for it to end (stdin piped, colours off). */
export function startGrader(args: string[], state: string, env: Record<string, string> = {}): LiveGrader {
  const child = spawn(process.execPath, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0', INIT_CWD: root, CACHELINGS_STATE_DIR: state, CACHELINGS_NO_BROWSER: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 60_000, from = 0) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = pattern.exec(text.slice(from));
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`Waited for ${pattern} but the grader printed:\n${text}`);
  };
  return { child, output: () => text, type: (input) => child.stdin!.write(input), waitFor, exited };
}
