// Every child the grader starts runs detached, in a process group of its own: tracked so Ctrl-C ends it, stopped at its
// time limit or an abort, and killed with whatever it left running (the learner's servers) once it closes.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { root } from './paths.ts';

const running = new Set<number>();

/** Kills every process group the grader started and has not yet ended (on Ctrl-C and on exit). */
export function killAllGroups(): void {
  for (const pid of running) killGroup(pid);
}

/** Kills the process group led by `pid` (a detached child) with SIGKILL, ignoring one that is gone. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** What to start: node with `args`, its environment, its stdio, and what ends it early. */
export interface GroupOptions {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Default: stdin ignored, stdout and stderr piped. */
  stdio?: StdioOptions;
  /** Past this many ms the group is killed, after `onLimit`. */
  limitMs?: number;
  onLimit?: () => void;
  /** On abort (also one that came before the start) the group is killed, after `onAbort`. */
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** A started group: its leader, a way to end it now, and its exit code once it has closed and been cleaned up. */
export interface Group {
  child: ChildProcess;
  kill: () => void;
  closed: Promise<number | null>;
}

/** Starts `node ...options.args` from the repo root as the leader of a new process group. */
export function startGroup(options: GroupOptions): Group {
  const child = spawn(process.execPath, options.args, { cwd: root, detached: true, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'], env: options.env });
  const pid = child.pid!;
  running.add(pid);
  const kill = () => killGroup(pid);
  const limit = options.limitMs === undefined ? undefined : setTimeout(() => (options.onLimit?.(), kill()), options.limitMs);
  const abort = () => (options.onAbort?.(), kill());
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const closed = new Promise<number | null>((done) => child.on('close', done)).then((code) => {
    clearTimeout(limit);
    options.signal?.removeEventListener('abort', abort);
    kill(); // anything the child left running
    running.delete(pid);
    return code;
  });
  return { child, kill, closed };
}
