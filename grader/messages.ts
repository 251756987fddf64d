// Turns what vitest reports into learner-facing text: no stack traces as headlines, always a next step.
import { sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { FailureAdvice } from './advice.ts';
import type { ErrorInfo } from './reporter.ts';
import { fillTheTodo } from '../harness/cause.ts';
import { adviceLines } from '../harness/check.ts';
import { display } from './paths.ts';

/** The text shown when a test or the whole run did not finish in time. */
export function stuckMessage(seconds: number): string {
  return [
    `did not finish within ${seconds} s — an infinite loop or a promise that never settles?`,
    'Try:      look for a loop whose condition never changes, or an `await` on a promise nobody resolves.',
  ].join('\n');
}

/** The first stack frame inside the learner's tree, shown as `days/01-cache/cache.ts:12:5`. */
function learnerFrame(stack: string, target: string): string | undefined {
  for (const line of stack.split('\n')) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.startsWith(target + sep)) return `${display(file)}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/** The advice of one error of a checkpoint test, as data: a CheckError's own (or what was added to another error), else
 *  where the learner's code threw (its first frame in the tree). */
export function adviceOf(error: ErrorInfo, target: string): FailureAdvice | undefined {
  if (error.name === 'CheckError' || /^(Test|Hook) timed out in/.test(error.message) || error.message.startsWith('not implemented yet')) return error.advice;
  const frame = learnerFrame(error.stack, target);
  return frame || error.advice ? { ...(frame && { where: frame }), ...error.advice } : undefined;
}

/** The learner-facing message for one error of a checkpoint test. */
export function explainError(raw: ErrorInfo, target: string, testTimeoutMs: number): string {
  const error = { ...raw, message: stripVTControlCharacters(raw.message) };
  if (error.name === 'CheckError') return error.message;
  const timedOut = /^(Test|Hook) timed out in (\d+)ms/.exec(error.message);
  if (timedOut) return stuckMessage(Math.round(Number(timedOut[2]) / 1000) || testTimeoutMs / 1000);
  const frame = learnerFrame(error.stack, target);
  if (error.message.startsWith('not implemented yet')) {
    return `${error.message}\nTry:      ${fillTheTodo}`;
  }
  const lines = [`Your code threw ${error.name}: ${error.message}`];
  if (frame) lines.push(...adviceLines({ where: frame }));
  return lines.join('\n');
}
