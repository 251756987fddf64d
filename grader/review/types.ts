// The shape of a review check: it reads one learner file and returns concrete observations, or none when it cannot decide.
import { lineOf, type Source } from '../source.ts';

/** A learner file as the checks see it. */
export interface LearnerFile {
  /** As the learner reads it: `days/02-server/server.ts`. */
  path: string;
  source: Source;
}

/** One observation: where, what, and why it matters. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  /** The line of code it is about, trimmed. */
  code: string;
  what: string;
  why: string;
}

/** One honest check. */
export interface ReviewCheck {
  id: string;
  /** What it looks for, as a noun phrase ("a catch that swallows an error"). */
  title: string;
  run(file: LearnerFile): Finding[];
}

/** A finding at offset `index` of `file`. */
export function findingAt(check: ReviewCheck | string, file: LearnerFile, index: number, what: string, why: string): Finding {
  const line = lineOf(file.source, index);
  return { check: typeof check === 'string' ? check : check.id, file: file.path, line, code: file.source.text.split('\n')[line - 1]!.trim(), what, why };
}
