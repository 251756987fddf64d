// Stale gate figures: where a guide or spec listed in course/gates.ts states a gate's figure ("more than N ops/s",
// "below N ops/s", "gate > N", "bar: more than N"), it states a figure of a gate it quotes today. `--write` rewrites
// the figures of a gate changed since the last commit, whose old figure it reads from git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, gates, type Gate } from '../../../course/gates.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';

/** A number where a gate's figure stands: after a comparison (with its unit after it) or after "gate >". */
const stated =
  /(?:\bgate\s*`?\s*[<>]\s*|\bbar: more than\s+|\b(?:more|faster|slower|fewer|less) than\s+\**|\b(?:below|above|under|clears?|reach(?:es)?)\s+\**)(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,])(?=\**\s*(?:ops\/s|ops per second|operations per second|\)|`))/gi;

/** One figure stated in a guide: where, the number, and its offset in the file. */
interface Stated {
  file: string;
  line: number;
  value: number;
  text: string;
  index: number;
}

/** Each file that quotes a gate, with the figures it may state (its gates' values and the Redis figures they assume). */
function quotedFigures(all: Record<string, Gate> = gates): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  const add = (file: string, value: number) => files.set(file, (files.get(file) ?? new Set()).add(value));
  for (const gate of Object.values(all)) {
    const redis = gate.fallback && gate.value / gate.fallback.redisShare;
    for (const file of [...gate.quotedIn, ...(gate.fallback?.quotedIn ?? [])]) {
      add(file, gate.value);
      if (redis) add(file, redis);
    }
  }
  return files;
}

/** The metrics course/gates.ts holds: a figure stated beside another metric (`loadtest.latency2ms.opsPerSec`) is that check's own. */
const metrics = new Set(Object.values(gates as Record<string, Gate>).map((gate) => gate.metric));

// The figures `text` (the file `file`) states where a gate's figure stands, leaving out those beside another metric.
function statedIn(file: string, text: string): Stated[] {
  const besideOther = (index: number) =>
    [...text.slice(Math.max(0, index - 60), index).matchAll(/`([a-z][\w]*(?:\.[\w]+)+)`/gi)].some((named) => !metrics.has(named[1]!));
  return [...text.matchAll(stated)]
    .filter((match) => !besideOther(match.index))
    .map((match) => {
      const index = match.index + match[0].length - match[1]!.length;
      return { file, line: text.slice(0, index).split('\n').length, value: Number(match[1]!.replace(/,/g, '')), text: match[1]!, index };
    });
}

/** Every figure stated in a quoting file that is not the figure of a gate the file quotes, as file:line. */
export function staleGateProblems(base = root): Problem[] {
  const problems: Problem[] = [];
  for (const [file, allowed] of quotedFigures()) {
    for (const found of statedIn(file, readFileSync(resolve(base, file), 'utf8'))) {
      if (allowed.has(found.value)) continue;
      const today = [...allowed].map((value) => figure(value)).join(', ');
      problems.push({
        file: `${file}:${found.line}`,
        problem: `states ${found.text} where a gate's figure stands; the gates it quotes are ${today} today (course/gates.ts)`,
        fix: "npm run lint:course -- --write rewrites a gate changed since the last commit; else write today's figure here by hand",
      });
    }
  }
  return problems;
}

/** The gates as the last commit has them (`git show HEAD:course/gates.ts`), or undefined outside a git checkout. */
async function committedGates(base: string): Promise<Record<string, Gate> | undefined> {
  let text: string;
  try {
    text = execFileSync('git', ['show', 'HEAD:course/gates.ts'], { cwd: base, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const dir = join(base, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `committed-gates-${process.pid}.ts`);
  writeFileSync(file, text);
  try {
    return ((await import(pathToFileURL(file).href)) as { gates: Record<string, Gate> }).gates;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Old figure → new, for each gate quoted in `file` (and the Redis figure it assumes) changed since the last commit;
 *  a figure two of those gates moved apart is left out (the lint then names its lines). */
function changedFigures(before: Record<string, Gate>, file: string): Map<number, number> {
  const moves: [number, number][] = [];
  for (const [name, gate] of Object.entries(gates as Record<string, Gate>)) {
    const old = before[name];
    if (!old || ![...gate.quotedIn, ...(gate.fallback?.quotedIn ?? [])].includes(file)) continue;
    moves.push([old.value, gate.value]);
    if (old.fallback && gate.fallback) moves.push([old.value / old.fallback.redisShare, gate.value / gate.fallback.redisShare]);
  }
  const changed = new Map<number, number>();
  for (const [old, now] of moves.filter(([old, now]) => old !== now)) {
    const clash = moves.some(([other, next]) => other === old && next !== now);
    if (!clash) changed.set(old, now);
  }
  return changed;
}

/** Rewrites each stale figure of a gate changed since the last commit, in the files that quote it; returns those files. */
export async function writeGateFigures(base = root): Promise<string[]> {
  const before = await committedGates(base);
  if (!before) return [];
  const written: string[] = [];
  for (const [file, allowed] of quotedFigures()) {
    const changed = changedFigures(before, file);
    if (changed.size === 0) continue;
    const text = readFileSync(resolve(base, file), 'utf8');
    const stale = statedIn(file, text).filter((found) => !allowed.has(found.value) && changed.has(found.value));
    let out = text;
    for (const found of stale.reverse()) {
      const now = changed.get(found.value)!;
      out = `${out.slice(0, found.index)}${found.text.includes(',') ? figure(now) : String(now)}${out.slice(found.index + found.text.length)}`;
    }
    if (out === text) continue;
    writeFileSync(resolve(base, file), out);
    written.push(file);
  }
  return written;
}
