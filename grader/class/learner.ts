// One learner as the class view sees them: each graded day reduced to a state (not started, failing, passing, or
// waiting on an earlier day), its failures with their causes and the learner's files.
import { findDay } from '../../course/days.ts';
import type { MetricResult } from '../results.ts';
import { causeOf, notImplemented, type Cause } from './cause.ts';

/** A requirement, read from any report shape the view understands. */
export interface Requirement {
  group: string;
  name: string;
  /** The requirement's short id (reports from this workbook on). */
  id?: string;
  status: 'passed' | 'failed' | 'skipped';
  message: string;
  bonus?: boolean;
  cause?: unknown;
  /** The learner's file (`lookAt`) and the cause as the terminal showed it (`why`), in reports that carry them. */
  lookAt?: string;
  why?: unknown;
}

/** A failed requirement: its name, cause, and the learner's file it points at. */
export interface Failure {
  name: string;
  message: string;
  cause: Cause;
  lookAt?: string;
}

/** Where a learner stands on a day: grey, red, green, or failing only because an earlier day does (day 6). */
export type DayState = 'not-started' | 'failing' | 'passing' | 'cascade';

/** One graded day of one learner. */
export interface LearnerDay {
  id: string;
  passed: boolean;
  state: DayState;
  /** Requirements held / required (bonus left out). */
  held: number;
  total: number;
  /** The first required requirement that failed (outside the cascade), with its cause. */
  firstFailure?: Failure;
  metrics: Record<string, MetricResult>;
}

/** One learner: a name, where it came from, their days, and what could not be read. */
export interface Learner {
  name: string;
  file: string;
  days: LearnerDay[];
  /** Lines about the file: an older or newer version, unknown fields, parts left out. */
  notes: string[];
  /** The commit graded and when, where the report says. */
  commit?: string;
  at?: string;
  /** Set when the report was cut short or the grade crashed: why, in a few words (the row stays, marked). */
  broken?: string;
}

// A first failure that says the learner has not begun the day: a `// TODO:` left, or day 6's untouched README.
const untouched = (failure: Failure) => failure.cause.kind === notImplemented || /does not answer any of the four questions/.test(failure.message);

/** The day as the view keeps it. */
export function summarizeDay(id: string, passed: boolean | undefined, tests: Requirement[], metrics: Record<string, MetricResult>): LearnerDay {
  const required = tests.filter((test) => !test.bonus);
  const held = required.filter((test) => test.status === 'passed').length;
  const cascade = new Set(findDay(id)?.cascade ?? []);
  const failed = required.filter((test) => test.status === 'failed');
  const own = failed.filter((test) => !test.id || !cascade.has(test.id));
  const verdict = passed ?? (required.length > 0 && held === required.length);
  const day: LearnerDay = { id, passed: verdict, state: verdict ? 'passing' : 'failing', held, total: required.length, metrics };
  const first = own[0];
  const lookAt = first?.lookAt;
  if (first) day.firstFailure = { name: first.name, message: first.message, cause: causeOf(id, first), ...(lookAt ? { lookAt } : {}) };
  if (!verdict && day.firstFailure && untouched(day.firstFailure)) day.state = 'not-started';
  else if (!verdict && !first && failed.length > 0) day.state = 'cascade';
  else if (!verdict && !first) day.firstFailure = { name: '', message: '', cause: { kind: 'no-failure-recorded', title: 'Did not pass, but no failing requirement was recorded' } };
  return day;
}

/** The day-5 figures: the learner's server, its gate, and Redis measured in the same run, where measured. */
export function loadFigures(day: LearnerDay | undefined): { yours?: number; gate?: number; redis?: number } {
  if (!day) return {};
  const load = day.metrics['load.opsPerSec'];
  const gate = load?.gate?.value ?? day.metrics['load.gate']?.value;
  const redis = day.metrics['redis.load.opsPerSec']?.value;
  return { yours: load?.value, gate, redis };
}
