// What the scored formats (Classroom, Exercism) count: a fixed list per day from the manifest, whatever a run
// reported, so the denominator is the same for a failing tree and a passing one.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { days, type Day } from '../course/days.ts';
import { compileRequirement, compileRequirementId } from './compile.ts';
import { HANG_KEY } from './explain.ts';
import { root } from './paths.ts';

/** One scored row of a day: a requirement id from the manifest, or the compile step. */
export interface Scored {
  id: string;
  /** The compile step's row (days whose files `check` type-checks first). */
  compile?: boolean;
}

/** The points the compile step is worth on a day that type-checks its files: a fixed share, passing or not. */
export const compileShare = 1;

/** The rows `day` is scored on: the compile step first (when `check` type-checks the day), then every required
 *  requirement the manifest explains (stretch ones are explained 'none' and left out; the course lint holds that). */
export function scoredRows(day: Day): Scored[] {
  const ids = Object.entries(day.explain ?? {})
    .filter(([id, entry]) => id !== HANG_KEY && entry !== 'none')
    .map(([id]) => ({ id }));
  return day.typecheck === false ? ids : [{ id: compileRequirementId, compile: true }, ...ids];
}

/** The most points a week can score: one per required requirement, and the compile step's share per day. */
export function maxScore(): number {
  return days.reduce((sum, day) => sum + scoredRows(day).reduce((points, row) => points + (row.compile ? compileShare : 1), 0), 0);
}

/** The name of the compile row. */
export const compileName = compileRequirement;

const sources = new Map<string, string[]>();

/** The checkpoint's own code for the requirement `id` in `file` (its `it()`, at most 12 lines), for Exercism's
 *  `test_code`; undefined when it cannot be found. A requirement made in a loop shares its it() with its siblings. */
export function testSnippet(file: string | undefined, id: string): string | undefined {
  if (!file) return undefined;
  if (!sources.has(file)) sources.set(file, existsSync(resolve(root, file)) ? readFileSync(resolve(root, file), 'utf8').split('\n') : []);
  const lines = sources.get(file)!;
  // An id written out (`id: 'split-writes'`), else one made in a loop (`id: \`notice-${mutant.name}\``) whose fixed start it has;
  // the `it(` that declares it is on that line or one of the few above (a formatter may break the call over lines).
  const exact = lines.findIndex((line) => line.includes(`id: '${id}'`));
  const named = exact !== -1 ? exact : lines.findIndex((line) => id.startsWith(/id: `([\w-]+)\$\{/.exec(line)?.[1] ?? '\n'));
  const start = named === -1 ? -1 : ([0, 1, 2, 3, 4].map((back) => named - back).find((index) => index >= 0 && /\bit\(/.test(lines[index]!)) ?? -1);
  if (start === -1) return undefined;
  let depth = 0;
  for (let end = start; end < lines.length; end += 1) {
    depth += (lines[end]!.match(/[({[]/g) ?? []).length - (lines[end]!.match(/[)}\]]/g) ?? []).length;
    if (depth > 0 && end - start < 11) continue;
    const body = lines.slice(start, end + 1);
    const indent = Math.min(...body.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)![0].length));
    return [...body.map((line) => line.slice(indent)), ...(depth > 0 ? [`  // … the rest in ${file}`] : [])].join('\n');
  }
  return undefined;
}
