// Links a failing requirement to the entry of the day's guide ("When it fails") that explains it.
import { findDay } from '../course/days.ts';
import { explanationFor, githubAnchor } from '../course/explain.ts';
import type { TestResult } from './results.ts';

export { explanationFor, githubAnchor, HANG_KEY } from '../course/explain.ts';

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

/** The line printed under a ✗: `Why this happens: days/01-cache/README.md#… — title`, or undefined. */
export function whyLine(dayId: string, test: Pick<TestResult, 'id' | 'message' | 'cause'>): string | undefined {
  const day = findDay(dayId);
  const entry = day && explanationFor(day, test);
  return entry ? `Why this happens: days/${day.slug}/README.md#${entry.anchor} — ${entry.title}` : undefined;
}
