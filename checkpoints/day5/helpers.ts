// Shared by day 5's checkpoint files: the learner's tuned server in its own process, a line session, figures as text.
import { connect, type Socket } from 'node:net';
import { CheckError } from '../support/check.ts';
import { shown } from '../support/learner.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** The file the day-5 checks start: the learner's tuned server. */
export const serverFile = '05-performance/server.ts';
/** The gate of the guide: more than this many operations per second. */
export const gate = 50_000;
/** Where the guide explains the fix for a slow server. */
export const batchingSection = 'days/05-performance/README.md, section "Batching writes"';

let running: Promise<ServerProcess> | undefined;

/** The learner's server, started once per checkpoint file in a child process (stop it with stopServer). */
export function learnerServer(): Promise<ServerProcess> {
  running ??= startServerProcess(serverFile);
  return running;
}

/** Stops the server started by learnerServer, if any. */
export async function stopServer(): Promise<void> {
  const server = await running?.catch(() => undefined);
  server?.stop();
  running = undefined;
}

/** 123456.7 → "123,457". */
export function ops(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A bare TCP session that records what was sent and received, for failure messages. */
export class Session {
  readonly transcript: string[] = [];
  #socket: Socket;
  #buffer = '';
  #waiting: (() => void) | undefined;
  #closed = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer += chunk.toString('utf8');
      this.#waiting?.();
    });
    socket.on('close', () => {
      this.#closed = true;
      this.#waiting?.();
    });
    socket.on('error', () => {});
  }

  /** Connects to 127.0.0.1:`port`. */
  static open(port: number): Promise<Session> {
    return new Promise((done, fail) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => done(new Session(socket)));
      socket.once('error', (error) => fail(new CheckError(`Could not connect to your server on port ${port}: ${error.message}`, { where: `startServer in ${shown(serverFile)}` })));
    });
  }

  /** Sends `bytes` as one write (shown as `[client] …` in the transcript). */
  send(bytes: string): void {
    this.transcript.push(`[client] ${JSON.stringify(bytes)}`);
    this.#socket.write(bytes);
  }

  /** Waits until `count` lines (ending in `\n`) have arrived and returns them without their line ends. */
  async lines(count: number, timeoutMs = 2000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.#buffer.split('\n').length - 1 < count && !this.#closed && Date.now() < deadline) {
      await new Promise<void>((done) => {
        const timer = setTimeout(done, deadline - Date.now());
        this.#waiting = () => {
          clearTimeout(timer);
          done();
        };
      });
    }
    const parts = this.#buffer.split('\n');
    const got = parts.slice(0, Math.min(count, parts.length - 1));
    this.#buffer = parts.slice(got.length).join('\n');
    this.transcript.push(`Received: ${JSON.stringify(got.map((line) => `${line}\n`).join('') + (got.length < count ? this.#buffer : ''))}`);
    if (got.length < count) {
      const why = this.#closed ? 'Hint: EOF — your server closed the connection before it answered.' : `Hint: timed out after ${timeoutMs} ms — a reply that was never written, or written without its "\\n"?`;
      throw new CheckError(`Expected ${count} reply line(s), got ${got.length}.\n${this.transcript.join('\n')}\n${why}`, {
        where: `the connection handler in ${shown(serverFile)}`,
      });
    }
    return got.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  }

  close(): void {
    this.#socket.destroy();
  }
}
