// Day 6 steps 5 and 6: the learner's `npm start` (02-server/main.ts) as a child process, and one client line to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { root } from '../../harness/paths.ts';
import { CheckError } from '../../harness/check.ts';
import { targetDir } from '../../harness/learner.ts';
import { canConnect, freePort } from '../../harness/ports.ts';

/** The learner's server, started as `npm start` would, in its own process group. */
export interface RunningServer {
  port: number;
  /** What it printed so far, one line per entry. */
  output: string[];
  child: ChildProcess;
}

/** Kills the server's whole process group (tsx starts a child of its own). */
export function stopServer(server: RunningServer | undefined): void {
  if (!server?.child.pid) return;
  try {
    process.kill(-server.child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Starts `02-server/main.ts --port P` and waits until it accepts a connection (at most `waitMs`). */
export async function startMain(waitMs = 15_000): Promise<RunningServer> {
  const port = await freePort();
  const main = resolve(targetDir, '02-server/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), FORCE_COLOR: '0' },
  });
  const server: RunningServer = { port, output: [], child };
  const collect = (chunk: Buffer) =>
    server.output.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exitCode: number | null | undefined;
  child.on('exit', (code) => (exitCode = code));
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) break;
    if (await canConnect(port)) return server;
    await new Promise((done) => setTimeout(done, 150));
  }
  stopServer(server);
  const printed =
    server.output
      .filter((line) => !/^\s+at /.test(line))
      .slice(0, 8)
      .map((line) => `  [your_server] ${line}`)
      .join('\n') || '  (nothing)';
  const notYet = server.output.find((line) => line.includes('not implemented yet'));
  throw new CheckError(notYet ? notYet.replace(/^.*?(not implemented yet)/, '$1') : `Your server did not accept connections on port ${port}.`, {
    expected: `\`node --import tsx 02-server/main.ts --port ${port}\` listening on 127.0.0.1:${port} within ${waitMs / 1000} s`,
    received: exitCode !== undefined ? `it exited with code ${exitCode}; it printed:\n${printed}` : `no connection accepted; it printed:\n${printed}`,
    where: 'days/02-server/main.ts (reads --port / PORT, then calls startServer)',
    fix: 'run `npm start -- --port 6381` and read what it prints; fix day 2 first if its check fails.',
  });
}

/** Sends one line and returns the first reply line, with the transcript of the exchange. */
export function sendLine(port: number, line: string, timeoutMs = 3_000): Promise<{ reply: string; transcript: string }> {
  return new Promise((done, fail) => {
    const transcript = [`[client] ${line}`];
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    const finish = (error?: string) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) fail(new CheckError(`"${line}" got no reply line: ${error}`, { received: JSON.stringify(received), fix: transcript.join('\n') }));
    };
    const timer = setTimeout(
      () => finish(`nothing came back within ${timeoutMs / 1000} s.\nHint: a reply must end with "\\n"; is it written to the socket?`),
      timeoutMs,
    );
    socket.once('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\n');
      if (end < 0) return;
      const reply = received.slice(0, end).replace(/\r$/, '');
      transcript.push(`Received: ${JSON.stringify(reply)}`);
      finish();
      done({ reply, transcript: transcript.join('\n') });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const hint =
        error.code === 'ECONNRESET'
          ? 'Hint: ECONNRESET means the server closed the connection abruptly (did it crash?).'
          : `Hint: ${error.code ?? error.message}`;
      finish(`${error.message}\n${hint}`);
    });
    socket.once('end', () =>
      finish('the server closed the connection (EOF).\nHint: EOF means the server ended the connection before sending a full reply line.'),
    );
  });
}
