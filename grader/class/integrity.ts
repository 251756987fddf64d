// What a report's integrity block tells the mentor: a report changed after the grader wrote it, files that decide a
// verdict changed on the learner's side, days whose files are the shipped solution's.
import { digestState } from '../integrity.ts';

type Json = Record<string, unknown>;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** One note per thing the report's integrity block (any shape: report, Classroom, Exercism) says; none for an older report. */
export function integrityNotes(data: Json): string[] {
  const notes: string[] = [];
  if (digestState(data) === 'changed') notes.push('⚠ changed after the grader wrote it (its digest does not match): do not trust its verdicts');
  const integrity = typeof data.integrity === 'object' && data.integrity !== null ? (data.integrity as Json) : {};
  const tamper = typeof integrity.tamper === 'object' && integrity.tamper !== null ? (integrity.tamper as Json) : undefined;
  if (tamper && tamper.clean === false && tamper.unchecked !== true) {
    const files = [...list(tamper.changed), ...list(tamper.missing), ...list(tamper.added)];
    notes.push(`⚠ graded with files that decide a verdict changed (${files.length}: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''})`);
  }
  const same = list(integrity.sameAsSolutions);
  if (same.length > 0) notes.push(`${same.join(', ')}: same as solutions/ (whitespace and comments aside)`);
  return notes;
}
