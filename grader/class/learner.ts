// One learner as the class view sees them: each graded day reduced to what a mentor reads at a glance.
import { causeOf, type Cause } from './cause.ts';
import type { MetricResult } from '../results.ts';

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
}

/** One graded day of one learner. */
export interface LearnerDay {
  id: string;
  passed: boolean;
  /** Requirements held / required (bonus left out). */
  held: number;
  total: number;
  /** The first required requirement that failed, with its cause. */
  firstFailure?: { name: string; message: string; cause: Cause };
  metrics: Record<string, MetricResult>;
}

/** One learner: a name, where it came from, their days, and what could not be read. */
export interface Learner {
  name: string;
  file: string;
  days: LearnerDay[];
  /** Lines about the file: an older or newer version, unknown fields, parts left out. */
  notes: string[];
}

/** The day as the view keeps it. */
export function summarizeDay(id: string, passed: boolean | undefined, tests: Requirement[], metrics: Record<string, MetricResult>): LearnerDay {
  const required = tests.filter((test) => !test.bonus);
  const held = required.filter((test) => test.status === 'passed').length;
  const failed = required.find((test) => test.status === 'failed');
  const day: LearnerDay = { id, passed: passed ?? (required.length > 0 && held === required.length), held, total: required.length, metrics };
  if (failed) day.firstFailure = { name: failed.name, message: failed.message, cause: causeOf(id, failed) };
  else if (!day.passed) day.firstFailure = { name: '', message: '', cause: { kind: 'no-failure-recorded', title: 'Did not pass, but no failing requirement was recorded' } };
  return day;
}

/** The day-5 figures: the learner's server, its gate, and Redis under the same load, where measured. */
export function loadFigures(day: LearnerDay | undefined): { yours?: number; gate?: number; redis?: number } {
  if (!day) return {};
  const load = day.metrics['load.opsPerSec'];
  const gate = load?.gate?.value ?? day.metrics['load.gate']?.value;
  const redis = day.metrics['redis.load.opsPerSec']?.value;
  return { yours: load?.value, gate, redis };
}
