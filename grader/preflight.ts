// Preflight: what must be true before the grader (or `npm start`, or day 5) can work, each with the command that fixes it.
// Only node: imports here, so it runs even when node_modules is missing.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const minimum = [20, 19] as const;

/** Why this Node.js is too old, or undefined. CACHELINGS_NODE_VERSION stands in for the real version in tests. */
export function nodeProblem(version = process.env.CACHELINGS_NODE_VERSION ?? process.versions.node): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > minimum[0] || (major === minimum[0] && minor >= minimum[1])) return undefined;
  return [
    `cachelings needs Node.js ${minimum.join('.')} or newer; this is Node.js ${version}.`,
    'Fix:  nvm install 22 && nvm use 22   (no nvm? download Node.js 22 LTS from https://nodejs.org)',
  ].join('\n');
}

/** Why the dependencies are not usable (a package the grader needs is missing), or undefined. */
export function dependencyProblem(): string | undefined {
  const missing = ['vitest', 'tsx', 'chalk'].filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return undefined;
  return [`The workbook's dependencies are not installed (node_modules/${missing[0]} is missing).`, 'Fix:  npm install'].join('\n');
}

/** Why this system is not one the workbook runs on (native Windows: WSL2 is), or undefined. */
export function systemProblem(platform = process.env.CACHELINGS_PLATFORM ?? process.platform): string | undefined {
  if (platform !== 'win32') return undefined;
  return [
    'cachelings runs on Linux and macOS, and on Windows inside WSL2, not on Windows itself: the grader stops a hung check',
    'by ending its process group, which Windows has not got, and day 5 runs redis-server, which Redis does not build for',
    'Windows. Install WSL2 (in PowerShell: wsl --install), open its Ubuntu terminal, install Node.js 22 there, clone the',
    'workbook inside WSL (under ~, not /mnt/c), run npm install, then npm run check day1. Your editor can open the folder',
    'through WSL (VS Code: the WSL extension).',
  ].join('\n');
}

/** The first port after `port` nobody listens on now, skipping 6380 (day 5's `npm run start:day5`). */
async function freePortAfter(port: number, host = '127.0.0.1'): Promise<number> {
  for (let next = port + 1; next < 65536; next += 1) {
    if (next !== 6380 && (await listenable(next, host)) === undefined) return next;
  }
  return 0;
}

// The error listening on `port` gives, or undefined when it is free.
function listenable(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', done);
    server.listen(port, host, () => server.close(() => done(undefined)));
  });
}

/** Why `port` cannot be listened on (for `npm start`'s default 6379), or undefined when it is free. */
export async function portProblem(port = 6379, host = '127.0.0.1'): Promise<string | undefined> {
  const error = await listenable(port, host);
  if (!error) return undefined;
  if (error.code !== 'EADDRINUSE') return `Cannot listen on ${host}:${port}: ${error.code ?? error.message}.`;
  return [
    `Port ${port} on ${host} is already in use: a real redis-server, or an earlier npm start still running?`,
    `Fix:  npm start -- --port ${await freePortAfter(port, host)}   (or find the other program: lsof -i :${port}, then stop it)`,
  ].join('\n');
}

/** Why `redis-server` cannot be run (day 5 compares your server with it), or undefined when it is on the PATH. */
export function redisProblem(path = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['redis-server.exe'] : ['redis-server'];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return undefined;
      } catch {
        // Not in this folder.
      }
    }
  }
  return [
    "redis-server is not installed; day 5 compares your server with real Redis. Until it is, day 5 measures the workbook's own reference server (solutions/05-performance/server.ts) in Redis's place, and holds you to half of its pace.",
    `Fix:  ${installLine()}`,
  ].join('\n');
}

/** The command that installs Redis on this system (the Linux distribution read from /etc/os-release). */
export function installLine(platform: NodeJS.Platform = process.platform, osRelease = readOsRelease()): string {
  if (platform === 'darwin') return 'brew install redis';
  if (platform === 'win32')
    return 'Redis has no native Windows build: run the workbook inside WSL2 (Ubuntu), then sudo apt-get install -y redis-server redis-tools';
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const family = [...osRelease.matchAll(ids)].map((match) => match[1]!.replace(/"/g, '')).join(' ');
  if (/fedora|rhel|centos/.test(family)) return 'sudo dnf install -y redis';
  if (/arch/.test(family)) return 'sudo pacman -S redis';
  if (/alpine/.test(family)) return 'sudo apk add redis';
  if (/suse/.test(family)) return 'sudo zypper install redis';
  return 'sudo apt-get install -y redis-server redis-tools   (macOS: brew install redis)';
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** The problems every grader command checks first (system, Node version, dependencies), or undefined; the temp folder is
 *  checked before, by grader/temp-folder.mjs. */
export function basicProblems(): string | undefined {
  return systemProblem() ?? nodeProblem() ?? dependencyProblem();
}
