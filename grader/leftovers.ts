// Nothing outlives a check: every process a run starts carries the run's marker in its environment and is swept by it
// when the run ends or is stopped (detached processes the learner's code started included, which a process-group kill
// misses); every file the grader's runs write to the temp folder lies in one folder, removed when the grader exits.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that carries a run's marker to everything the run starts. */
export const runVariable = 'CACHELINGS_RUN';

/** The environment variable naming the grader's temp folder, where a checkpoint's run ledger goes too. */
export const runDirVariable = 'CACHELINGS_RUN_DIR';

const session = `${process.pid}.${randomUUID().slice(0, 8)}`;

/** A fresh marker for one run (one vitest and all it starts); pass it to `sweep` when the run is over. */
export function newRun(): string {
  return `${session}:${randomUUID().slice(0, 8)}`;
}

// The live processes (not zombies, not this one) whose environment holds `needle` (`CACHELINGS_RUN=<marker…>`).
function marked(needle: string): number[] {
  if (process.platform === 'linux') {
    const found: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      try {
        if (
          !readFileSync(`/proc/${entry}/environ`, 'latin1')
            .split('\0')
            .some((pair) => pair.startsWith(needle))
        )
          continue;
        if (/^State:\s+Z/m.test(readFileSync(`/proc/${entry}/status`, 'utf8'))) continue;
        found.push(Number(entry));
      } catch {
        // Gone meanwhile, or not ours to read.
      }
    }
    return found;
  }
  if (process.platform !== 'darwin') return [];
  // macOS: `ps -E` prints each of the user's processes with its environment after its command line.
  const listing = execFileSync('ps', ['-axwwE', '-o', 'pid=,command='], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listing
    .split('\n')
    .filter((line) => line.includes(` ${needle}`))
    .map((line) => Number.parseInt(line, 10))
    .filter((pid) => pid && pid !== process.pid);
}

/** Kills every process of the run `marker` (without one: of every run of this grader), a few passes so that what one
 *  forks meanwhile goes too; returns the pids still alive after. */
export function sweep(marker?: string): number[] {
  const needle = `${runVariable}=${marker ?? `${session}:`}`;
  let alive = marked(needle);
  for (let pass = 0; pass < 5 && alive.length > 0; pass += 1) {
    for (const pid of alive) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    alive = marked(needle);
  }
  return alive;
}

let dir: string | undefined;

/** The grader's own folder in the temp folder (probe, hand-in, learner-run and ledger files): made on first use,
 *  removed when the grader exits, Ctrl-C included. */
export function runDir(): string {
  if (dir) return dir;
  dir = mkdtempSync(join(tmpdir(), `cachelings-grader-${process.pid}-`));
  process.once('exit', removeRunDir);
  return dir;
}

/** Removes the grader's temp folder now (at exit; and after each command run inside a test's process, whose worker
 *  may be ended without an exit event); the next run makes a new one. */
export function removeRunDir(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}
