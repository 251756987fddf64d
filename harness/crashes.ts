// Crash watcher: uncaught exceptions the code under test let escape while clients were connected (fatal in a real server).

import { hintFor } from './socket-trouble.ts';

// Every uncaught exception recorded since watchCrashes(), with when it happened (Date.now() ms).
const crashes: { at: number; error: Error }[] = [];
// The class of the emitter whose 'error' event nobody listened to ('Socket', 'Interface' for node:readline), by error.
const emitters = new WeakMap<Error, string>();
let watching = false;

/** Starts recording uncaught exceptions (once per process); TcpClient.connect calls it. */
export function watchCrashes(): void {
  if (watching) return;
  watching = true;
  process.on('uncaughtException', (error) => {
    const emitter = emitterOf(error);
    if (emitter) emitters.set(error, emitter);
    crashes.push({ at: Date.now(), error });
  });
}

// Node keeps, on an 'error' event thrown for want of a listener, a function that adds "Emitted 'error' event on
// <Class> instance at: …" to the stack (what a crashed process prints); read the class from it, if it is there.
function emitterOf(error: Error): string | undefined {
  try {
    const key = Object.getOwnPropertySymbols(error).find((symbol) => symbol.description === 'kEnhanceStackBeforeInspector');
    const enhance = key && (error as unknown as Record<symbol, unknown>)[key];
    const stack = typeof enhance === 'function' ? String(enhance()) : '';
    return /Emitted 'error' event on (\w+) instance/.exec(stack)?.[1];
  } catch {
    return undefined;
  }
}

/** Whether `error` was thrown because a node:readline interface re-emitted it and had no 'error' listener. */
export function fromReadline(error: Error): boolean {
  return emitters.get(error) === 'Interface';
}

/** The first uncaught exception recorded since `since` (Date.now() ms), if any. */
export function firstCrashSince(since: number): Error | undefined {
  return crashes.find((entry) => entry.at >= since)?.error;
}

/** The first uncaught exception since `since` (ms), as a sentence for a Hint line. */
export function crashSince(since: number): string | undefined {
  const error = firstCrashSince(since);
  if (!error) return undefined;
  if (fromReadline(error)) return hintFor('readline');
  if (['ECONNRESET', 'EPIPE'].includes(String((error as NodeJS.ErrnoException).code))) return hintFor('no-error-listener');
  const message = JSON.stringify(error.message).slice(1, -1);
  if (message.startsWith('not implemented yet')) return `the server's code threw "${message}": fill in that TODO.`;
  return `the server's code threw ${error.name}: ${message} — an exception nobody catches ends a real server process. Answer bad input with an "ERR …" line instead.`;
}
