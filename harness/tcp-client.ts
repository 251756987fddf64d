// A small line-based TCP client for checkpoints: raw writes, reply lines with timeouts, a transcript on failure.
import type { Socket } from 'node:net';
import type { Advice } from './check.ts';
import { crashCause, frameIn, type Cause } from './cause.ts';
import { crashSince, firstCrashSince, watchCrashes } from './crashes.ts';
import { targetDir } from './learner.ts';
import { openSocket } from './open-socket.ts';
import { ReplyLines } from './reply-lines.ts';
import { hintFor, NetworkCheckError, type Trouble } from './socket-trouble.ts';
import { escapeBytes, Transcript } from './transcript.ts';

// Clients whose socket is not closed yet, for destroyAllClients().
const open = new Set<TcpClient>();

/** Destroys every client still open (call it in afterEach). */
export function destroyAllClients(): void {
  for (const client of open) client.destroy();
}

/** Options of TcpClient.connect. */
export interface ConnectOptions {
  host?: string;
  /** Shown in the transcript: `[client 2] GET k`. */
  name?: string;
  /** Share one transcript between clients to see how their lines interleave. */
  transcript?: Transcript;
  /** Keep retrying a refused connection this long (ms). */
  retryMs?: number;
  /** The learner's file and function to name on failure. */
  where?: string;
  /** What the learner's handleLine answers to these lines on a fresh cache (null: no reply), when that can be
   *  told apart from the server; a wrong reply is then blamed on handleLine or on the server accordingly. */
  replay?: (lines: string[]) => (string | null)[] | undefined;
  /** Where to look when handleLine itself gives the wrong answer. */
  protocolWhere?: string;
  /** What handleLine answers to one line on a fresh cache (for replies that answer a piece of a line). */
  answerAlone?: (line: string) => string | null | undefined;
  /** How many other clients of the same server are connected now. */
  othersOpen?: () => number;
}

/** One connection to the server under test. */
export class TcpClient {
  readonly name: string;
  readonly transcript: Transcript;
  readonly where: string | undefined;
  /** 'EOF' after the server ended the connection, or the error code that broke it. */
  trouble: Trouble | string | undefined;
  /** Resolves when the socket is fully closed. */
  readonly closed: Promise<void>;
  #socket: Socket;
  #lines = new ReplyLines();
  #wake: () => void = () => {};
  #lastSent = '';
  #since: number;
  #options: ConnectOptions;
  #sentBytes = Buffer.alloc(0);
  #writes: Buffer[] = [];
  #repliesRead = 0;

