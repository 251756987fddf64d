// A failure's advice as the grader carries it, from the checkpoint's CheckError (harness/check.ts) through the reporter
// into the JSON report and every renderer: the text fields, never read back from the message.
import type { Advice } from '../harness/check.ts';

/** What a failure says beyond its headline: each text field of the CheckError's advice (its cause travels on its own). */
export type FailureAdvice = Omit<Advice, 'cause'>;

const fields = ['expected', 'received', 'where', 'fix', 'transcript', 'hint', 'seen'] as const satisfies readonly (keyof FailureAdvice)[];

/** The text fields of a thrown value's `advice` (its cause travels on its own), or undefined when it has none. */
export function adviceData(advice: Record<string, unknown>): FailureAdvice | undefined {
  const data: FailureAdvice = {};
  for (const field of fields) if (typeof advice[field] === 'string') data[field] = advice[field];
  return Object.keys(data).length > 0 ? data : undefined;
}
