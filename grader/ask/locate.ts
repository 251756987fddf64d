// Finds the learner's code a failure points at (its advice's `where`, or the TODO it stopped at: harness/look-at.ts),
// never outside their day folders.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { days } from '../../course/days.ts';
import { display, root } from '../paths.ts';
import type { Pointer } from '../../harness/look-at.ts';
import { findFunction, functionAt, moduleStateOf, parse, type Extract, type Source } from '../source.ts';

export { pointerAt, pointerOf, type Pointer } from '../../harness/look-at.ts';

/** The absolute path of `shown` if it is a learner file of `target`'s day folders; undefined for anything else (solutions/, checkpoints/, node_modules…). */
export function learnerFile(target: string, shown: string): string | undefined {
  const file = isAbsolute(shown) ? shown : resolve(root, shown);
  const inside = relative(target, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  const [folder] = inside.split(sep);
  if (!days.some((day) => day.slug === folder)) return undefined;
  const solutions = relative(resolve(root, 'solutions'), file);
  if (!solutions.startsWith('..') && !isAbsolute(solutions)) return undefined;
  if (inside.split(sep).includes('node_modules')) return undefined;
  return existsSync(file) ? file : undefined;
}

/** The code of a question: the function the failure names, and what else it points at (`why` says what each is). */
export interface Code {
  file: string;
  extract: Extract;
  /** The line the failure names (a type error, a stack frame), when it has one. */
  line?: number;
  also: { extract: Extract; why: string }[];
}

/** Lines `line - 3` to `line + 3` of the file. */
function around(source: Source, line: number): Extract {
  const lines = source.text.split('\n');
  const startLine = Math.max(1, line - 3);
  const endLine = Math.min(lines.length, line + 3);
  return { name: `line ${line} and the lines around it`, startLine, endLine, text: lines.slice(startLine - 1, endLine).join('\n') };
}

const covers = (extract: Extract, line: number) => extract.startLine <= line && line <= extract.endLine;

/** The learner's code a pointer names: the function by name, else the function around the line, else the lines
 *  around it, else a short file whole; with the line the failure names when it lies outside that function, and the
 *  module-level state the function uses (a `let pending` at the top of the file is a bug the function alone hides). */
export function codeFor(target: string, pointer: Pointer): Code | undefined {
  const file = learnerFile(target, pointer.path);
  if (!file) return undefined;
  const text = readFileSync(file, 'utf8');
  const source = parse(text);
  const byName = pointer.name ? findFunction(source, pointer.name, pointer.owner) : undefined;
  const byLine = pointer.line ? functionAt(source, pointer.line) : undefined;
  const found = byName ?? byLine;
  const line = pointer.line;
  if (!found) {
    if (line) return { file: display(file), extract: around(source, line), line, also: [] };
    const lines = text.split('\n');
    if (lines.length > 80) return undefined;
    return { file: display(file), extract: { name: 'the whole file', startLine: 1, endLine: lines.length, text: text.trimEnd() }, also: [] };
  }
  const also: Code['also'] = [];
  if (line && !covers(found, line)) also.push({ extract: around(source, line), why: 'the line the failure names' });
  for (const state of moduleStateOf(source, found)) {
    if ([found, ...also.map((each) => each.extract)].some((shown) => covers(shown, state.startLine) && covers(shown, state.endLine))) continue;
    also.push({ extract: state, why: `module-level state \`${found.name}\` uses: one for the whole program, shared by every call` });
  }
  also.sort((a, b) => a.extract.startLine - b.extract.startLine);
  return { file: display(file), extract: found, ...(line ? { line } : {}), also };
}
