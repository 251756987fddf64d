// The course lint (rustlings' `dev check`, here `npm run lint:course`): guides, specs, hints and scaffolds follow the
// house rules. The checks live in grader/tools/lint/; this file runs them day by day.
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { guideProblems } from '../grader/tools/lint/guides.ts';

describe.each(days.map((day) => [day.id, day] as const))('%s', (_id, day) => {
  it('has a guide folding the manifest hints word for word, a spec, scaffolds with short headers and TODOs, solutions, and working "When it fails" links', () => {
    expect(guideProblems(day)).toEqual([]);
  });
});
