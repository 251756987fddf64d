// Why a requirement failed, as a cause a mentor can group by: the report's own `cause`, else derived from the manifest.
import { explanationFor } from '../explain.ts';
import { findDay } from '../../course/days.ts';

/** A failure's cause: `kind` groups learners, `title` says it in words, `guide` links the entry that explains it. */
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
}

/** The guide link of `guide` as a report may carry it: a bare anchor is taken to be in the day's guide. */
function guidePath(dayId: string, guide: string): string {
  if (/^https?:\/\//.test(guide) || guide.includes('/') || !guide) return guide.replace(/^\.\//, '');
  const day = findDay(dayId);
  const anchor = guide.replace(/^#/, '');
  return day ? `days/${day.slug}/README.md#${anchor}` : `#${anchor}`;
}

/** A `cause` the report carries, when it has the shape `{ kind, title, guide? }`. */
function carried(dayId: string, cause: unknown): Cause | undefined {
  if (!cause || typeof cause !== 'object') return undefined;
  const { kind, title, guide } = cause as Record<string, unknown>;
  if (typeof kind !== 'string' || !kind) return undefined;
  const words = typeof title === 'string' && title ? title : kind;
  return typeof guide === 'string' && guide ? { kind, title: words, guide: guidePath(dayId, guide) } : { kind, title: words };
}

/** The cause of `test`, a failed requirement of day `dayId`. */
export function causeOf(dayId: string, test: FailedTest): Cause {
  const given = carried(dayId, test.cause);
  if (given) return given;
  if (test.message.startsWith('not implemented yet')) return { kind: notImplemented, title: 'Not implemented yet: a `// TODO:` is still there' };
  const day = findDay(dayId);
  const entry = day && explanationFor(day, { id: test.id, message: test.message });
  if (day && entry) return { kind: `${day.id}#${entry.anchor}`, title: entry.title, guide: `days/${day.slug}/README.md#${entry.anchor}` };
  if (!test.name) return { kind: 'run', title: firstLine(test.message) || 'The checkpoint did not run' };
  return { kind: `requirement:${test.name}`, title: test.name };
}

/** The first non-empty line of `text`, cut to 120 characters. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((entry) => entry.trim()) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line.trim();
}
