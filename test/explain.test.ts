// Every checkpoint requirement links to a "When it fails" entry of its day's guide (or says 'none' on purpose), by id,
// and the links resolve (the same checks as npm run lint:course).
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { githubAnchor, headingAnchors, HANG_KEY, whyLine } from '../grader/explain.ts';
import { renderTests } from '../grader/render.ts';
import { explainLinkProblems } from '../grader/tools/lint/guides.ts';

describe('GitHub anchors', () => {
  it('are lowercase, drop punctuation and inline code marks, and turn spaces into hyphens', () => {
    expect(githubAnchor('A lost update: 100 increments end below 100')).toBe('a-lost-update-100-increments-end-below-100');
    expect(githubAnchor('`get` does not return what `set` stored')).toBe('get-does-not-return-what-set-stored');
    expect(githubAnchor('Keys like `__proto__` or `constructor` come back wrong')).toBe('keys-like-__proto__-or-constructor-come-back-wrong');
    expect(githubAnchor('EADDRINUSE: the port is taken')).toBe('eaddrinuse-the-port-is-taken');
    expect(githubAnchor('See [the guide](https://x.y/z) — now')).toBe('see-the-guide--now');
  });

  it('number repeated headings and ignore headings inside code fences', () => {
    const anchors = headingAnchors('# Title\n## Same\n```md\n## Fenced\n```\n## Same\n');
    expect([...anchors.keys()]).toEqual(['title', 'same', 'same-1']);
  });
});

describe('the grader links a failure to its explanation', () => {
  const day = days[0]!;
  const [id, entry] = Object.entries(day.explain ?? {}).find(([key, value]) => key !== HANG_KEY && value !== 'none')!;

  it('prints "Why this happens" with the guide path, anchor and title under the ✗', () => {
    const text = renderTests({
      id: day.id,
      title: day.title,
      passed: false,
      metrics: {},
      durationMs: 0,
      tests: [{ group: '', name: 'a requirement', id, status: 'failed', message: 'Expected: 1\nReceived: 2', durationMs: 0 }],
    });
    if (entry === 'none') throw new Error('unreachable');
    expect(text).toContain(`Why this happens: days/${day.slug}/README.md#${entry.anchor} — ${entry.title}`);
  });

  it('links a test that did not finish to the hang entry, and says nothing for a TODO left', () => {
    const hang = day.explain?.[HANG_KEY];
    if (hang && hang !== 'none') expect(whyLine(day.id, { id, message: 'did not finish within 10 s — an infinite loop?' })).toContain(hang.anchor);
    expect(whyLine(day.id, { id, message: 'not implemented yet: Cache.get in days/01-cache/cache.ts' })).toBeUndefined();
    expect(whyLine(day.id, { id: 'a-test-nobody-listed', message: 'x' })).toBeUndefined();
  });
});

describe('failures are told by their cause', () => {
  const day = days.find((entry) => entry.id === 'day2')!;
  const cause = { kind: 'handleLine-wrong', title: 'handleLine returns "nil" where the protocol table says "(nil)"' };
  const failed = (name: string, group = 'Protocol') => ({
    group,
    name,
    id: name,
    status: 'failed' as const,
    message: `${name} failed\nLook at:  handleLine`,
    durationMs: 0,
    cause,
  });
  const needs = `not run — needs: ${day.preconditions![0]!.needs}`;
  const text = renderTests({
    id: day.id,
    title: day.title,
    passed: false,
    metrics: {},
    durationMs: 0,
    tests: [
      { group: 'Start', name: 'starts', id: day.preconditions![0]!.requirement, status: 'failed', message: 'did not start', durationMs: 0 },
      failed('first'),
      failed('second', 'Framing'),
      { group: 'Framing', name: 'third', status: 'skipped', message: needs, durationMs: 0 },
      { group: 'Framing', name: 'fourth', status: 'skipped', message: needs, durationMs: 0 },
    ],
  });

  it("links the cause's guide entry, not the requirement's", () => {
    const entry = day.causes!['handleLine-wrong'];
    if (!entry || entry === 'none') throw new Error('day 2 links handleLine-wrong to an entry');
    expect(whyLine(day.id, failed('any-case'))).toContain(entry.anchor);
  });

  it('prints failures of one cause once, naming the others under the first', () => {
    expect(text.match(/second failed/g)).toBeNull();
    expect(text).toContain(`The same cause (${cause.title}) also breaks:\n        ✗ second`);
    expect(text.match(/Why this happens/g)).toHaveLength(2); // the start failure's entry, and the cause's
  });

  it('lists what a failed precondition kept from running once, folded', () => {
    expect(text.match(/not run — needs:/g)).toHaveLength(1);
    expect(text).toContain(`- ${needs} — 2 requirements not run:`);
    expect(text).toMatch(/· third\n\s+· fourth/);
  });
});

describe('every explanation links a "When it fails" entry of its guide, by its heading', () => {
  it.each(days.map((day) => [day.id, day] as const))('%s', (_id, day) => {
    expect(explainLinkProblems(day)).toEqual([]);
  });
});

describe('bonus misses', () => {
  it('take one line with the --only command, even while required requirements still fail', () => {
    const text = renderTests({
      id: 'day2',
      title: 'TCP server',
      passed: false,
      metrics: {},
      durationMs: 0,
      tests: [
        {
          group: 'Protocol',
          name: 'reads names in any case',
          status: 'failed',
          message: 'Expected: OK\nReceived: ERR unknown command\nTry: compare names in upper case',
          durationMs: 0,
        },
        {
          group: 'Stretch',
          name: 'answers ECHO hello with hello',
          status: 'failed',
          bonus: true,
          message: "Expected: hello\nReceived: ERR unknown command 'ECHO'\nTry: add an ECHO case",
          durationMs: 0,
        },
      ],
    });
    expect(text).toContain('Try: compare names in upper case');
    expect(text).toContain('Expected: hello');
    expect(text, 'the bonus keeps to its first line').not.toContain('Try: add an ECHO case');
    expect(text).toContain('(in full: npm run check day2 -- --only "answers ECHO hello with")');
  });
});
