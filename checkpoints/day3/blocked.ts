// Setup file of the run of the learner's race tests (day 3, race.config.ts): a watchdog thread (watchdog.mjs) that
// notices when a test keeps the event loop busy (a busy-wait latch, a loop that never awaits). The loop ticks a shared
// counter; when it stops ticking, the watchdog pauses the loop to read where it is, writes what it found beside the
// run's results, and ends the run, so a blocked test costs seconds and is named, instead of hanging to the run's limit.
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach } from 'vitest';

/** How long the loop may go without a tick before it counts as blocked. A race test should take well under a second. */
const blockedAfterMs = 3_000;

type Task = { type: string; name: string; mode: string; tasks?: Task[] };

const out = process.env.CACHELINGS_NESTED_OUT;
const ticks = new Int32Array(new SharedArrayBuffer(4));
setInterval(() => Atomics.add(ticks, 0, 1), 50).unref();

const watchdog = out
  ? new Worker(resolve(import.meta.dirname, 'watchdog.mjs'), {
      workerData: { ticks, blockedAfterMs, report: resolve(dirname(out), 'blocked.json'), target: resolve(process.env.CACHELINGS_TARGET ?? 'days') },
    })
  : undefined;
watchdog?.unref();

/** Every test under `task`, with its mode. */
function testsUnder(task: Task): { name: string; mode: string }[] {
  if (task.type === 'test') return [{ name: task.name, mode: task.mode }];
  return (task.tasks ?? []).flatMap(testsUnder);
}

let collected = false;

beforeEach((context) => {
  // The file's tests as vitest collected them, sent once: the names can be judged even if no test finishes.
  if (!collected) watchdog?.postMessage({ collected: testsUnder(context.task.file as unknown as Task) });
  collected = true;
  watchdog?.postMessage({ test: context.task.name, line: context.task.location?.line });
});

afterEach(() => {
  watchdog?.postMessage({ test: undefined, line: undefined });
});
