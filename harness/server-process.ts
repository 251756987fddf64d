// Starts the learner's server in a child process, so that it and the load generator each get a core of their own.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CheckError } from './check.ts';
import { shown, targetDir } from './learner.ts';

const runner = resolve(import.meta.dirname, 'serve.ts');

/** A learner's server running in its own process. */
export interface ServerProcess {
  port: number;
  pid: number;
  /** The last lines the server printed (its logs), for failure messages. */
  output: string[];
  /** The bytes the server's JavaScript holds after a full garbage collection (heap and buffers); undefined when it
   *  does not answer within 15 s. */
  heap(): Promise<number | undefined>;
  /** Sends `command` to the server's process (serve.ts) and resolves with its `@@<tag>` answer (undefined after `ms`,
   *  15 s by default, or at once when the process has ended). */
  ask(command: string, tag: string, ms?: number): Promise<string | undefined>;
  /** When the server's process has died: how, with its last lines (an uncaught exception shows here); otherwise undefined. */
  crash(): string | undefined;
  /** Like crash(), but first gives a dying process up to `ms` to be reported as ended (a client often sees EOF first). */
  crashWithin(ms: number): Promise<string | undefined>;
  stop(): void;
}

/** Starts `startServer({ port: 0 })` from `file` (relative to the graded tree) in a child process. */
export async function startServerProcess(file: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', runner, resolve(targetDir, file)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting: { tag: string; answer: (text: string) => void }[] = [];
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 20) output.shift();
  };
  // Always read what the server prints: a full pipe would stall a server that logs.
  createInterface({ input: child.stderr! }).on('line', keep);
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const reply = await new Promise<Record<string, unknown> | undefined>((done) => {
    const timer = setTimeout(() => done(undefined), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const asked = /^@@([\w-]+) (.*)$/.exec(line);
      const at = asked ? waiting.findIndex((one) => one.tag === asked[1]) : -1;
      if (at >= 0) return waiting.splice(at, 1)[0]!.answer(asked![2]!);
      if (!line.startsWith('@@serve ')) return keep(line);
      clearTimeout(timer);
      done(JSON.parse(line.slice(8)) as Record<string, unknown>);
    });
    child.on('exit', () => done(undefined));
  });
  let stopped = false;
  const crash = () => {
    if (stopped || (child.exitCode === null && child.signalCode === null)) return undefined;
    const how = child.exitCode !== null ? `with exit code ${child.exitCode}` : `on signal ${child.signalCode}`;
    return `Your server's process ended ${how}. Its last lines:\n${output.map((line) => `  [your_server] ${line}`).join('\n') || '  (nothing)'}`;
  };
  const stopOnce = () => {
    stopped = true;
    stop();
  };
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const crashWithin = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((done) => (timer = setTimeout(done, ms)))]);
    clearTimeout(timer);
    return crash();
  };
  // A process that has ended cannot read: writing to its stdin would raise EPIPE, and crash() already tells why it ended.
  child.stdin!.on('error', () => {});
  const ask = (command: string, tag: string, ms = 15_000) =>
    new Promise<string | undefined>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done(undefined);
      const entry = {
        tag,
        answer: (text: string) => {
          clearTimeout(timer);
          done(text);
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        done(undefined);
      }, ms);
      waiting.push(entry);
      child.stdin!.write(`${command}\n`);
    });
  const heap = async () => {
    const answer = await ask('heap', 'heap');
    return answer === undefined ? undefined : Number(answer);
  };
  const port = typeof reply?.port === 'number' ? reply.port : undefined;
  if (port !== undefined && !fixedPorts.includes(port)) return { port, pid: child.pid!, output, heap, ask, crash, crashWithin, stop: stopOnce };
  stop();
  throw port !== undefined ? ignoredPortZero(file, port) : startError(file, reply?.error as Record<string, string> | undefined, output);
}

// The workbook's default ports: port 0 never yields one of them (the system picks free ports from 32768 up).
const fixedPorts = [6379, 6380];
const orDefault = '`options.port || 6380` (or `port || 6379`) reads 0 as "no port given"';

// A server asked for port 0 that listened on its default port instead.
function ignoredPortZero(file: string, port: number): CheckError {
  return new CheckError(`startServer({ port: 0 }) listened on ${port}, a fixed port: 0 asks the system for any free port.`, {
    received: `port ${port}`,
    where: `startServer in ${shown(file)}`,
    fix: `Pass options.port on to listen() as it is. ${orDefault}: use \`options.port ?? 6380\` or a default parameter.`,
  });
}

function startError(file: string, error: Record<string, string> | undefined, output: string[]): Error {
  const where = `startServer in ${shown(file)}`;
  if (!error) {
    return new CheckError(`Your server did not start: startServer({ port: 0 }) had not resolved after 20 s.`, {
      received: output.length ? output.join('\n') : 'no output',
      where,
      fix: 'Resolve the promise from the listen callback, with the port from server.address().',
    });
  }
  if (error.message?.startsWith('not implemented yet')) return Object.assign(new Error(error.message), { name: 'Error' });
  if (error.name === 'MissingExport')
    return new CheckError(`${shown(file)} has no export named startServer.`, { fix: 'Export it: `export async function startServer(options) { … }`.' });
  const hint =
    error.code === 'EADDRINUSE'
      ? `EADDRINUSE means the port is taken, yet the grader asked for port 0, with which the system picks a free one: your server chose a port itself. Pass options.port to listen() as it is; ${orDefault}.`
      : undefined;
  return new CheckError(`Your server did not start: ${error.name}: ${error.message}`, {
    ...(hint && { hint }),
    where,
    fix: `Run it yourself to see the full error: node --import tsx ${shown(file).replace(/server\.ts$/, 'main.ts')}`,
  });
}
