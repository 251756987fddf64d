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
  /** A network requirement's exchange with the server, as `Transcript.render()` writes it. */
  transcript?: string;
  /** What a known trouble means (a socket error, a port taken). */
  hint?: string;
  /** What a fresh look at the learner's code showed to be the cause, found after the failure (day 2's re-telling). */
  seen?: string;
  /** What went wrong, when the support code observed it (the grader folds failures of one cause together). */
  cause?: Cause;
}

/** The advice of a failure as lines of text, each labelled: the one place its text is written (the message, the
 *  report's `advice` field and every renderer read the same fields). */
export function adviceLines(advice: Advice): string[] {
  const lines: string[] = [];
  if (advice.expected !== undefined) lines.push(`Expected: ${advice.expected}`);
  if (advice.received !== undefined) lines.push(`Received: ${advice.received}`);
  if (advice.where) lines.push(`Look at:  ${advice.where}`);
  if (advice.fix) lines.push(`Try:      ${advice.fix}`);
  if (advice.transcript)
    lines.push(
      `Transcript:\n${advice.transcript
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`,
    );
  if (advice.hint) lines.push(`Hint: ${advice.hint}`);
  if (advice.seen) lines.push(`Cause:    ${advice.seen}`);
  return lines;
}

/** A failed requirement. The grader prints its message as is, without a stack trace. */
export class CheckError extends Error {
  /** The observed cause, carried to the grader's report (vitest keeps an error's own fields). */
  failure?: Cause;
  /** The first line of the message: what failed. */
  headline: string;
  /** What the failure says beyond its headline, field by field: carried to the grader's report as data (the UI shows
   *  each as its own note); the message is written from it. */
  advice: Advice;

  constructor(headline: string, advice: Advice = {}) {
    super([headline, ...adviceLines(advice)].join('\n'));
    this.name = 'CheckError';
    this.headline = headline;
    this.advice = advice;
    if (advice.cause) this.failure = advice.cause;
  }
}

/** A thrown value as vitest hands it on: a CheckError, vitest's copy of one, or any other error. */
export interface Thrown {
  message?: string;
  headline?: string;
  advice?: Advice;
  failure?: Cause;
}

/** Adds `more` to the advice `error` carries and writes its message again from headline and advice (any other error's
 *  message becomes its headline). */
export function addAdvice(error: Thrown, more: Advice): void {
  error.headline ??= error.message ?? '';
  error.advice = { ...error.advice, ...more };
  if (more.cause) error.failure = more.cause;
  error.message = [error.headline, ...adviceLines(error.advice)].join('\n');
}

/** A value as the learner would type it: strings quoted and escaped, undefined as undefined; what a plain object
 *  used as a store gives back for "__proto__" or "constructor" is said in words after Node's own notation. */
export function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const shown = inspect(value, { depth: 3, breakLength: Infinity });
  if (value === Object.prototype)
    return `${shown} — that is Object.prototype: a plain object {} used as a store answers obj["__proto__"] with its prototype, not with a value you stored (a Map has no such keys)`;
  if (value === Object)
    return `${shown} — that is the Object function: a plain object {} used as a store answers obj["constructor"] with it before you store anything there (a Map has no such keys)`;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null)
    return `${shown} — an object without a prototype (Object.create(null)), not a string`;
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
