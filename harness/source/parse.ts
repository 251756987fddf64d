// A parsed source file: its masked code, its blocks and functions, and line/offset lookups.
import { findFunctions, type Fn } from './functions.ts';
import { mask, matching } from './mask.ts';

/** One `{ … }` block: where it opens and closes, and the code that leads up to it (`function f(a) `, `if (x) `). */
export interface Block {
  open: number;
  close: number;
  header: string;
}

/** A source file with its code masked (strings, comments and regexes blanked, same length) and its blocks. */
export interface Source {
  text: string;
  code: string;
  /** The text with comments blanked and strings kept. */
  plain: string;
  blocks: Block[];
  functions: Fn[];
}

/** Parses `text` into a Source. */
export function parse(text: string): Source {
  const code = mask(text);
  const plain = mask(text, true);
  const blocks: Block[] = [];
  for (let k = 0; k < code.length; k += 1) {
    if (code[k] !== '{') continue;
    blocks.push({ open: k, close: matching(code, k), header: headerBefore(plain, code, k) });
  }
  return { text, code, plain, blocks, functions: findFunctions(plain, code) };
}

/** The code leading up to the brace at `open`, back to the previous `;`, `{` or `}` outside parentheses (strings kept). */
function headerBefore(text: string, code: string, open: number): string {
  let depth = 0;
  let k = open - 1;
  for (; k >= 0 && open - k < 400; k -= 1) {
    const c = code[k]!;
    if (c === ')' || c === ']') depth += 1;
    else if (c === '(' || c === '[') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && (c === ';' || c === '{' || c === '}')) break;
  }
  return text
    .slice(k + 1, open)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The 1-based line of offset `index`. */
export function lineOf(source: Source, index: number): number {
  let line = 1;
  for (let k = 0; k < index && k < source.text.length; k += 1) if (source.text[k] === '\n') line += 1;
  return line;
}

/** The offset where 1-based `line` starts. */
export function offsetOf(source: Source, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l += 1) {
    const next = source.text.indexOf('\n', offset);
    if (next < 0) return source.text.length;
    offset = next + 1;
  }
  return offset;
}

/** The blocks containing `index`, innermost first. */
export function enclosing(source: Source, index: number): Block[] {
  return source.blocks.filter((block) => block.open < index && index <= block.close).sort((a, b) => b.open - a.open);
}

/** The functions around offset `index`, innermost first. */
export function functionsAround(source: Source, index: number): Fn[] {
  return source.functions.filter((fn) => fn.open < index && index <= fn.close).sort((a, b) => b.open - a.open);
}
