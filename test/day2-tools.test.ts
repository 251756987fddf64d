// Day 2's command-line tools: `npm start` (days/02-server/main.ts, run here on the solution) and `npm run client`.
import { freePort } from '../harness/ports.ts';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { startServer } from '../solutions/02-server/server.ts';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

describe('npm run client', () => {
  it('sends each input line and prints the replies as nc would', async () => {
    const server = await startServer({ port: 0 });
    running.push(server);
    const result = await execa(process.execPath, ['--import', 'tsx', 'grader/tools/client.ts', '--port', String(server.port)], {
      cwd: root,
      input: 'SET a 1\nGET a\nFOO\n',
      timeout: 30_000,
    });
    expect(result.stdout).toBe("OK\n1\nERR unknown command 'FOO'");
  });

  it('says how to start the server when nothing listens', async () => {
    const port = await freePort();
    const result = await execa(process.execPath, ['--import', 'tsx', 'grader/tools/client.ts', '--port', String(port)], {
      cwd: root,
      input: '',
      reject: false,
      timeout: 30_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Nothing is listening on 127.0.0.1:${port}. Start your server first`);
  });
});

describe('npm start', () => {
  it('prints one line naming the busy port and how to pick another', async () => {
    const server = await startServer({ port: 0 });
    running.push(server);
    const result = await execa(process.execPath, ['--import', 'tsx', 'solutions/02-server/main.ts', '--port', String(server.port)], {
      cwd: root,
      reject: false,
      timeout: 30_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`Port ${server.port} is already in use (another server is running?). Pick a free one: npm start -- --port ${server.port + 1}`);
  });

  it('serves the protocol on the port given with --port', async () => {
    const port = await freePort();
    const child = execa(process.execPath, ['--import', 'tsx', 'solutions/02-server/main.ts', '--port', String(port)], { cwd: root, reject: false });
    try {
      await new Promise<void>((done, fail) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Listening on') && done());
        void child.then((result) => fail(new Error(`main.ts exited: ${result.stderr}`)));
      });
      const result = await execa(process.execPath, ['--import', 'tsx', 'grader/tools/client.ts', '--port', String(port)], {
        cwd: root,
        input: 'SET a 1\nGET a\n',
        timeout: 30_000,
      });
      expect(result.stdout).toBe('OK\n1');
    } finally {
      child.kill('SIGINT');
      await child;
    }
  });
});
