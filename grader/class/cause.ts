// Why a requirement failed, as the terminal showed it: the report's `why`, else the guide entry the grader would print
// under the ✗ ("Why this happens"), else the observed cause's title. The class view groups learners by it.
import { explanationFor } from '../explain.ts';
import { treeRelative } from '../identity.ts';
import { findDay } from '../../course/days.ts';
import type { TestCause } from '../results.ts';

/** A failure's cause: `kind` groups learners (the day and the title the terminal shows), `title` says it in words,
 *  `guide` is the entry that explains it. */
export interface Cause {
  kind: string;
  title: string;
  /** A repo-relative path with anchor (`days/01-cache/README.md#…`) or an http(s) address. */
  guide?: string;
}

/** The kind of a requirement whose code is still a `// TODO:` (not started: nothing to explain yet). */
export const notImplemented = 'not-implemented';

/** The parts of a failed requirement a cause is made from. */
export interface FailedTest {
  name: string;
  /** The requirement's id, in reports that carry one. */
  id?: string;
  message: string;
  cause?: unknown;
  why?: unknown;
}

/** The guide link of `guide` as a report may carry it: a bare anchor is taken to be in the day's guide. */
function guidePath(dayId: string, guide: string): string {
  if (/^https?:\/\//.test(guide) || guide.includes('/') || !guide) return guide.replace(/^\.\//, '');
  const day = findDay(dayId);
  const anchor = guide.replace(/^#/, '');
  return day ? `days/${day.slug}/README.md#${anchor}` : `#${anchor}`;
}

/** A `{ title, guide? }` (or `{ kind, title, guide? }`) the report carries, when it has that shape. */
function carried(dayId: string, value: unknown): (TestCause & { guide?: string }) | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { kind, title, guide } = value as Record<string, unknown>;
  const words = typeof title === 'string' && title ? title : typeof kind === 'string' ? kind : '';
  if (!words) return undefined;
  return {
    kind: typeof kind === 'string' && kind ? kind : '',
    title: words,
    ...(typeof guide === 'string' && guide ? { guide: guidePath(dayId, guide) } : {}),
  };
}

// Paths into a learner's tree are cut to the part inside it, so one cause reads the same for every learner.
const keyed = (dayId: string, words: string, guide?: string): Cause => {
  const title = treeRelative(words);
  return { kind: `${dayId}:${title}`, title, ...(guide ? { guide } : {}) };
};

/** The cause of `test`, a failed requirement of day `dayId`, as the terminal showed it. */
export function causeOf(dayId: string, test: FailedTest): Cause {
  if (test.message.startsWith('not implemented yet')) return { kind: notImplemented, title: 'Not implemented yet: a `// TODO:` is still there' };
  const why = carried(dayId, test.why);
  if (why) return keyed(dayId, why.title, why.guide);
  const observed = carried(dayId, test.cause);
  const day = findDay(dayId);
  const entry = day && explanationFor(day, { id: test.id, message: test.message, cause: observed?.kind ? observed : undefined });
  if (day && entry) return keyed(dayId, entry.title, `days/${day.slug}/README.md#${entry.anchor}`);
  if (observed) return keyed(dayId, observed.title, observed.guide);
  if (!test.name) return keyed(dayId, firstLine(test.message) || 'The checkpoint did not run');
  return keyed(dayId, test.name);
}

/** The first non-empty line of `text`, cut to 120 characters. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((entry) => entry.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line.trim();
}