  private constructor(socket: Socket, options: ConnectOptions, since: number) {
    this.#socket = socket;
    this.#since = since;
    this.name = options.name ?? 'client';
    this.transcript = options.transcript ?? new Transcript();
    this.where = options.where;
    this.#options = options;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('end', () => this.#stop('EOF'));
    socket.on('error', (error: NodeJS.ErrnoException) => this.#stop(error.code ?? error.message));
    this.closed = new Promise((done) => socket.once('close', () => done()));
    open.add(this);
    void this.closed.then(() => open.delete(this));
  }

  /** Connects to 127.0.0.1:`port` (or options.host), retrying refused connections for options.retryMs (default 1000). */
  static async connect(port: number, options: ConnectOptions = {}): Promise<TcpClient> {
    const host = options.host ?? '127.0.0.1';
    const transcript = options.transcript ?? new Transcript();
    watchCrashes();
    const started = Date.now();
    try {
      const socket = await openSocket(host, port, started + (options.retryMs ?? 1000));
      return new TcpClient(socket, { ...options, transcript }, started);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'timeout';
      transcript.note(options.name ?? 'client', `could not connect to ${host}:${port} (${code})`);
      const cause: Cause = { kind: 'server-not-started', title: `nothing accepts connections on the port the server gave (${code})` };
      throw new NetworkCheckError(
        `Could not connect to the server at ${host}:${port}.`,
        { received: code, where: options.where, cause },
        transcript,
        hintFor(code, 2000),
      );
    }
  }

  /** Whether the last bytes this client sent do not end a line (a half line the server still holds). */
  get leftHalfLine(): boolean {
    return this.#sentBytes.length > 0 && this.#sentBytes.at(-1) !== 0x0a;
  }

  /** Sends raw bytes as they are (no newline added). */
  async send(bytes: Buffer | string): Promise<void> {
    this.transcript.sent(this.name, bytes);
    this.#sentBytes = Buffer.concat([this.#sentBytes, Buffer.from(bytes)]);
    this.#writes.push(Buffer.from(bytes));
    const text = Buffer.from(bytes).toString('utf8').trim();
    const last = text.split('\n').pop()!;
    if (text) this.#lastSent = last.length > 60 ? `${last.slice(0, 60)}…` : last;
    await new Promise<void>((done) => {
      if (this.#socket.destroyed) return done();
      this.#socket.write(bytes, () => done());
    });
  }

  /** Sends `bytes` in pieces cut at `cuts` (byte offsets), pausing `gapMs` between pieces so each arrives on its own. */
  async sendInPieces(bytes: Buffer | string, cuts: number[], gapMs = 15): Promise<void> {
    const buffer = Buffer.from(bytes);
    const points = [...new Set(cuts)].filter((cut) => cut > 0 && cut < buffer.length).sort((a, b) => a - b);
    let start = 0;
    for (const end of [...points, buffer.length]) {
      await this.send(buffer.subarray(start, end));
      start = end;
      if (end < buffer.length && gapMs > 0) await new Promise((done) => setTimeout(done, gapMs));
    }
  }

  /** The next reply line (without "\n" or "\r\n"), or a NetworkCheckError on EOF, reset or timeout. */
  async readLine(timeoutMs = 2000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.#lines.shift();
      if (line) {
        this.#repliesRead += 1;
        this.transcript.received(this.name, line);
        return line.toString('utf8');
      }
      if (this.trouble) throw this.#failure(this.trouble, timeoutMs);
      const left = deadline - Date.now();
      if (left <= 0) throw this.#failure('timeout', timeoutMs);
      await this.#nap(left);
    }
  }

  /** Sends `line` plus "\n" and returns the reply line. */
  async request(line: string, timeoutMs = 2000): Promise<string> {
    await this.send(`${line}\n`);
    return this.readLine(timeoutMs);
  }

  /** Sends `line` plus "\n" and fails unless the reply is exactly `expected`. */
  async expectReply(line: string, expected: string, advice: Omit<Advice, 'expected' | 'received'> = {}): Promise<void> {
    const reply = await this.request(line);
    this.expectLine(reply, expected, `${JSON.stringify(line)} got the wrong reply.`, advice);
  }

  /** Fails with the transcript unless `received` is `expected`. */
  expectLine(received: string, expected: string, headline: string, advice: Omit<Advice, 'expected' | 'received'> = {}): void {
    if (received === expected) return;
    const blame = this.#blame(received, expected);
    // handleLine is wrong but the test expected trouble elsewhere: its advice would point the wrong way.
    if (blame.cause?.kind === 'handleLine-wrong' && advice.where !== blame.where)
      blame.fix = 'Call handleLine with that line on a new Cache (in a small script or test) and compare its answer with the protocol table of the guide.';
    throw this.fail(headline, { where: this.where, ...advice, ...blame, expected: JSON.stringify(expected), received: JSON.stringify(received) });
  }

  // Who gave the wrong reply: handleLine (it answers the same on a fresh cache) or the server around it.
  #blame(received: string | null, expected: string): Advice {
    if (received !== null && this.#answersAPiece(received)) {
      return { cause: { kind: 'line-in-pieces', title: 'the server answers a piece of a line as if it were a whole line' } };
    }
    const answers = this.#replay();
    if (!answers) return { cause: { kind: 'reply-mismatch', title: `a reply differs from the protocol table: ${JSON.stringify(expected)} expected` } };
    const answer = received === null ? answers.at(-1) : answers.filter((each) => each !== null)[this.#repliesRead - 1];
    const words = (text: string | null | undefined) => (text === null ? 'no reply (null)' : JSON.stringify(text));
    if (answer === received || (received === null && answer === null)) {
      return {
        where: this.#options.protocolWhere,
        cause: { kind: 'handleLine-wrong', title: `handleLine returns ${words(received)} where the protocol table says ${JSON.stringify(expected)}` },
      };
    }
    // handleLine answers right: the server around it is wrong, whatever the test expected to be at fault.
    if (answer === expected)
      return {
        where: this.where,
        cause: { kind: 'reply-mismatch', title: `the server answered ${words(received)} where handleLine answers ${words(answer)}` },
      };
    return { cause: { kind: 'reply-mismatch', title: `the server answered ${words(received)} where handleLine answers ${words(answer)}` } };
  }

  // Whether `received` is handleLine's answer to a piece of a line this client wrote (a write that was not whole lines).
  #answersAPiece(received: string): boolean {
    const answer = this.#options.answerAlone;
    if (!answer) return false;
    const whole = new Set(
      this.#sentBytes
        .toString('utf8')
        .split('\n')
        .map((line) => line.replace(/\r$/, '')),
    );
    const pieces = this.#writes.flatMap((write) => write.toString('utf8').split('\n')).map((piece) => piece.replace(/\r$/, ''));
    return pieces.some((piece) => piece.trim() !== '' && piece.length < 1000 && !whole.has(piece) && safely(() => answer(piece)) === received);
  }

  // handleLine's answers to every complete line sent so far, or undefined when they cannot stand for the server's.
  #replay(): (string | null)[] | undefined {
    if (!this.#options.replay) return undefined;
    const text = this.#sentBytes.toString('utf8');
    const lines = text
      .split('\n')
      .slice(0, -1)
      .map((line) => line.replace(/\r$/, ''));
    if (lines.some((line) => line.length > 60_000)) return undefined;
    try {
      return this.#options.replay(lines);
    } catch {
      return undefined;
    }
  }

