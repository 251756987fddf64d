// Applies a fixture's `bug.patch` (a unified diff against solutions/) to a copied tree. Like GNU patch's default
// (fuzz 2), a hunk whose outer one or two context lines no longer match still applies when the lines it removes and
// the context nearer them do: a line added to the solution beside a planted bug does not break the patch.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One hunk: the lines it expects (context and removed) and the lines it leaves (context and added). */
interface Hunk {
  header: string;
  oldStart: number;
  before: string[];
  after: string[];
  /** Context lines at the hunk's start and at its end (the lines fuzz may leave out). */
  lead: number;
  trail: number;
}

/** The most context lines a hunk may leave out at each end. */
export const fuzz = 2;

/** The hunks of a unified diff, by the file (`+++ b/PATH`) they change. */
export function parsePatch(text: string): Map<string, Hunk[]> {
  const files = new Map<string, Hunk[]>();
  let hunks: Hunk[] | undefined;
  let hunk: Hunk | undefined;
  // An editor may strip the space of a blank context line, so an empty line is context too (except the last).
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('+++ ')) {
      hunks = [];
      files.set(line.slice(4).replace(/^b\//, '').split('\t')[0]!, hunks);
      hunk = undefined;
      continue;
    }
    const start = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (start && hunks) {
      hunk = { header: line, oldStart: Number(start[1]), before: [], after: [], lead: 0, trail: 0 };
      hunks.push(hunk);
      continue;
    }
    if (!hunk || line.startsWith('--- ') || line.startsWith('\\')) continue;
    const body = line.slice(1);
    if (line.startsWith(' ') || line === '') {
      if (hunk.lead === hunk.before.length && hunk.lead === hunk.after.length) hunk.lead += 1;
      hunk.before.push(body);
      hunk.after.push(body);
      hunk.trail += 1;
      continue;
    }
    hunk.trail = 0;
    if (line.startsWith('-')) hunk.before.push(body);
    else if (line.startsWith('+')) hunk.after.push(body);
  }
  return files;
}

// Where `block` stands in `lines` at or after `from`, nearest to `near`; -1 when it is nowhere.
function find(lines: string[], block: string[], from: number, near: number): number {
  let best = -1;
  for (let at = from; at + block.length <= lines.length; at += 1) {
    if (!block.every((line, index) => lines[at + index] === line)) continue;
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** Applies `patchFile` to the files under `tree`; throws, naming the hunk, when the solution has moved on. */
export function applyPatch(patchFile: string, tree: string): void {
  for (const [file, text] of patched(patchFile, tree)) writeFileSync(file, text);
}

/** What `patchFile` makes of the files under `tree`, without writing: [path, text]; throws like applyPatch. */
export function patched(patchFile: string, tree: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [path, hunks] of parsePatch(readFileSync(patchFile, 'utf8'))) {
    const file = resolve(tree, path);
    const lines = readFileSync(file, 'utf8').split('\n');
    let from = 0;
    for (const hunk of hunks) {
      let placed = false;
      for (let f = 0; f <= fuzz && !placed; f += 1) {
        // Leave out up to f context lines at each end (never all of a hunk that is only context).
        const [lead, trail] = [Math.min(f, hunk.lead), Math.min(f, hunk.trail)];
        if (lead + trail >= hunk.before.length) break;
        const before = hunk.before.slice(lead, hunk.before.length - trail);
        const after = hunk.after.slice(lead, hunk.after.length - trail);
        const at = find(lines, before, from, hunk.oldStart - 1 + lead);
        if (at === -1) continue;
        lines.splice(at, before.length, ...after);
        from = at + after.length;
        placed = true;
      }
      if (!placed)
        throw new Error(
          `${patchFile} no longer applies to ${path} (${hunk.header}): the solution changed there, even within ${fuzz} lines of fuzz. Re-make the patch as test/fixtures/README.md says.`,
        );
    }
    out.push([file, lines.join('\n')]);
  }
  return out;
}
