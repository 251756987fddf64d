// Day 4 checkpoint helpers: figures as people read them, the run's transcript, and hints for socket errors.
import { figure } from '../../course/gates.ts';
import type { CountingServerOptions } from '../../harness/counting-server.ts';

/** A number as `12,345` (whole) for messages. */
export const count = figure;

/** Whether `ms` is within 10% of `askedMs`, plus 100 ms to open and close connections. */
export function inWindow(ms: number, askedMs: number): boolean {
  return ms >= askedMs * 0.9 && ms <= askedMs * 1.1 + 100;
}

/** The first lines of a run's transcript: the server as configured, and the call made. */
export function story(server: CountingServerOptions, options: object): string[] {
  const quirks = [
    server.latencyMs ? `${server.latencyMs} ms latency per command` : '',
    server.slowEvery ? `every ${server.slowEvery}th command of each connection answered ${server.slowMs ?? 0} ms later still` : '',
    server.tailEvery
      ? `the ${server.tailEvery}th command over all connections and the next ${(server.tailCount ?? 1) - 1} ${server.tailEvery}th ones answered ${server.tailMs ?? 0} ms later still`
      : '',
    server.errorEvery ? `every ${server.errorEvery}th command answered "ERR injected failure"` : '',
    server.dropEvery ? `each connection closed by the server at its ${server.dropEvery}th command (every other one with a reset: ECONNRESET)` : '',
    server.holdFromMs !== undefined
      ? `replies to commands arriving after ${server.holdFromMs} ms held back ${server.holdForMs ?? 0} ms (they come after the deadline)`
      : '',
    server.stallForMs !== undefined
      ? `the grader's event loop held for ${server.stallForMs} ms from ${server.stallAfterMs ?? 0} ms after the first reply (as a long GC pause would)`
      : '',
  ].filter(Boolean);
  const port = (options as { port?: number }).port;
  return [
    `[grader] counting server on 127.0.0.1:${port}${quirks.length > 0 ? `, ${quirks.join(', ')}` : ''}`,
    `[grader] runLoadTest(${JSON.stringify(options)})`,
  ];
}

/** A `Hint:` for the socket errors a load tester meets, or a general next step. */
export function hintFor(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? '';
  if (code === 'ECONNRESET' || /ECONNRESET/.test(message)) {
    return 'Hint: ECONNRESET means the other side closed the connection abruptly. Listen for "error" on every socket, count it as an error, and keep the run going.';
  }
  if (code === 'EPIPE' || /EPIPE|write after end|ERR_STREAM_DESTROYED/.test(message)) {
    return 'Hint: you wrote to a socket that was already closed. Check that the connection is still open before sending, and open a new one if not.';
  }
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) {
    return 'Hint: ECONNREFUSED means nothing listened on that port. Use the host and port from the options you were given.';
  }
  if (/closed|EOF|end/i.test(message)) {
    return 'Hint: EOF is short for "end of file": the server closed the connection. A dropped connection is one error, not the end of the run.';
  }
  return 'Handle the error inside the connection loop: count it in errors and keep going until the deadline.';
}