  /** A NetworkCheckError carrying this client's transcript. */
  fail(headline: string, advice: Advice = {}, hint?: string): NetworkCheckError {
    return new NetworkCheckError(headline, { where: this.where, ...advice }, this.transcript, hint);
  }

  /** Resolves true once the server has ended or closed the connection, false after `timeoutMs`. */
  async waitForEnd(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.trouble && Date.now() < deadline) await this.#nap(deadline - Date.now());
    return this.trouble !== undefined;
  }

  /** Ends the connection politely (FIN). */
  end(): void {
    this.#socket.end();
  }

  /** Closes the connection from this side (FIN), dropping anything not yet read. */
  destroy(): void {
    this.transcript.note(this.name, 'disconnects');
    this.#socket.destroy();
  }

  /** Drops the connection with a TCP reset, like a client that crashes or loses its network. */
  reset(): void {
    this.transcript.note(this.name, 'vanishes (connection reset)');
    this.#socket.resetAndDestroy();
  }

  // Resolves after `ms`, or sooner when bytes arrive or the connection stops.
  #nap(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, ms);
      this.#wake = () => {
        clearTimeout(timer);
        done();
      };
    });
  }

  #onData(chunk: Buffer): void {
    this.#lines.push(chunk);
    this.#wake();
  }

  #stop(trouble: string): void {
    if (this.trouble) return;
    this.trouble = trouble;
    if (this.#lines.unfinished.length > 0) this.transcript.received(this.name, this.#lines.unfinished);
    this.transcript.note(this.name, trouble === 'EOF' ? 'connection closed by the server' : `connection failed: ${trouble}`);
    this.#wake();
  }

  #failure(trouble: string, timeoutMs: number): NetworkCheckError {
    const what = this.#lastSent ? `a reply to ${JSON.stringify(this.#lastSent)}` : 'a reply';
    const unfinished = this.#lines.unfinished;
    if (trouble === 'timeout' && unfinished.length > 0) {
      // Bytes came, but no "\n" after them: the reply is there, only its end is missing.
      this.transcript.received(this.name, unfinished);
      this.transcript.note(this.name, `(no "\\n" after it within ${timeoutMs} ms)`);
      return this.fail(
        `Waited for ${what}: ${JSON.stringify(unfinished.toString('utf8').slice(0, 80))} arrived, but no "\\n" after it, so the line never ended.`,
        {
          expected: 'one line ending in "\\n"',
          received: `${escapeBytes(unfinished)} with no "\\n" after it (nothing more within ${timeoutMs} ms)`,
          where: this.where,
          fix: 'end every reply with "\\n": socket.write(reply + "\\n")',
          cause: { kind: 'no-newline', title: 'the reply came without "\\n" at its end' },
        },
      );
    }
    const received = trouble === 'timeout' ? `nothing within ${timeoutMs} ms` : trouble === 'EOF' ? 'the connection was closed (EOF)' : trouble;
    if (trouble === 'timeout') this.transcript.note(this.name, `(no reply within ${timeoutMs} ms)`);
    const hint = crashSince(this.#since) ?? hintFor(trouble, timeoutMs);
    return this.fail(
      `Waited for ${what}, but ${trouble === 'timeout' ? 'none came' : 'the connection ended'}.`,
      { expected: 'one line ending in "\\n"', received, ...this.#trouble(trouble, timeoutMs) },
      hint,
    );
  }

  // The cause behind a missing reply: an exception the server let escape, handleLine answering null, or the server.
  #trouble(trouble: string, timeoutMs: number): Advice {
    const crash = firstCrashSince(this.#since);
    if (crash) {
      const cause = crashCause(crash);
      const sockets = cause.kind === 'connection-reset' ? "every accepted socket needs an 'error' listener" : undefined;
      return { cause, where: sockets ?? frameIn(crash.stack, targetDir) ?? this.where };
    }
    if (trouble !== 'timeout') return { cause: { kind: 'connection-reset', title: `the server ended the connection (${trouble}) instead of replying` } };
    if ((this.#options.othersOpen?.() ?? 0) > 0) return { cause: { kind: 'other-client-waits', title: 'no reply while another client was connected' } };
    const answers = this.#replay();
    if (answers && answers.at(-1) === null && this.#lastSent) {
      return {
        where: this.#options.protocolWhere,
        cause: { kind: 'handleLine-wrong', title: `handleLine returns null (no reply) for ${JSON.stringify(this.#lastSent)}` },
      };
    }
    return { cause: { kind: 'no-reply', title: `no reply within ${timeoutMs} ms` } };
  }
}

// `run()`, or undefined when it throws (the learner's handleLine may throw on a piece of a line).
function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
