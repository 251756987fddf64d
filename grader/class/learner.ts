// One learner as the class view sees them: each graded day reduced to a state (not started, failing, passing, or not
// reached: held back by an earlier day), its failures with their causes and the learner's files and lines.
import { findDay } from '../../course/days.ts';
import type { DayState as ReportedState, MetricResult } from '../results.ts';
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
  /** The learner's file and line (`lookAt`, `01-cache/cache.ts:12`) and the cause as the terminal showed it (`why`),
   *  in reports that carry them. */
  lookAt?: string;
  why?: unknown;
}

/** What a report says of a day beyond its tests: its state and the earlier day that blocks it (reports from this
 *  workbook on; older ones leave the view to judge from the failures). */
export interface Reported {
  passed?: boolean;
  state?: ReportedState;
  blockedBy?: string;
}

/** A failed requirement: its name, cause, and the learner's file it points at. */
export interface Failure {
  name: string;
  message: string;
  cause: Cause;
  lookAt?: string;
}

/** Where a learner stands on a day: grey, red, green, or held back by an earlier day (its files, day 6's cascade). */
export type DayState = 'not-started' | 'failing' | 'passing' | 'not-reached';

/** One graded day of one learner. */
export interface LearnerDay {
  id: string;
  passed: boolean;
  state: DayState;
  /** For `not-reached`: the earlier day that holds it back. */
  blockedBy?: string;
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
  /** The learner's earlier reports in the folder, oldest first: when, and which days passed then. */
  history?: { at?: string; passed: string[] }[];
  /** A roster name with no report in the folder (never pushed, or never graded): a row that says so. */
  noReport?: boolean;
  /** Set when the report was cut short or the grade crashed: why, in a few words (the row stays, marked). */
  broken?: string;
}

// A first failure that says the learner has not begun the day: a `// TODO:` left, day 6's untouched README, or a
// scored row of a day the grader found not started.
const untouched = (id: string, failure: Failure) =>
  failure.cause.kind === notImplemented ||
  /does not answer any of the four questions/.test(failure.message) ||
  failure.message.startsWith(`${id} is not started`);

const states: Record<ReportedState, DayState> = { passed: 'passing', failing: 'failing', 'not-started': 'not-started', 'not-reached': 'not-reached' };

/** The day as the view keeps it: the state the report gives, else judged from its failures. */
export function summarizeDay(id: string, reported: Reported, tests: Requirement[], metrics: Record<string, MetricResult>): LearnerDay {
  const required = tests.filter((test) => !test.bonus);
  const held = required.filter((test) => test.status === 'passed').length;
  const cascade = new Set(findDay(id)?.cascade ?? []);
  const failed = required.filter((test) => test.status === 'failed');
  const own = failed.filter((test) => !test.id || !cascade.has(test.id));
  const verdict = reported.passed ?? (required.length > 0 && held === required.length);
  const day: LearnerDay = { id, passed: verdict, state: verdict ? 'passing' : 'failing', held, total: required.length, metrics };
  const first = own[0] ?? failed[0];
  const lookAt = first?.lookAt;
  if (first) day.firstFailure = { name: first.name, message: first.message, cause: causeOf(id, first), ...(lookAt ? { lookAt } : {}) };
  if (reported.state) return { ...day, state: states[reported.state], ...(reported.blockedBy && { blockedBy: reported.blockedBy }) };
  if (!verdict && day.firstFailure && untouched(id, day.firstFailure)) day.state = 'not-started';
  else if (!verdict && own.length === 0 && failed.length > 0) day.state = 'not-reached';
  else if (!verdict && /is not reached: (day\d+)/.test(first?.message ?? ''))
    return { ...day, state: 'not-reached', blockedBy: /is not reached: (day\d+)/.exec(first!.message)![1]! };
  else if (!verdict && !first)
    day.firstFailure = { name: '', message: '', cause: { kind: 'no-failure-recorded', title: 'Did not pass, but no failing requirement was recorded' } };
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
