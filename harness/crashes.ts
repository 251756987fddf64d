// Crash watcher: uncaught exceptions the code under test let escape while clients were connected (fatal in a real server).

// Every uncaught exception recorded since watchCrashes(), with when it happened (Date.now() ms).
const crashes: { at: number; error: Error }[] = [];
let watching = false;

/** Starts recording uncaught exceptions (once per process); TcpClient.connect calls it. */
export function watchCrashes(): void {
  if (watching) return;
  watching = true;
  process.on('uncaughtException', (error) => crashes.push({ at: Date.now(), error }));
}

/** The first uncaught exception recorded since `since` (Date.now() ms), if any. */
export function firstCrashSince(since: number): Error | undefined {
  return crashes.find((entry) => entry.at >= since)?.error;
}

/** The first uncaught exception since `since` (ms), as a sentence for a Hint line. */
export function crashSince(since: number): string | undefined {
  const error = firstCrashSince(since);
  if (!error) return undefined;
  const message = JSON.stringify(error.message).slice(1, -1);
  if (message.startsWith('not implemented yet')) return `the server's code threw "${message}": fill in that TODO.`;
  return `the server's code threw ${error.name}: ${message} — an exception nobody catches ends a real server process. Answer bad input with an "ERR …" line instead.`;
}
