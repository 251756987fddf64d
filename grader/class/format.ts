// Small wording shared by the page and the markdown summary: figures, day cells, guide links.
import { relative, resolve } from 'node:path';
import { root } from '../paths.ts';
import type { Cause } from './cause.ts';
import { loadFigures, type LearnerDay } from './learner.ts';

/** `31,800`: a figure rounded to whole units. */
export function figure(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `✓ 14/14`, `✗ 9/14`, or `—` for a day not graded. */
export function dayCell(day: LearnerDay | undefined): string {
  if (!day) return '—';
  return `${day.passed ? '✓' : '✗'} ${day.held}/${day.total}`;
}

/** `31,800 / gate 50,000 · Redis 68,000`, the parts that were measured, or `—`. */
export function loadCell(day: LearnerDay | undefined): string {
  const { yours, gate, redis } = loadFigures(day);
  if (yours === undefined) return '—';
  return [figure(yours), gate === undefined ? '' : ` / gate ${figure(gate)}`, redis === undefined ? '' : ` · Redis ${figure(redis)}`].join('');
}

/** The guide entry of `cause` as a link usable from files written in `outDir` (relative to the workbook). */
export function guideHref(cause: Cause, outDir: string): string | undefined {
  if (!cause.guide) return undefined;
  if (/^https?:\/\//.test(cause.guide)) return cause.guide;
  const [path, anchor] = cause.guide.split('#', 2) as [string, string | undefined];
  const file = path ? relative(outDir, resolve(root, path)).split('\\').join('/') : '';
  return `${file}${anchor ? `#${anchor}` : ''}`;
}
