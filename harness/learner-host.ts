// The checkpoint's side of the learner host: the learner's modules run in a separate Node process (harness/
// learner-host-main.mjs, under Node's permission model), reached over IPC, so their code never shares a realm with the
// test runner that decides pass or fail.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './learner-bundle.ts';
import { root } from './paths.ts';

/** What the learner's code threw, as it crossed back. */
export interface Thrown {
  name: string;
  message: string;
  stack?: string;
  fields?: Record<string, unknown>;
}

/** A reply of the host: a value, a handle on an object that stays there, or what was thrown. */
export interface Reply {
  value?: unknown;
  handle?: number;
  /** A value the structured clone would change, named: the learner's own `Object.prototype` or `Object`, or an object
   *  without a prototype (its fields in `value`). */
  known?: 'Object.prototype' | 'Object' | 'null-prototype';
  error?: Thrown;
}

/** The host ended while `pending` calls waited: how it ended, for the message. */
export class HostEnded extends Error {}

// Twice a test's time: the test gives up first and says so; then a host still busy is ended.
const timeLimitMs = 2 * Number(process.env.CACHELINGS_TEST_TIMEOUT ?? 5_000);
const main = fileURLToPath(new URL('./learner-host-main.mjs', import.meta.url));
const permission = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/** Where a host's scratch folder goes: under the grader, beside its probe file (the grader removes both after the
 *  run, grader/vitest-run.ts); else in the OS temp folder. */
function scratchPrefix(): string {
  const probe = process.env.CACHELINGS_PROBE_FILE;
  if (!probe) return join(tmpdir(), 'cachelings-host-');
  mkdirSync(`${probe}.hosts`, { recursive: true });
  return join(`${probe}.hosts`, 'host-');
}

/** One learner host process and its scratch folder of bundles. */
class Host {
  readonly dir = mkdtempSync(scratchPrefix());
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();
  private nextId = 1;
  ended?: string;

  constructor(tree: string) {
    // The host may read its own script, the bundles and the learner's tree, and write in that tree (the learner's
    // files are theirs) unless the tree holds the workbook or the grader's state; it may not start processes or threads.
    const write = writable(tree) ? [`--allow-fs-write=${tree}/*`] : [];
    this.child = fork(main, [], {
      execArgv: [
        permission,
        `--allow-fs-read=${main}`,
        `--allow-fs-read=${this.dir}/*`,
        `--allow-fs-read=${tree}/*`,
        ...write,
        '--enable-source-maps',
        '--no-warnings',
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The checkpoint's environment, so a sweep that tags a run's processes finds this one; minus NODE_OPTIONS, whose
      // hooks (harness/any-tree-register.mjs) need the threads and files this process may not have.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    this.child.on('message', (reply: Reply & { id: number }) => {
      const call = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      this.idle();
      call?.done(reply);
    });
    this.child.on('exit', (code, signal) => {
      this.ended = signal ? `it was killed by ${signal}` : `it exited with code ${code}`;
      for (const call of this.pending.values()) call.fail(new HostEnded(this.ended));
      this.pending.clear();
      rmSync(this.dir, { recursive: true, force: true });
      scratch.delete(this.dir);
      if (current === this) current = undefined;
    });
    scratch.add(this.dir);
    this.idle();
  }

  /** Sends one request and resolves with the host's reply. */
  ask(request: Record<string, unknown>): Promise<Reply> {
    if (this.ended) return Promise.reject(new HostEnded(this.ended));
    const id = this.nextId++;
    this.child.ref();
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
    return new Promise((done, fail) => {
      // A call the learner's code never returns from (a loop) leaves the host busy: end it, the next call gets a new one.
      const timer = setTimeout(() => this.stop(), timeLimitMs);
      this.pending.set(id, { done: (reply) => (clearTimeout(timer), done(reply)), fail: (error) => (clearTimeout(timer), fail(error)) });
      this.child.send({ ...request, id });
    });
  }

  private readonly bundles = new Map<string, Promise<string>>();

  /** The bundle of `file` (absolute; `tree` is the tree being graded), made once per host. */
  bundleOf(file: string, tree: string): Promise<string> {
    if (!this.bundles.has(file)) this.bundles.set(file, bundle(file, this.dir, tree));
    return this.bundles.get(file)!;
  }

  /** Ends the host (a call that never came back leaves it busy). */
  stop(): void {
    this.child.kill('SIGKILL');
  }

  // With nothing pending, the host does not keep the checkpoint's process alive.
  private idle(): void {
    if (this.pending.size > 0) return;
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }
}

/** Whether the learner's code may write in `tree`: not when the tree holds the workbook, its state or the seal key. */
function writable(tree: string): boolean {
  const within = (path: string) => path === tree || path.startsWith(`${tree}${sep}`);
  const guarded = [
    root,
    resolve(root, process.env.CACHELINGS_STATE_DIR ?? '.cachelings'),
    ...(process.env.CACHELINGS_KEY_FILE ? [resolve(process.env.CACHELINGS_KEY_FILE)] : []),
  ];
  return !guarded.some(within);
}

let current: Host | undefined;

// The hosts' scratch folders: each goes when its host ends, or at the latest when this process exits (a host still
// running then is in this run's process group, which the grader ends). One set and one listener across module reloads.
const scratch = ((globalThis as { [key: symbol]: Set<string> | undefined })[Symbol.for('cachelings.learner-host-scratch')] ??= (() => {
  const dirs = new Set<string>();
  process.once('exit', () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return dirs;
})());

// Every host this process started, across module reloads: the grader loads the harness afresh for each file
// (grader/fresh-modules.ts) and the UI for each re-run, and the hosts of files that are done must not linger.
const hosts = ((globalThis as { [key: symbol]: Set<Host> | undefined })[Symbol.for('cachelings.learner-hosts')] ??= new Set<Host>());

/** The running learner host for the tree `tree`, started on first use (and again after one ended); a new one ends
 *  the hosts of earlier files (files run one at a time), so each file gets the learner's modules afresh. */
export function learnerHost(tree: string): Host {
  if (current) return current;
  for (const old of hosts) old.stop();
  hosts.clear();
  current = new Host(tree);
  hosts.add(current);
  return current;
}
