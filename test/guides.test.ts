// The course lint (rustlings' `dev check`, here `npm run lint:course`): guides, specs, hints and scaffolds follow the
// house rules. The checks live in grader/tools/lint/; this file runs them day by day.
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { explainLinkProblems, guideProblems } from '../grader/tools/lint/guides.ts';

describe.each(days.map((day) => [day.id, day] as const))('%s', (_id, day) => {
  it('has a guide folding the manifest hints word for word, a spec, scaffolds with short headers and TODOs, solutions, and working "When it fails" links', () => {
    expect(guideProblems(day)).toEqual([]);
  });
});

describe('the guide checks', () => {
  const day = days[0]!;

  it('name the guide and the fix when a hint is not folded there, or an explanation links no entry', () => {
    const hint = guideProblems({ ...day, hints: [...day.hints, 'Which hint did nobody fold?'] });
    expect(hint).toEqual([expect.objectContaining({ file: `days/${day.slug}/README.md`, problem: expect.stringContaining('Which hint did nobody fold?') })]);
    const link = explainLinkProblems({ ...day, explain: { 'caches-apart': { anchor: 'no-such-entry', title: 'No such entry' } } });
    expect(link).toEqual([expect.objectContaining({ file: `days/${day.slug}/README.md`, problem: expect.stringContaining('#no-such-entry') })]);
  });

  it('name a hint the guide numbers otherwise than npm run hint does (hints swapped in the manifest)', () => {
    const [first, second, ...rest] = day.hints;
    const swapped = guideProblems({ ...day, hints: [second!, first!, ...rest] });
    expect(swapped.map((problem) => problem.problem)).toEqual([
      `folds hint 1 of course/days/${day.slug}.ts under "Hint 2"`,
      `folds hint 2 of course/days/${day.slug}.ts under "Hint 1"`,
    ]);
  });
});
