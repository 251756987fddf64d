// Why a connection to the server under test failed: the trouble codes, their Hint lines, and the error that shows them.
import { CheckError, type Advice } from './check.ts';
import type { Transcript } from './transcript.ts';

/** Why a connection stopped answering, as a learner can look it up. */
export type Trouble = 'EOF' | 'ECONNRESET' | 'ECONNREFUSED' | 'EADDRINUSE' | 'timeout' | 'EPIPE';

/** The `Hint:` line for a known network trouble. */
export function hintFor(trouble: Trouble | string, ms = 0): string {
  switch (trouble) {
    case 'EOF':
      return 'EOF is short for "end of file": the server closed the connection before replying. Did it end the socket after an error (it should stay open), or did your code throw? Look for an error printed above.';
    case 'ECONNRESET':
    case 'EPIPE':
      return `${trouble} means the server dropped the connection abruptly (socket.destroy(), or the process threw while handling it).`;
    case 'ECONNREFUSED':
      return 'ECONNREFUSED means nothing is listening on that port. Does startServer resolve only after listen() has finished, with the port from server.address()?';
    case 'EADDRINUSE':
      return 'EADDRINUSE means the port is still taken. Does close() stop listening and end every client socket before it resolves?';
    case 'no-error-listener':
      return "a client vanished (a TCP reset), so its socket on the server emitted 'error' (ECONNRESET or EPIPE); with no 'error' listener on that socket, Node throws the error and the whole server dies with every client.";
    case 'readline':
      return "node:readline passes every error of the socket it reads (ECONNRESET when a client vanishes) on as an 'error' event of the interface createInterface returned; with no listener there, Node throws it and the server dies, even when the socket has its own listener: the interface needs one too.";
    case 'timeout':
      return `nothing arrived within ${ms} ms. Does the server write a reply ending in "\\n" for every complete line, even when the line came in several pieces or several lines came in one piece?`;
    default:
      return `the connection failed with ${trouble}.`;
  }
}

/** A failed network requirement: its advice with the transcript and the Hint for a known trouble. */
export class NetworkCheckError extends CheckError {
  constructor(headline: string, advice: Advice, transcript: Transcript, hint?: string) {
    super(headline, { ...advice, transcript: transcript.render(), ...(hint && { hint }) });
  }
}
