// The course lint (rustlings' `dev check`): guides, specs, hints and scaffolds follow the house rules.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';

const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

describe.each(days.map((day) => [day.id, day] as const))('%s', (_id, day) => {
  it('has a guide whose folded hints are the manifest hints, word for word', () => {
    const guide = read(`days/${day.slug}/README.md`);
    const folded = [...guide.matchAll(/<details>([\s\S]*?)<\/details>/g)].map((match) => match[1]!);
    expect(day.hints.length, 'every day has at least one hint').toBeGreaterThan(0);
    for (const hint of day.hints) {
      expect(folded.some((block) => block.includes(hint)), `days/${day.slug}/README.md should fold this hint in a <details> block:\n${hint}`).toBe(true);
    }
  });

  it('names, in each scaffold header, only guide sections that exist', () => {
    const headings = read(`days/${day.slug}/README.md`).match(/^#{2,4} .+$/gm)!.map((line) => line.replace(/^#+ (\d+\. )?/, '').toLowerCase());
    for (const file of day.files) {
      const header = read(`days/${file}`).split('\n').slice(0, 4).join('\n');
      const named = /Guide: days\/[^,\n]*README\.md, ([^\n]+)/.exec(header)?.[1] ?? '';
      for (const [, section] of named.matchAll(/"([^"]+)"/g)) {
        expect(headings.some((heading) => heading.startsWith(section!.toLowerCase())), `days/${file} names the section "${section}", which days/${day.slug}/README.md does not have`).toBe(true);
      }
    }
  });

  it('has a checkpoint spec ending with "Required exports" and "Completion criteria"', () => {
    const spec = read(`days/${day.slug}/CHECKPOINT.md`);
    const headings = [...spec.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
    expect(headings.slice(-2), `the last two sections of days/${day.slug}/CHECKPOINT.md`).toEqual(['Required exports', 'Completion criteria']);
  });

  it('ships every learner file as a scaffold with a short header and a TODO, and as a solution', () => {
    for (const file of day.files) {
      expect(existsSync(resolve(root, 'solutions', file)), `solutions/${file} should exist`).toBe(true);
      const scaffold = read(`days/${file}`);
      // Markdown scaffolds (day 6's README and reflection) use HTML comments: `<!-- … -->` and `<!-- TODO: … -->`.
      const markdown = file.endsWith('.md');
      const header = scaffold.split('\n').findIndex((line) => !line.startsWith(markdown ? '<!--' : '//'));
      expect(header, `days/${file} should open with 1–4 comment lines (what to build, how to check, which section)`).toBeGreaterThan(0);
      expect(header, `days/${file} opens with ${header} comment lines; keep it to 4`).toBeLessThanOrEqual(4);
      expect(scaffold, `days/${file} should mark what to edit with "// TODO:"`).toMatch(markdown ? /<!-- TODO: [A-Z]/ : /\/\/ TODO: [A-Z]/);
    }
  });

  it('is listed on the front page', () => {
    expect(read('README.md'), `README.md should list days/${day.slug}`).toContain(`days/${day.slug}`);
  });
});
