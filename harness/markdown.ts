// Reading the learner's markdown: its `##`/`###` sections, with the scaffold's HTML comments left out.

/** Text with HTML comments (the scaffold's TODO notes) removed. */
export function withoutHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}

/** The markdown split at `##`/`###` headings: heading text → the text under it. */
export function sections(markdown: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  for (const block of withoutHtmlComments(markdown)
    .split(/^#{2,3}\s+/m)
    .slice(1)) {
    const [heading = '', ...body] = block.split('\n');
    out.push({ heading: heading.trim(), body: body.join('\n').trim() });
  }
  return out;
}
