// Finding processes a grader run left behind: every process that inherited a tagged environment variable (Linux /proc).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

/** Whether this machine lets us look (Linux with /proc). */
export const canSeeProcesses = existsSync('/proc/self/environ');

/** A fresh tag: pass `{ CACHELINGS_LEAK_TAG: tag }` in the grader's environment, then look for it. */
export function leakTag(): string {
  return randomUUID();
}

/** Processes alive now whose environment carries `tag` (pid and command line). */
export function leftovers(tag: string): { pid: number; cmd: string }[] {
  if (!canSeeProcesses) return [];
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`CACHELINGS_LEAK_TAG=${tag}`)) continue;
      const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (state === 'Z') continue; // already dead, waiting to be reaped
      found.push({ pid: Number(entry), cmd: readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' ').trim() });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Waits up to `ms` for every tagged process to be gone; returns what is still there. */
export async function settleLeftovers(tag: string, ms = 3_000): Promise<{ pid: number; cmd: string }[]> {
  const deadline = Date.now() + ms;
  let left = leftovers(tag);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    left = leftovers(tag);
  }
  return left;
}
