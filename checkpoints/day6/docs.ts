// Day 6 docs checks: the sections of the learner's README, the figures it quotes, and the examples' claimed output.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { sections } from '../../harness/markdown.ts';
import { root } from '../../harness/paths.ts';

export { sections };

/** The four questions a project README answers, and the heading words that name each. */
export const readmeSections = [
  { key: 'test', title: 'How to test it', words: /test/i },
  { key: 'performance', title: 'Performance', words: /perform|benchmark|throughput|speed|how fast/i },
  { key: 'run', title: 'How to run it', words: /run|usage|start|install|getting started/i },
  { key: 'what', title: 'What it does', words: /what|about|overview|intro|description/i },
] as const;

/** Each of the four README sections, found by the first heading that names it (undefined when missing). */
export function readmeParts(markdown: string): Record<(typeof readmeSections)[number]['key'], string | undefined> {
  const found: Record<string, string | undefined> = {};
  for (const { heading, body } of sections(markdown)) {
    const kind = readmeSections.find((section) => section.words.test(heading));
    if (kind && found[kind.key] === undefined) found[kind.key] = body;
  }
  return found as Record<(typeof readmeSections)[number]['key'], string | undefined>;
}

/** A figure the README quotes, and which measured figure it speaks about. */
export interface Claim {
  metric: 'cache.get.opsPerSec' | 'cache.set.opsPerSec' | 'cache.mixed.opsPerSec' | 'load.opsPerSec' | 'redis.load.opsPerSec';
  value: number;
  line: string;
}

const figure = /(\d[\d,_ ]*(?:\.\d+)?)\s*([kKmM])?\s*(?:ops\/s(?:ec)?|op\/s|operations? (?:per|a) second)/g;

// Which measured figure a README line speaks about; a line about real Redis quotes Redis's (day 5's comparison).
function which(lower: string): Claim['metric'] | undefined {
  if (/redis/.test(lower)) return 'redis.load.opsPerSec';
  if (/load|tcp|server|connection|end.to.end|network/.test(lower)) return 'load.opsPerSec';
  if (/mix|80\s*\/\s*20|80\s*%/.test(lower)) return 'cache.mixed.opsPerSec';
  if (/\bset\b|write/.test(lower)) return 'cache.set.opsPerSec';
  if (/\bget\b|read/.test(lower)) return 'cache.get.opsPerSec';
  return undefined;
}

/** The ops/s figures quoted in `text`, each tied to a metric by the words on its line. */
export function claims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const line of text.split('\n')) {
    const metric = which(line.toLowerCase());
    if (!metric) continue;
    for (const match of line.matchAll(figure)) {
      const scale = { k: 1e3, m: 1e6 }[match[2]?.toLowerCase() as 'k' | 'm'] ?? 1;
      out.push({ metric, value: Number(match[1]!.replace(/[,_ ]/g, '')) * scale, line: line.trim() });
      break;
    }
  }
  return out;
}

/** The lines an example says it prints: the `// ` lines under its `// Expected output:` comment. */
export function expectedOutput(source: string): string[] | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /^\s*\/\/\s*Expected output:?\s*$/i.test(line));
  if (start < 0) return undefined;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^\s*\/\/ ?(.*)$/.exec(line);
    if (!match) break;
    out.push(match[1]!.trimEnd());
  }
  return out.filter((line) => line !== '');
}

/** The first expected line that is not printed (in order; `…` matches any text), or undefined when all are. */
export function missingLine(expected: string[], stdout: string): string | undefined {
  const printed = stdout.split('\n').map((line) => line.trimEnd());
  let at = 0;
  for (const want of expected) {
    const pattern = new RegExp(
      `^${want
        .split('…')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    while (at < printed.length && !pattern.test(printed[at]!)) at += 1;
    if (at === printed.length) return want;
    at += 1;
  }
  return undefined;
}

/** Runs an example as `node --import tsx FILE`, at most `timeoutMs`. */
export async function runExample(file: string, timeoutMs = 20_000): Promise<{ code: number | string; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; killed?: boolean; stdout?: string; stderr?: string };
    return { code: failed.killed ? 'timeout' : (failed.code ?? 1), stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The error line of a crashed example's stderr (`Error: …`), without the stack. */
export function thrown(stderr: string): string {
  const line = stderr.split('\n').find((text) => /^\w*Error\b.*:/.test(text.trim()));
  return (line ?? stderr.trim().split('\n')[0] ?? '').trim();
}

/** The file's text, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch {
    return undefined;
  }
}
