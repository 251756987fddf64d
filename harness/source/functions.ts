// Finding the functions, methods and arrow functions with a block body in masked code.
import { matching } from './mask.ts';

const keywords = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'return', 'function', 'new', 'typeof', 'await', 'super', 'constructor']);

/** Where the body of a function starts, given the offset just after its parameter list: the `{`, or -1. */
function bodyAfterParams(code: string, from: number): number {
  let k = from;
  while (/\s/.test(code[k] ?? '')) k += 1;
  if (code[k] === '{') return k;
  if (code.startsWith('=>', k)) return bodyAfterArrow(code, k + 2);
  if (code[k] !== ':') return -1;
  let angle = 0;
  for (k += 1; k < code.length; k += 1) {
    const c = code[k]!;
    if (c === '<') angle += 1;
    else if (c === '>' && code[k - 1] !== '=') angle -= 1;
    else if (c === '(' || c === '[' || (c === '{' && angle > 0)) k = matching(code, k);
    else if (c === '{' && angle === 0 && code.slice(from, k).trim() !== ':') return k;
    else if (c === '{') k = matching(code, k);
    else if (angle === 0 && code.startsWith('=>', k) && code[k - 1] !== '(') {
      // `(): void => …` inside a type continues the type; an arrow's own `=>` ends it.
      const rest = code.slice(k + 2).trimStart();
      if (rest.startsWith('{')) return code.indexOf('{', k);
      k += 1;
    } else if (angle === 0 && (c === ';' || (c === '\n' && /^[\s]*[})]/.test(code.slice(k))))) return -1;
  }
  return -1;
}

function bodyAfterArrow(code: string, from: number): number {
  let k = from;
  while (/\s/.test(code[k] ?? '')) k += 1;
  return code[k] === '{' ? k : -1;
}

/** A function, method or arrow function with a block body. */
export interface Fn {
  /** Its name (`startServer`, `get`, `#acquire`), or '' when anonymous. */
  name: string;
  /** Where its declaration starts. */
  start: number;
  /** Its body's braces. */
  open: number;
  close: number;
  /** The code from `start` to the body, on one line (`socket.on('data', (chunk) =>`). */
  header: string;
}

/** Every function of the file with a block body, in order of where it starts (`text` with comments blanked, `code` masked). */
export function findFunctions(text: string, code: string): Fn[] {
  const found = new Map<number, Fn>();
  const add = (name: string, start: number, open: number) => {
    if (open < 0 || found.has(open)) return;
    found.set(open, { name, start, open, close: matching(code, open), header: text.slice(start, open).replace(/\s+/g, ' ').trim() });
  };
  for (const match of code.matchAll(/\bfunction\b\s*\*?\s*([\w$]*)\s*(?:<[^>(]*>)?\s*\(/g)) {
    const params = match.index + match[0].length - 1;
    const declared = /([\w$]+)\s*(?::[^=;]+)?=\s*(?:async\s+)?$/.exec(code.slice(Math.max(0, match.index - 80), match.index));
    add(match[1] || declared?.[1] || '', lineStart(code, match.index), bodyAfterParams(code, matching(code, params) + 1));
  }
  for (const match of code.matchAll(/^[ \t]*(?:(?:public|private|protected|static|async|override|readonly|get|set)\s+)*(#?[\w$]+)\s*(?:<[^>(\n]*>)?\s*\(/gm)) {
    if (keywords.has(match[1]!)) continue;
    const params = match.index + match[0].length - 1;
    const close = matching(code, params);
    const open = bodyAfterParams(code, close + 1);
    if (open >= 0 && !code.slice(close + 1, open).includes('=>')) add(match[1]!, match.index + match[0].search(/\S/), open);
  }
  for (const match of code.matchAll(/=>\s*\{/g)) {
    const open = match.index + match[0].length - 1;
    const start = lineStart(code, match.index);
    const before = code.slice(start, match.index);
    const declared =
      /(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\(|[\w$]+\s*$)/.exec(before) ??
      /^\s*(#?[\w$]+)\s*=\s*(?:async\s*)?(?:\(|[\w$]+\s*$)/.exec(before);
    add(declared?.[1] ?? '', start + (before.length - before.trimStart().length), open);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

function lineStart(code: string, index: number): number {
  return code.lastIndexOf('\n', index - 1) + 1;
}
