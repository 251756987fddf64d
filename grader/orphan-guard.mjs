// Loaded into every vitest the grader starts (`childNodeFlags` in grader/paths.ts: `node --import …/grader/orphan-guard.mjs`): if the grader dies without
// cleaning up (killed, crashed, its terminal closed), this process group ends itself instead of running on.
const parent = process.ppid;

const timer = setInterval(() => {
  if (process.ppid === parent) return;
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
}, 500);
timer.unref();
