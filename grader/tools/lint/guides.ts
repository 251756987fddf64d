// The guides and scaffolds of each day: hints folded word for word, scaffold headers naming real sections, the
// checkpoint spec's closing sections, learner files shipped as scaffold and solution, and "When it fails" links.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day } from '../../../course/days.ts';
import { headingAnchors } from '../../explain.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';

const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

/** The anchors of the `###` entries under "## When it fails" in a guide, with their heading text. */
export function whenItFailsAnchors(markdown: string): Map<string, string> {
  const start = markdown.search(/^## When it fails\s*$/m);
  if (start < 0) return new Map();
  const rest = markdown.slice(start);
  const end = rest.slice(3).search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end + 3);
  const entries = new Map<string, string>();
  for (const [anchor, text] of headingAnchors(markdown)) {
    if (section.split('\n').some((line) => /^###\s/.test(line) && line.replace(/^###\s+/, '').trim() === text)) entries.set(anchor, text);
  }
  return entries;
}

/** Problems with `day`'s guide, spec and scaffolds. */
export function guideProblems(day: Day): Problem[] {
  const problems: Problem[] = [];
  const guidePath = `days/${day.slug}/README.md`;
  const guide = read(guidePath);
  const folded = [...guide.matchAll(/<details>([\s\S]*?)<\/details>/g)].map((match) => match[1]!);
  if (day.hints.length === 0) problems.push({ file: 'course/days.ts', problem: `${day.id} has no hint`, fix: 'give every day at least one question-style hint' });
  for (const [index, hint] of day.hints.entries()) {
    const block = folded.find((each) => each.includes(hint));
    if (!block) problems.push({ file: guidePath, problem: `does not fold this hint of course/days.ts word for word: ${hint.slice(0, 80)}…`, fix: 'copy the hint from course/days.ts into a <details> block (or change both)' });
    // `npm run hint` numbers hints by their place in course/days.ts; the guide's summary must say the same number.
    const label = block && /<summary>(Hint \d+)\b/.exec(block)?.[1];
    if (block && label !== `Hint ${index + 1}`) problems.push({ file: guidePath, problem: `folds hint ${index + 1} of course/days.ts under "${label ?? 'no Hint N summary'}"`, fix: `label it <summary>Hint ${index + 1}: …</summary>, or reorder the hints in course/days.ts` });
  }
  const headings = guide.match(/^#{2,4} .+$/gm)!.map((line) => line.replace(/^#+ (\d+\. )?/, '').toLowerCase());
  for (const file of day.files) {
    if (!existsSync(resolve(root, 'solutions', file))) problems.push({ file: `solutions/${file}`, problem: 'is missing', fix: `every learner file of course/days.ts ships with a solution` });
    const scaffold = read(`days/${file}`);
    const header = scaffold.split('\n').slice(0, 4).join('\n');
    const named = /Guide: days\/[^,\n]*README\.md, ([^\n]+)/.exec(header)?.[1] ?? '';
    for (const [, section] of named.matchAll(/"([^"]+)"/g)) {
      if (!headings.some((heading) => heading.startsWith(section!.toLowerCase()))) problems.push({ file: `days/${file}`, problem: `its header names the section "${section}", which ${guidePath} does not have`, fix: 'name a heading of the guide as it is written' });
    }
    // Markdown scaffolds (day 6's README and reflection) use HTML comments: `<!-- … -->` and `<!-- TODO: … -->`.
    const markdown = file.endsWith('.md');
    const lines = scaffold.split('\n').findIndex((line) => !line.startsWith(markdown ? '<!--' : '//'));
    if (lines < 1 || lines > 4) problems.push({ file: `days/${file}`, problem: `opens with ${lines} comment lines`, fix: 'open with 1–4 comment lines: what to build, how to check, which section' });
    if (!(markdown ? /<!-- TODO: [A-Z]/ : /\/\/ TODO: [A-Z]/).test(scaffold)) problems.push({ file: `days/${file}`, problem: 'has no TODO', fix: `mark what to edit with ${markdown ? '"<!-- TODO: …"' : '"// TODO: …"'}` });
  }
  const specPath = `days/${day.slug}/CHECKPOINT.md`;
  const sections = [...read(specPath).matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
  if (sections.slice(-2).join('|') !== 'Required exports|Completion criteria') problems.push({ file: specPath, problem: `ends with the sections ${JSON.stringify(sections.slice(-2))}`, fix: 'end with "## Required exports" and "## Completion criteria"' });
  if (!read('README.md').includes(`days/${day.slug}`)) problems.push({ file: 'README.md', problem: `does not list days/${day.slug}`, fix: "add the day to the front page's table" });
  return [...problems, ...explainLinkProblems(day)];
}

/** `explain` and `causes` entries of `day` that link to no "When it fails" entry of its guide, or with another title. */
export function explainLinkProblems(day: Day): Problem[] {
  const guidePath = `days/${day.slug}/README.md`;
  const linked = [...Object.values(day.explain ?? {}), ...Object.values(day.causes ?? {})].filter((entry) => entry !== undefined && entry !== 'none');
  if (linked.length === 0) return [];
  if (!existsSync(resolve(root, guidePath))) return [{ file: guidePath, problem: 'is missing', fix: 'its "When it fails" entries are linked from course/days.ts' }];
  const anchors = whenItFailsAnchors(read(guidePath));
  const problems: Problem[] = [];
  for (const entry of new Map(linked.map((link) => [`${link.anchor}\0${link.title}`, link])).values()) {
    const title = anchors.get(entry.anchor);
    if (title === undefined) problems.push({ file: guidePath, problem: `has no "### ${entry.title}" under "## When it fails" (course/days.ts links #${entry.anchor})`, fix: `add the entry, or link one of: ${[...anchors.keys()].join(', ')}` });
    else if (title !== entry.title) problems.push({ file: 'course/days.ts', problem: `${day.id} links #${entry.anchor} with the title "${entry.title}"`, fix: `use the heading's text: "${title}"` });
  }
  return problems;
}
