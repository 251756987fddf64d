// Preflight: too old a Node, missing dependencies, a busy port, no redis-server: each said with the command that fixes it.
import { chmodSync, cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { portProblem, redisProblem } from '../grader/preflight.ts';
import { cli, freshState } from './grader-helpers.ts';
import { scratchDir } from './helpers.ts';

describe('preflight', () => {
  it('stops every command on a Node.js older than 20.19, naming the fix', async () => {
    for (const command of [['status'], ['check', 'day1'], ['hint', 'day1']]) {
      const run = await cli(command, freshState(), { env: { CACHELINGS_NODE_VERSION: '20.11.1' } });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('cachelings needs Node.js 20.19 or newer; this is Node.js 20.11.1.');
      expect(run.stderr).toContain('nvm install 22');
    }
  });

  it('says "npm install" when node_modules lacks vitest', async () => {
    const copy = scratchDir('nodeps');
    cpSync(resolve(root, 'grader'), join(copy, 'grader'), { recursive: true });
    cpSync(resolve(root, 'package.json'), join(copy, 'package.json'));
    mkdirSync(join(copy, 'node_modules'));
    symlinkSync(resolve(root, 'node_modules/tsx'), join(copy, 'node_modules/tsx'));
    const run = await execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', 'check', 'day1'], { cwd: copy, reject: false, env: { FORCE_COLOR: '0' } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("The workbook's dependencies are not installed (node_modules/vitest is missing).");
    expect(run.stderr).toContain('Fix:  npm install');
    rmSync(copy, { recursive: true, force: true });
  });

  it('tells npm start (day 2) that a port is busy and how to pick another', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const problem = await portProblem(port);
    await new Promise((done) => server.close(done));
    expect(problem).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(problem).toContain(`npm start -- --port ${port + 1}`);
    expect(await portProblem(port), 'a free port is no problem').toBeUndefined();
  });

  it('tells day 5 that redis-server is missing, and is quiet when it is on the PATH', () => {
    const empty = scratchDir('path');
    expect(redisProblem(empty)).toMatch(/redis-server is not installed[\s\S]*apt-get install -y redis-server/);
    writeFileSync(join(empty, 'redis-server'), '#!/bin/sh\n');
    chmodSync(join(empty, 'redis-server'), 0o755);
    expect(redisProblem(empty)).toBeUndefined();
    rmSync(empty, { recursive: true, force: true });
  });
});
