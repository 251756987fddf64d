// The guides and scaffolds of each day: hints folded word for word, scaffold headers naming real sections, the
// checkpoint spec's closing sections, learner files shipped as scaffold and solution, and "When it fails" links.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day } from '../../../course/days.ts';
import { headingAnchors } from '../../explain.ts';
import { root } from '../../paths.ts';
import { manifestFile, type Problem } from './problem.ts';

const foldedBlock = /<details>\s*(?:<summary>([\s\S]*?)<\/summary>)?([\s\S]*?)<\/details>/g;

// The "## Hints" section of a guide as [start, end) offsets, or undefined.
function hintsSpan(markdown: string): [number, number] | undefined {
  const start = markdown.search(/^## Hints\b/m);
  if (start < 0) return undefined;
  const end = markdown.slice(start + 3).search(/^## /m);
  return [start, end < 0 ? markdown.length : start + 3 + end];
}

/** The folded blocks of a guide's "## Hints" section, in order: each `<details>` block's summary and its text after it. */
export function foldedBlocks(markdown: string): { summary?: string; text: string }[] {
  const span = hintsSpan(markdown);
  return span ? [...markdown.slice(...span).matchAll(foldedBlock)].map((match) => ({ summary: match[1]?.trim(), text: match[2]!.trim() })) : [];
}

/** A "## Hints" section carrying this comment has every summary written from its hint (its opening question). */
export const hintsMarker = '<!-- The hints below are written from course/days.ts by `npm run lint:course -- --write`: edit them there. -->';

/** `guide` with its "## Hints" section folding exactly `day.hints` (the source): each block's text rewritten, a block
 *  added for a new hint, one beyond dropped. Summaries are rewritten too: a hint's opening question (every summary so
 *  under `hintsMarker`, and one that was its old text's opening question) follows its new text; a hand-written title
 *  stays with its hint (found by its text, else its place) and takes the hint's number. */
export function renderHints(day: Day, guide: string): string {
  const block = (summary: string, hint: string) => `<details>\n<summary>${summary}</summary>\n\n${hint}\n\n</details>`;
  const summaryOf = (hint: string, i: number) => `Hint ${i + 1}: ${/^[^?.:]{1,80}[?]/.exec(hint)?.[0] ?? hint.split(' ').slice(0, 6).join(' ')}`;
  const span = hintsSpan(guide) ?? [guide.length, guide.length];
  const section =
    guide.slice(...span) || `\n## Hints (only look if stuck)\n\`npm run hint ${day.id}\` shows them one at a time; they are the same text as below.\n`;
  const old = section.includes(hintsMarker) ? [] : [...section.matchAll(foldedBlock)].map((match) => ({ summary: match[1]?.trim(), text: match[2]!.trim() }));
  const summary = (hint: string, i: number) => {
    const kept = old.find((entry) => entry.text === hint.trim()) ?? (day.hints.some((other) => other.trim() === old[i]?.text) ? undefined : old[i]);
    const place = kept ? old.indexOf(kept) : -1;
    if (!kept?.summary || kept.summary === summaryOf(kept.text, place)) return summaryOf(hint, i);
    return kept.summary.replace(/^Hint \d+/, `Hint ${i + 1}`);
  };
  const intro = section.split('<details>')[0]!.trimEnd();
  const blocks = day.hints.map((hint, i) => block(summary(hint, i), hint.trim()));
  const rest = guide.slice(span[1]);
  return `${guide.slice(0, span[0])}${intro}\n\n${blocks.join('\n\n')}\n${rest ? `\n${rest}` : ''}`;
}

/** Rewrites each day's guide hints from the manifest; returns the guides it changed. */
export function writeHints(days: Day[], base = root): string[] {
  return days.flatMap((day) => {
    const path = resolve(base, `days/${day.slug}/README.md`);
    const before = readFileSync(path, 'utf8');
    const after = renderHints(day, before);
    if (after === before) return [];
    writeFileSync(path, after);
    return [`days/${day.slug}/README.md`];
  });
}

/** The guide's folded hints against the manifest's, one by one: the same count, the same text, the same order. */
export function hintProblems(day: Day, guide: string, guidePath = `days/${day.slug}/README.md`): Problem[] {
  const blocks = foldedBlocks(guide);
  const folded = blocks.map((block) => block.text);
  const label = (block: { summary?: string } | undefined) => /^(Hint \d+)\b/.exec(block?.summary ?? '')?.[1];
  const problems: Problem[] = [];
  day.hints.forEach((hint, i) => {
    const block = folded[i];
    // `npm run hint` numbers hints by their place in course/days.ts; the guide's summary must say the same number.
    const elsewhere = folded.indexOf(hint.trim());
    if (elsewhere >= 0 && label(blocks[elsewhere]) !== `Hint ${i + 1}`) {
      problems.push({
        file: guidePath,
        problem: `folds hint ${i + 1} of ${manifestFile(day)} under "${label(blocks[elsewhere]) ?? 'no Hint N summary'}"`,
        fix: `label it <summary>Hint ${i + 1}: …</summary>, or reorder the hints in ${manifestFile(day)}`,
      });
      return;
    }
    if (block === hint.trim()) return;
    const at = [...hint.trim()].findIndex((char, j) => block?.[j] !== char);
    problems.push({
      file: guidePath,
      problem:
        block === undefined
          ? `folds no hint ${i + 1} under "## Hints"; ${manifestFile(day)}'s ${day.id} hints[${i}] is: ${hint.slice(0, 80)}…`
          : `folds hint ${i + 1} with other words than ${manifestFile(day)}'s ${day.id} hints[${i}], from character ${at + 1}: the guide has "${block.slice(Math.max(0, at - 20), at + 40)}…", the manifest "${hint.slice(Math.max(0, at - 20), at + 40)}…"`,
      fix: `${manifestFile(day)} is the source (npm run hint prints it): npm run lint:course -- --write folds it into the guide`,
    });
  });
  for (const [i, block] of folded.slice(day.hints.length).entries()) {
    problems.push({
      file: guidePath,
      problem: `folds a hint ${day.hints.length + i + 1} that ${manifestFile(day)}'s ${day.id} does not have: ${block.slice(0, 80)}…`,
      fix: "add it to the day's hints in ${manifestFile(day)} (npm run hint shows only those), then npm run lint:course -- --write",
    });
  }
  return problems;
}

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

/** Problems with `day`'s guide, spec and scaffolds (in the repo, or in a copy of it at `base`). */
export function guideProblems(day: Day, base = root): Problem[] {
  const read = (path: string) => readFileSync(resolve(base, path), 'utf8');
  const problems: Problem[] = [];
  const guidePath = `days/${day.slug}/README.md`;
  const guide = read(guidePath);
  if (day.hints.length === 0)
    problems.push({ file: manifestFile(day), problem: `${day.id} has no hint`, fix: 'give every day at least one question-style hint' });
  problems.push(...hintProblems(day, guide, guidePath));
  const headings = guide.match(/^#{2,4} .+$/gm)!.map((line) => line.replace(/^#+ (\d+\. )?/, '').toLowerCase());
  for (const file of day.files) {
    if (!existsSync(resolve(base, 'solutions', file)))
      problems.push({ file: `solutions/${file}`, problem: 'is missing', fix: `every learner file of ${manifestFile(day)} ships with a solution` });
    const scaffold = read(`days/${file}`);
    const header = scaffold.split('\n').slice(0, 4).join('\n');
    const named = /Guide: days\/[^,\n]*README\.md, ([^\n]+)/.exec(header)?.[1] ?? '';
    for (const [, section] of named.matchAll(/"([^"]+)"/g)) {
      if (!headings.some((heading) => heading.startsWith(section!.toLowerCase())))
        problems.push({
          file: `days/${file}`,
          problem: `its header names the section "${section}", which ${guidePath} does not have`,
          fix: 'name a heading of the guide as it is written',
        });
    }
    // Markdown scaffolds (day 6's README and reflection) use HTML comments: `<!-- … -->` and `<!-- TODO: … -->`.
    const markdown = file.endsWith('.md');
    const lines = scaffold.split('\n').findIndex((line) => !line.startsWith(markdown ? '<!--' : '//'));
    if (lines < 1 || lines > 4)
      problems.push({
        file: `days/${file}`,
        problem: `opens with ${lines} comment lines`,
        fix: 'open with 1–4 comment lines: what to build, how to check, which section',
      });
    if (!(markdown ? /<!-- TODO: [A-Z]/ : /\/\/ TODO: [A-Z]/).test(scaffold))
      problems.push({ file: `days/${file}`, problem: 'has no TODO', fix: `mark what to edit with ${markdown ? '"<!-- TODO: …"' : '"// TODO: …"'}` });
  }
  const specPath = `days/${day.slug}/CHECKPOINT.md`;
  const sections = [...read(specPath).matchAll(/^## (.+)$/gm)].map((match) => match[1]!.trim());
  if (sections.slice(-2).join('|') !== 'Required exports|Completion criteria')
    problems.push({
      file: specPath,
      problem: `ends with the sections ${JSON.stringify(sections.slice(-2))}`,
      fix: 'end with "## Required exports" and "## Completion criteria"',
    });
  if (!read('README.md').includes(`days/${day.slug}`))
    problems.push({ file: 'README.md', problem: `does not list days/${day.slug}`, fix: "add the day to the front page's table" });
  return [...problems, ...explainLinkProblems(day, base)];
}

/** `explain` and `causes` entries of `day` that link to no "When it fails" entry of its guide, or with another title. */
export function explainLinkProblems(day: Day, base = root): Problem[] {
  const read = (path: string) => readFileSync(resolve(base, path), 'utf8');
  const guidePath = `days/${day.slug}/README.md`;
  const linked = [...Object.values(day.explain ?? {}), ...Object.values(day.causes ?? {})].filter((entry) => entry !== undefined && entry !== 'none');
  if (linked.length === 0) return [];
  if (!existsSync(resolve(base, guidePath)))
    return [{ file: guidePath, problem: 'is missing', fix: `its "When it fails" entries are linked from ${manifestFile(day)}` }];
  const anchors = whenItFailsAnchors(read(guidePath));
  const problems: Problem[] = [];
  for (const entry of new Map(linked.map((link) => [`${link.anchor}\0${link.title}`, link])).values()) {
    const title = anchors.get(entry.anchor);
    if (title === undefined)
      problems.push({
        file: guidePath,
        problem: `has no "### ${entry.title}" under "## When it fails" (${manifestFile(day)} links #${entry.anchor})`,
        fix: `add the entry, or link one of: ${[...anchors.keys()].join(', ')}`,
      });
    else if (title !== entry.title)
      problems.push({
        file: manifestFile(day),
        problem: `${day.id} links #${entry.anchor} with the title "${entry.title}"`,
        fix: `use the heading's text: "${title}"`,
      });
  }
  return problems;
}
