// The grader's seal on what it remembers (progress, passing days): an HMAC under a key kept outside the workbook and
// the tree, so a file written by anything but the grader reads as forged. docs/architecture.md ("Threat model") says
// what a process of the same user can still do.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where the key lives: CACHELINGS_KEY_FILE, else the user's config folder (never inside the workbook or a tree). */
export function keyFile(): string {
  if (process.env.CACHELINGS_KEY_FILE) return resolve(process.env.CACHELINGS_KEY_FILE);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cachelings', 'grader.key');
}

let cached: { file: string; key: Buffer } | undefined;

/** The grader's key, made (32 random bytes, readable by the owner only) on first use. */
function key(): Buffer {
  const file = keyFile();
  if (cached?.file === file) return cached.key;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another grader made it first
    }
    chmodSync(file, 0o600);
  }
  cached = { file, key: Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') };
  return cached.key;
}

/** The seal of `text` under the grader's key (hex). */
export function seal(text: string): string {
  return createHmac('sha256', key()).update(text).digest('hex');
}

/** `data` as JSON with its seal beside it: `{ "sealed": <data>, "seal": "<hex>" }`. */
export function sealedJson(data: unknown): string {
  const text = JSON.stringify(data, null, 2);
  return `{"seal": "${seal(text)}", "sealed": ${text}}\n`;
}

/** What `sealedJson` wrote, or `forged` when the file is not sealed by this grader (hand-written, edited, another key). */
export function unsealJson<T>(text: string): T | 'forged' {
  let read: { seal?: unknown; sealed?: unknown };
  try {
    read = JSON.parse(text) as typeof read;
  } catch {
    return 'forged';
  }
  if (typeof read.seal !== 'string' || read.sealed === undefined) return 'forged';
  const expected = Buffer.from(seal(JSON.stringify(read.sealed, null, 2)), 'hex');
  const given = Buffer.from(read.seal, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? (read.sealed as T) : 'forged';
}
