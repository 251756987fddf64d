// Assertions whose failures read as instructions: what was expected, what came back, where to look.
import { inspect, isDeepStrictEqual } from 'node:util';
import type { Cause } from './cause-kind.ts';

/** What a failure says beyond its headline. */
export interface Advice {
  expected?: string;
  received?: string;
  /** The file and function to look at. */
  where?: string;
  /** What to try next. */
  fix?: string;
  /** What went wrong, when the support code observed it (the grader folds failures of one cause together). */
  cause?: Cause;
}

/** A failed requirement. The grader prints its message as is, without a stack trace. */
export class CheckError extends Error {
  /** The observed cause, carried to the grader's report (vitest keeps an error's own fields). */
  failure?: Cause;
  /** What the failure says beyond its headline, field by field (the UI shows each as its own note). */
  readonly advice: Advice;

  constructor(headline: string, advice: Advice = {}) {
    const lines = [headline];
    if (advice.expected !== undefined) lines.push(`Expected: ${advice.expected}`);
    if (advice.received !== undefined) lines.push(`Received: ${advice.received}`);
    if (advice.where) lines.push(`Look at:  ${advice.where}`);
    if (advice.fix) lines.push(`Try:      ${advice.fix}`);
    super(lines.join('\n'));
    this.name = 'CheckError';
    this.advice = advice;
    if (advice.cause) this.failure = advice.cause;
  }
}

/** A value as the learner would type it: strings quoted and escaped, undefined as undefined; what a plain object
 *  used as a store gives back for "__proto__" or "constructor" is said in words after Node's own notation. */
export function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const shown = inspect(value, { depth: 3, breakLength: Infinity });
  if (value === Object.prototype) return `${shown} — that is Object.prototype: a plain object {} used as a store answers obj["__proto__"] with its prototype, not with a value you stored (a Map has no such keys)`;
  if (value === Object) return `${shown} — that is the Object function: a plain object {} used as a store answers obj["constructor"] with it before you store anything there (a Map has no such keys)`;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null) return `${shown} — an object without a prototype (Object.create(null)), not a string`;
  return shown;
}

/** Fails with `headline` unless `received` deep-equals `expected`. */
export function expectEqual<T>(received: T, expected: T, headline: string, advice: Omit<Advice, 'expected' | 'received'> = {}): void {
  if (isDeepStrictEqual(received, expected)) return;
  throw new CheckError(headline, { ...advice, expected: show(expected), received: show(received) });
}

/** Fails with `headline` unless `condition` holds. */
export function expectTrue(condition: boolean, headline: string, advice: Advice = {}): void {
  if (condition) return;
  throw new CheckError(headline, advice);
}

