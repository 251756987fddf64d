// Every checkpoint test links to a "When it fails" entry of its day's guide (or says 'none' on purpose), and the links resolve.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { githubAnchor, headingAnchors, HANG_KEY, whyLine } from '../grader/explain.ts';
import { root } from '../grader/paths.ts';
import { renderTests } from '../grader/render.ts';

interface Listed {
  day: string;
  module: string;
  group: string;
  name: string;
}

/** The anchors of the `###` entries under "## When it fails" in a guide. */
function whenItFailsAnchors(markdown: string): Map<string, string> {
  const start = markdown.search(/^## When it fails\s*$/m);
  if (start < 0) return new Map();
  const rest = markdown.slice(start);
  const end = rest.slice(3).search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end + 3);
  const all = headingAnchors(markdown);
  const entries = new Map<string, string>();
  for (const [anchor, text] of all) {
    if (section.split('\n').some((line) => /^###\s/.test(line) && line.replace(/^###\s+/, '').trim() === text)) entries.set(anchor, text);
  }
  return entries;
}

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
  const [name, entry] = Object.entries(day.explain ?? {}).find(([key, value]) => key !== HANG_KEY && value !== 'none')!;

  it('prints "Why this happens" with the guide path, anchor and title under the ✗', () => {
    const text = renderTests({ id: day.id, title: day.title, passed: false, metrics: {}, durationMs: 0, tests: [{ group: '', name, status: 'failed', message: 'Expected: 1\nReceived: 2', durationMs: 0 }] });
    if (entry === 'none') throw new Error('unreachable');
    expect(text).toContain(`Why this happens: days/${day.slug}/README.md#${entry.anchor} — ${entry.title}`);
  });

  it('links a test that did not finish to the hang entry, and says nothing for a TODO left', () => {
    const hang = day.explain?.[HANG_KEY];
    if (hang && hang !== 'none') expect(whyLine(day.id, { name, message: 'did not finish within 10 s — an infinite loop?' })).toContain(hang.anchor);
    expect(whyLine(day.id, { name, message: 'not implemented yet: Cache.get in days/01-cache/cache.ts' })).toBeUndefined();
    expect(whyLine(day.id, { name: 'a test nobody listed', message: 'x' })).toBeUndefined();
  });
});

describe('failures are told by their cause', () => {
  const day = days.find((entry) => entry.id === 'day2')!;
  const cause = { kind: 'handleLine-wrong', title: 'handleLine returns "nil" where the protocol table says "(nil)"' };
  const failed = (name: string, group = 'Protocol') => ({ group, name, status: 'failed' as const, message: `${name} failed\nLook at:  handleLine`, durationMs: 0, cause });
  const needs = `not run — needs: ${day.preconditions![0]!.needs}`;
  const text = renderTests({
    id: day.id,
    title: day.title,
    passed: false,
    metrics: {},
    durationMs: 0,
    tests: [
      { group: 'Start', name: day.preconditions![0]!.requirement, status: 'failed', message: 'did not start', durationMs: 0 },
      failed('first'),
      failed('second', 'Framing'),
      { group: 'Framing', name: 'third', status: 'skipped', message: needs, durationMs: 0 },
      { group: 'Framing', name: 'fourth', status: 'skipped', message: needs, durationMs: 0 },
    ],
  });

  it("links the cause's guide entry, not the requirement's", () => {
    const entry = day.causes!['handleLine-wrong'];
    if (!entry || entry === 'none') throw new Error('day 2 links handleLine-wrong to an entry');
    expect(whyLine(day.id, failed('reads command names in any case'))).toContain(entry.anchor);
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

describe('every checkpoint test has an explanation or says none', () => {
  let listed: Listed[] = [];
  beforeAll(async () => {
    const run = await execa(process.execPath, ['--import', 'tsx', 'test/list-checkpoints.ts'], { cwd: root, env: { FORCE_COLOR: '0' } });
    listed = run.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Listed);
  }, 120_000);

  it.each(days.map((day) => [day.id, day] as const))('%s', (id, day) => {
    const names = listed.filter((test) => test.day === id).map((test) => test.name);
    expect(names.length, `no checkpoint test of ${id} was collected`).toBeGreaterThan(0);
    const explain = day.explain ?? {};
    const missing = names.filter((name) => !(name in explain));
    expect(missing, `checkpoint tests of ${id} with neither an explanation nor 'none' in course/days.ts`).toEqual([]);
    const stale = Object.keys(explain).filter((key) => key !== HANG_KEY && !names.includes(key));
    expect(stale, `explain keys of ${id} that name no checkpoint test (renamed?)`).toEqual([]);

    const unknown = (day.preconditions ?? []).map((pre) => pre.requirement).filter((name) => !names.includes(name));
    expect(unknown, `preconditions of ${id} that name no checkpoint test`).toEqual([]);

    const guide = resolve(root, 'days', day.slug, 'README.md');
    const linked = [...Object.values(explain), ...Object.values(day.causes ?? {})].filter((entry) => entry !== undefined && entry !== 'none');
    if (linked.length === 0) return;
    expect(existsSync(guide), `days/${day.slug}/README.md must exist: its "When it fails" entries are linked`).toBe(true);
    const anchors = whenItFailsAnchors(readFileSync(guide, 'utf8'));
    for (const entry of linked) {
      expect(anchors.has(entry.anchor), `days/${day.slug}/README.md has no "### ${entry.title}" under "## When it fails" (anchor #${entry.anchor}); entries: ${[...anchors.keys()].join(', ')}`).toBe(true);
      expect(anchors.get(entry.anchor), `the title in course/days.ts should be the heading's text`).toBe(entry.title);
    }
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
        { group: 'Protocol', name: 'reads command names in any case', status: 'failed', message: 'Expected: OK\nReceived: ERR unknown command\nTry: compare names in upper case', durationMs: 0 },
        { group: 'Stretch', name: 'answers PING with PONG', status: 'failed', bonus: true, message: 'Expected: PONG\nReceived: ERR unknown command \'PING\'\nTry: add a PING case', durationMs: 0 },
      ],
    });
    expect(text).toContain('Try: compare names in upper case');
    expect(text).toContain('Expected: PONG');
    expect(text, 'the bonus keeps to its first line').not.toContain('Try: add a PING case');
    expect(text).toContain('(in full: npm run check day2 -- --only "answers PING with PONG")');
  });
});
