// Loaded into every vitest the grader starts (`childNodeFlags` in grader/paths.ts: `node --import …/grader/orphan-guard.mjs`):
// if the grader dies without cleaning up (killed, crashed, its terminal closed), this process group ends itself instead
// of running on, and on Linux first ends every process its run marked (CACHELINGS_RUN, grader/leftovers.ts), the
// learner's detached ones too.
import { readdirSync, readFileSync } from 'node:fs';

const parent = process.ppid;
const marker = process.env.CACHELINGS_RUN;

// Kills every other process whose environment carries this run's marker (Linux /proc; elsewhere the group kill only).
function sweepRun() {
  if (!marker || process.platform !== 'linux') return;
  const needle = `CACHELINGS_RUN=${marker}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(needle)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
}

const timer = setInterval(() => {
  if (process.ppid === parent) return;
  sweepRun();
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
}, 500);
timer.unref();
