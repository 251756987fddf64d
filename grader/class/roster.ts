// The class list (`npm run class -- DIR --roster FILE`, one learner per line): every name on it is on the page, and
// one with no report keeps a row that says so, so a learner who never pushed is not silently missing.
import { readFileSync } from 'node:fs';
import type { Learner } from './learner.ts';
import type { ClassInput } from './read.ts';

/** The names of a roster file: one per line; blank lines and lines starting with # left out. */
function rosterNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    ),
  ];
}

// Whether `learner` is the roster's `name`: by the name the report gives, or the file or folder it came from
// (`alice.json`, `alice/`, or a Classroom repository `cachelings-alice/`), letter case aside.
function matches(learner: Learner, name: string): boolean {
  const wanted = name.toLowerCase();
  const place = learner.file
    .split('/')[0]!
    .replace(/\.json$/, '')
    .toLowerCase();
  return learner.name.toLowerCase() === wanted || place === wanted || place.endsWith(`-${wanted}`);
}

/** `input` with a row for every roster name no report matched (`noReport`), and a note on each learner off the roster. */
export function withRoster(input: ClassInput, file: string): ClassInput {
  const names = rosterNames(readFileSync(file, 'utf8'));
  const missing = names.filter((name) => !input.learners.some((learner) => matches(learner, name)));
  const off = (learner: Learner) => !names.some((name) => matches(learner, name));
  const learners = input.learners.map((learner) => (off(learner) ? { ...learner, notes: [...learner.notes, 'not on the roster'] } : learner));
  return { ...input, learners: [...learners, ...missing.map((name): Learner => ({ name, file: '', days: [], notes: [], noReport: true }))] };
}
