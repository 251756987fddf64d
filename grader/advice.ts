// A failure's advice as the grader carries it, from the checkpoint's CheckError (harness/check.ts) through the reporter
// into the JSON report and every renderer: the text fields, never read back from the message.

/** What a failure says beyond its headline: each field as the CheckError's advice has it. */
export interface FailureAdvice {
  expected?: string;
  received?: string;
  /** The file and function to look at. */
  where?: string;
  /** What to try next. */
  fix?: string;
  transcript?: string;
  hint?: string;
  /** What a fresh look at the learner's code showed to be the cause. */
  seen?: string;
}

const fields = ['expected', 'received', 'where', 'fix', 'transcript', 'hint', 'seen'] as const;

/** The text fields of a thrown value's `advice` (its cause travels on its own), or undefined when it has none. */
export function adviceData(advice: Record<string, unknown>): FailureAdvice | undefined {
  const data: FailureAdvice = {};
  for (const field of fields) if (typeof advice[field] === 'string') data[field] = advice[field];
  return Object.keys(data).length > 0 ? data : undefined;
}
