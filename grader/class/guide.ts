// A guide entry's own words, inlined into the class page (a <details> block), so the page explains itself when it is
// mailed or uploaded away from the workbook: no link into a clone, no raw markdown without its anchor.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { section } from '../../harness/guide.ts';
import { root } from '../paths.ts';
import type { Cause } from './cause.ts';
import { esc } from './chart.ts';

const guides = new Map<string, string>();

// The text of the guide at `path` (repo-relative), read once per page.
function textOf(path: string): string {
  if (!guides.has(path)) {
    const file = resolve(root, path);
    guides.set(path, existsSync(file) && path.endsWith('.md') ? readFileSync(file, 'utf8') : '');
  }
  return guides.get(path)!;
}

/** The markdown under the heading `anchor` of the guide `path`, up to the next heading of its level or above. */
export function guideSection(path: string, anchor: string): string | undefined {
  return section(textOf(path), anchor)?.body;
}

// Markdown's inline code and emphasis as HTML, the rest escaped.
const inline = (text: string) =>
  esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');

// The guides' own folding (`<details>`, `<summary>…</summary>`, `</details>` on lines of their own) is kept as HTML.
const fold = /^(<\/?details>|<summary>[^<]*<\/summary>)$/;

/** The entry as HTML paragraphs, lists, code blocks and the guide's own folds (enough for "When it fails" entries). */
export function guideHtml(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n').map((line) => line.trim());
      if (lines.every((line) => fold.test(line)))
        return lines.map((line) => line.replace(/<summary>([^<]*)<\/summary>/, (_, text: string) => `<summary>${esc(text)}</summary>`)).join('');
      if (/^```/.test(block)) return `<pre>${esc(block.replace(/^```\w*\n?|\n?```$/g, ''))}</pre>`;
      if (/^\s*[-*] /.test(block))
        return `<ul>${block
          .split(/\n\s*[-*] /)
          .map((item) => `<li>${inline(item.replace(/^\s*[-*] /, ''))}</li>`)
          .join('')}</ul>`;
      return `<p>${inline(block)}</p>`;
    })
    .join('');
}

/** The cause's title, with its guide entry folded under it when the entry can be read; the guide's address stays as text. */
export function causeDetails(cause: Cause): string {
  const [path, anchor] = (cause.guide ?? '').split('#', 2) as [string, string | undefined];
  const text = path && anchor && !/^https?:/.test(path) ? guideSection(path, anchor) : undefined;
  if (!text)
    return cause.guide && /^https?:/.test(cause.guide)
      ? `<a href="${esc(cause.guide)}">${esc(cause.title)}</a>`
      : `<span class="title">${esc(cause.title)}</span>`;
  return `<details class="guide" data-guide="${esc(cause.guide!)}"><summary>${inline(cause.title)}</summary>${guideHtml(text)}<p class="muted">From the guide: <code>${esc(cause.guide!)}</code></p></details>`;
}
