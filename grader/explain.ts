// Links a failing requirement to the entry of the day's guide ("When it fails") that explains it.
import { findDay, type Day, type Explanation } from '../course/days.ts';
import type { TestResult } from './results.ts';

/** The key of a day's `explain` map used for any test that did not finish in time. */
export const HANG_KEY = '(a check that hangs)';

/** The anchor GitHub gives a heading: inline markdown stripped, lowercase, punctuation dropped, spaces → '-'. */
export function githubAnchor(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every heading of `markdown` (outside code fences) by its anchor, numbered `-1`, `-2` when repeated as GitHub does. */
export function headingAnchors(markdown: string): Map<string, string> {
  const anchors = new Map<string, string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = githubAnchor(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.set(count === 0 ? base : `${base}-${count}`, heading[1]!);
  }
  return anchors;
}

/** The guide entry for a failed `test` of `day`: its cause's entry, else its requirement's, if the manifest names one. */
export function explanationFor(day: Day, test: Pick<TestResult, 'id' | 'message' | 'cause'>): Explanation | undefined {
  if (test.message.startsWith('not implemented yet')) return undefined; // a TODO left, nothing to explain
  const byCause = test.cause && day.causes?.[test.cause.kind];
  if (byCause) return byCause === 'none' ? undefined : byCause; // what was observed first, the requirement second
  const hang = day.explain?.[HANG_KEY];
  if (/^did not finish within /m.test(test.message) && hang && hang !== 'none') return hang;
  const entry = test.id === undefined ? undefined : day.explain?.[test.id];
  return entry && entry !== 'none' ? entry : undefined;
}

/** The line printed under a ✗: `Why this happens: days/01-cache/README.md#… — title`, or undefined. */
export function whyLine(dayId: string, test: Pick<TestResult, 'id' | 'message' | 'cause'>): string | undefined {
  const day = findDay(dayId);
  const entry = day && explanationFor(day, test);
  return entry ? `Why this happens: days/${day.slug}/README.md#${entry.anchor} — ${entry.title}` : undefined;
}
