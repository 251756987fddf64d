// What a report says about how far its verdict can be trusted: whether the files that decide a verdict are as shipped
// (the tamper check), which days are the shipped solution's, and a digest that shows a report changed after writing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { days, type Day } from '../course/days.ts';
import { differences, readChecksums, sha256, verdictInputFiles } from './checksums.ts';
import { root } from './paths.ts';

/** The tamper check's result: `clean` when every file that decides a verdict matches grader/checksums.json. */
export interface Tamper {
  clean: boolean;
  changed: string[];
  missing: string[];
  added: string[];
  /** Set when there is no grader/checksums.json to hold the files against. */
  unchecked?: true;
}

/** The integrity block every report shape carries (docs/architecture.md, "Integrity"). */
export interface Integrity {
  tamper: Tamper;
  /** The days whose files are the shipped solution's, whitespace and comments aside: not a failure, a mentor decides. */
  sameAsSolutions: string[];
  /** `sha256:` of the report as written, with this field left out (`digestState` checks it). */
  digest?: string;
}

/** The tamper check over every file that decides a verdict (grader/checksums.ts `verdictInputs`). */
export function tamperCheck(): Tamper {
  const shipped = readChecksums();
  if (!shipped) return { clean: false, changed: [], missing: [], added: [], unchecked: true };
  const now = Object.fromEntries(verdictInputFiles().map((file) => [file, sha256(resolve(root, file))]));
  const found = differences(shipped.checkpoints, now);
  return { clean: found.changed.length + found.missing.length + found.added.length === 0, ...found };
}

/** TypeScript or markdown with comments and all whitespace taken out (strings kept whole, so a changed literal counts). */
function essence(text: string): string {
  return text.replace(
    /("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|\s+/g,
    (match, literal: string | undefined) => literal ?? '',
  );
}

/** Whether every file of `day` in `target` is the shipped solution's file, whitespace and comments aside. */
export function sameAsSolution(day: Day, target: string): boolean {
  if (resolve(root, target) === resolve(root, 'solutions')) return false; // grading solutions/ itself says nothing
  return day.files.every((file) => {
    const mine = resolve(root, target, file);
    const theirs = resolve(root, 'solutions', file);
    return existsSync(mine) && existsSync(theirs) && essence(readFileSync(mine, 'utf8')) === essence(readFileSync(theirs, 'utf8'));
  });
}

/** The line `check` and `grade` print under the days `ids` that are the shipped solution's (empty: nothing to say). */
export function sameNote(ids: string[]): string {
  return ids.length === 0 ? '' : `  ${ids.join(', ')}: same as solutions/ (whitespace and comments aside): every report says so, for a mentor to see.`;
}

/** The integrity block for `target` graded on `ids` (before its digest). */
export function integrityOf(target: string, ids: string[]): Integrity {
  return { tamper: tamperCheck(), sameAsSolutions: days.filter((day) => ids.includes(day.id) && sameAsSolution(day, target)).map((day) => day.id) };
}

function digestOf(data: Record<string, unknown>): string {
  const { digest: _digest, ...rest } = (data.integrity ?? {}) as Record<string, unknown>;
  return `sha256:${createHash('sha256')
    .update(JSON.stringify({ ...data, integrity: rest }))
    .digest('hex')}`;
}

/** `data` (a report in any shape, with its `integrity` block) with the digest of everything else in it. */
export function sealed<T extends { integrity: Integrity }>(data: T): T {
  return { ...data, integrity: { ...data.integrity, digest: digestOf(data as unknown as Record<string, unknown>) } };
}

/** Whether a report read back (parsed JSON) is as the grader wrote it: `intact`, `changed`, or `unsealed` (no digest). */
export function digestState(data: Record<string, unknown>): 'intact' | 'changed' | 'unsealed' {
  const digest = (data.integrity as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== 'string') return 'unsealed';
  return digestOf(data) === digest ? 'intact' : 'changed';
}
