// Preflight: too old a Node, missing dependencies, a busy port, no redis-server: each said with the command that fixes it.
import { chmodSync, cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { commandScript } from '../grader/registry.ts';
import { portProblem, redisProblem, systemProblem } from '../grader/preflight.ts';
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
    const suggested = Number(/npm start -- --port (\d+)/.exec(problem ?? '')?.[1]);
    expect(suggested, 'a port after the busy one (the first free one: another program may hold the next)').toBeGreaterThan(port);
    expect(suggested).not.toBe(6380);
    expect(await portProblem(port), 'a free port is no problem').toBeUndefined();
  });

  it('suggests to npm start a port that is free, not merely the next one', { timeout: 30_000 }, async () => {
    const busy = [createServer(), createServer()];
    await new Promise<void>((done) => busy[0]!.listen(0, '127.0.0.1', done));
    const { port } = busy[0]!.address() as AddressInfo;
    const next = await new Promise<boolean>((done) => busy[1]!.once('error', () => done(false)).listen(port + 1, '127.0.0.1', () => done(true)));
    try {
      const run = await execa(process.execPath, ['--import', 'tsx', 'solutions/02-server/main.ts', '--port', String(port)], {
        cwd: root,
        reject: false,
        timeout: 20_000,
      });
      const suggested = Number(/--port (\d+)/.exec(run.stderr)?.[1]);
      expect(run.stderr, 'npm start names the busy port').toContain(`Port ${port} is already in use`);
      expect(suggested, `${port + 1} is busy too${next ? ' (this test holds it)' : ''}`).toBeGreaterThan(port + 1);
      expect(suggested).not.toBe(6380);
      const probe = createServer();
      const free = await new Promise<boolean>((done) =>
        probe.once('error', () => done(false)).listen(suggested, '127.0.0.1', () => probe.close(() => done(true))),
      );
      expect(free, `the suggested port ${suggested} is free`).toBe(true);
    } finally {
      for (const server of busy) server.close();
    }
  });

  it('names an unwritable temp folder in plain words before any command starts', async () => {
    const file = join(scratchDir('tmp'), 'a-file');
    writeFileSync(file, '');
    const unwritable = join(file, 'tmp'); // a folder under a file: no one, root included, can write there
    const [node, ...args] = commandScript('check').split(' ');
    const run = await execa(node === 'node' ? process.execPath : node!, [...args, 'day1'], {
      cwd: root,
      reject: false,
      env: { TMPDIR: unwritable, FORCE_COLOR: '0' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`The temporary folder ${unwritable} cannot be written (ENOTDIR)`);
    expect(run.stderr).toContain('Fix:  point TMPDIR at a folder you can write');
    expect(run.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
  });

  it('says in one paragraph that native Windows is not supported, and WSL2 is', async () => {
    expect(systemProblem('linux')).toBeUndefined();
    expect(systemProblem('darwin')).toBeUndefined();
    const run = await cli(['status'], freshState(), { env: { CACHELINGS_PLATFORM: 'win32' } });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('cachelings runs on Linux and macOS, and on Windows inside WSL2, not on Windows itself');
    expect(run.stderr).toContain('wsl --install');
    expect(run.stderr.trim().split('\n\n')).toHaveLength(1);
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
