// Links a failing requirement to the entry of the day's guide ("When it fails") that explains it.
import { findDay } from '../course/days.ts';
import { explanationFor } from '../course/explain.ts';
import { headings } from '../harness/guide.ts';
import type { TestResult } from './results.ts';

export { explanationFor, HANG_KEY } from '../course/explain.ts';
export { githubAnchor } from '../course/anchor.ts';

/** Every heading of `markdown` (outside code fences) by its anchor, numbered `-1`, `-2` when repeated as GitHub does. */
export function headingAnchors(markdown: string): Map<string, string> {
  return new Map(headings(markdown).map((heading) => [heading.anchor, heading.text]));
}

/** The line printed under a ✗: `Why this happens: days/01-cache/README.md#… — title`, or undefined. */
export function whyLine(dayId: string, test: Pick<TestResult, 'id' | 'message' | 'cause'>): string | undefined {
  const day = findDay(dayId);
  const entry = day && explanationFor(day, test);
  return entry ? `Why this happens: days/${day.slug}/README.md#${entry.anchor} — ${entry.title}` : undefined;
}
