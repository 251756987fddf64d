// Headings and entries of the workbook's guides (days/<slug>/README.md): one reader for the UI's notes, the class
// page's inlined entries and the lint's anchors. Headings inside code fences are not headings; a repeated heading's
// anchor is numbered `-1`, `-2`, as GitHub does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { githubAnchor } from '../course/anchor.ts';
import { root } from './paths.ts';

/** A heading of a markdown text: its anchor, its text, its level (1–6) and its line (from 0). */
export interface Heading {
  anchor: string;
  text: string;
  level: number;
  line: number;
}

/** Every heading of `markdown` outside code fences, in order. */
export function headings(markdown: string): Heading[] {
  const out: Heading[] = [];
  const seen = new Map<string, number>();
  let fenced = false;
  markdown.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) return;
    const base = githubAnchor(heading[2]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.push({ anchor: count === 0 ? base : `${base}-${count}`, text: heading[2]!, level: heading[1]!.length, line: index });
  });
  return out;
}

/** The heading with `anchor` and the markdown under it, up to the next heading of its level or a higher one. */
export function section(markdown: string, anchor: string): GuideEntry | undefined {
  const all = headings(markdown);
  const at = all.findIndex((heading) => heading.anchor === anchor);
  if (at === -1) return undefined;
  const { text, level, line } = all[at]!;
  const end = all.slice(at + 1).find((heading) => heading.level <= level)?.line;
  return {
    heading: text,
    body: markdown
      .split('\n')
      .slice(line + 1, end)
      .join('\n')
      .trim(),
  };
}

/** A guide entry: its heading, and the markdown under it. */
export interface GuideEntry {
  heading: string;
  body: string;
}

/** The entry of `days/<slug>/README.md` whose heading has `anchor`, or undefined when the guide has none. */
export function guideEntry(slug: string, anchor: string): GuideEntry | undefined {
  try {
    return section(readFileSync(resolve(root, 'days', slug, 'README.md'), 'utf8'), anchor);
  } catch {
    return undefined;
  }
}
