// One entry of a day's guide ("When it fails"), read from the workbook's own days/<slug>/README.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { githubAnchor } from '../course/explain.ts';
import { root } from './paths.ts';

/** The heading and markdown under it, up to the next heading of the same or a higher level. */
export interface GuideEntry {
  heading: string;
  body: string;
}

/** The entry of `days/<slug>/README.md` whose heading has `anchor`, or undefined when the guide has none. */
export function guideEntry(slug: string, anchor: string): GuideEntry | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(root, 'days', slug, 'README.md'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i += 1) {
    if (/^\s*(```|~~~)/.test(lines[i]!)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(lines[i]!);
    if (!heading || githubAnchor(heading[2]!) !== anchor) continue;
    return { heading: heading[2]!, body: lines.slice(i + 1, endOf(lines, i, heading[1]!.length)).join('\n').trim() };
  }
  return undefined;
}

/** The index of the first heading after line `start` of `level` or higher (outside code fences), or the end. */
function endOf(lines: string[], start: number, level: number): number {
  let fenced = false;
  for (let j = start + 1; j < lines.length; j += 1) {
    if (/^\s*(```|~~~)/.test(lines[j]!)) fenced = !fenced;
    if (!fenced && new RegExp(`^#{1,${level}}\\s`).test(lines[j]!)) return j;
  }
  return lines.length;
}
