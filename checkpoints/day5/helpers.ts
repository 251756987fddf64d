// Shared by day 5's checkpoint files: the learner's tuned server in its own process, the gate, figures as text.
import { gates } from '../../course/gates.ts';
import { startServerProcess, type ServerProcess } from '../../harness/server-process.ts';

/** The file the day-5 checks start: the learner's tuned server. */
export const serverFile = '05-performance/server.ts';
/** The gate of the guide: more than this many operations per second (course/gates.ts). */
export const gate = gates.load.value;
/** Where the guide explains the fix for a slow server. */
export const batchingSection = 'days/05-performance/README.md, section "Batching writes"';

let running: Promise<ServerProcess> | undefined;

/** The learner's server, started once per checkpoint file in a child process (stop it with stopServer); restarted if it died. */
export async function learnerServer(): Promise<ServerProcess> {
  const current = await running?.catch(() => undefined);
  if (current?.crash()) running = undefined; // an earlier requirement saw it die: give the next one a fresh server
  running ??= startServerProcess(serverFile);
  return running;
}

/** Stops the server started by learnerServer, if any. */
export async function stopServer(): Promise<void> {
  const server = await running?.catch(() => undefined);
  server?.stop();
  running = undefined;
}

/** 123456.7 → "123,457" (course/gates.ts's `figure`). */
export { figure as ops } from '../../course/gates.ts';
