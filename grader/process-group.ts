// Every child the grader starts runs detached, in a process group of its own: tracked so Ctrl-C ends it, stopped at its
// time limit or an abort, and killed with whatever it left running (the learner's servers) once it closes. Its
// environment carries a run marker (grader/leftovers.ts), so that what escaped the group (a process the learner's
// code detached) is ended too.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { newRun, runDir, runDirVariable, runVariable, sweep } from './leftovers.ts';
import { root } from './paths.ts';

// Each running group's leader, with the marker its run carries.
const running = new Map<number, string>();

/** Kills every process group the grader started and has not yet ended, and every process of this grader's runs (on
 *  Ctrl-C and on exit); returns the pids still alive after. */
export function killAllGroups(): number[] {
  for (const pid of running.keys()) killGroup(pid);
  return sweep();
}

/** Kills the process group led by `pid` (a detached child) with SIGKILL, ignoring one that is gone, then every process
 *  that carries its run's marker, however it detached itself. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
  const marker = running.get(pid);
  if (marker) sweep(marker);
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
  const marker = newRun();
  const env = { ...options.env, [runVariable]: marker, [runDirVariable]: runDir() };
  const child = spawn(process.execPath, options.args, { cwd: root, detached: true, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'], env });
  const pid = child.pid!;
  running.set(pid, marker);
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
