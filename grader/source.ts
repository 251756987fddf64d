// Light structure of a learner's TypeScript file, without a compiler: strings and comments masked, braces matched.

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

const regexAfter = /(?:^|[=(,:[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\bcase|\bdo|\belse)\s*$/;

/** `text` with every string, template, comment and regex body replaced by spaces (newlines kept); comments only with `keepStrings`. */
export function mask(text: string, keepStrings = false): string {
  const out = text.split('');
  const blankAlways = (from: number, to: number) => {
    for (let k = from; k < to; k += 1) if (out[k] !== '\n') out[k] = ' ';
  };
  const blank = (from: number, to: number) => {
    if (!keepStrings) blankAlways(from, to);
  };
  const templates: number[] = []; // brace depth at which each open `${` returns to its template
  let depth = 0;
  let i = 0;
  const template = (start: number): number => {
    // Scans template text from `start` (just after ` or }) until the closing ` or a `${`.
    let k = start;
    while (k < text.length && text[k] !== '`') {
      if (text[k] === '\\') k += 1;
      else if (text[k] === '$' && text[k + 1] === '{') {
        blank(start, k);
        templates.push(depth);
        depth += 1;
        return k + 2;
      }
      k += 1;
    }
    blank(start, k);
    return k + 1;
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blankAlways(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blankAlways(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < text.length && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      blank(i + 1, k);
      i = k + 1;
    } else if (c === '`') {
      i = template(i + 1);
    } else if (c === '/' && regexAfter.test(out.slice(Math.max(0, i - 20), i).join(''))) {
      let k = i + 1;
      let inClass = false;
      while (k < text.length && text[k] !== '\n' && (inClass || text[k] !== '/')) {
        if (text[k] === '\\') k += 1;
        else if (text[k] === '[') inClass = true;
        else if (text[k] === ']') inClass = false;
        k += 1;
      }
      blank(i + 1, k);
      i = k + 1;
    } else if (c === '{') {
      depth += 1;
      i += 1;
    } else if (c === '}') {
      depth -= 1;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = template(i + 1);
      } else i += 1;
    } else i += 1;
  }
  return out.join('');
}

/** The index of the bracket closing the one at `open` in masked `code` (or code.length when unbalanced). */
export function matching(code: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  const stack: string[] = [];
  for (let k = open; k < code.length; k += 1) {
    const c = code[k]!;
    if (pairs[c]) stack.push(pairs[c]!);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return k;
    }
  }
  return code.length;
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
  return text.slice(k + 1, open).replace(/\s+/g, ' ').trim();
}

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
    } else if (angle === 0 && (c === ';' || c === '\n' && /^[\s]*[})]/.test(code.slice(k)))) return -1;
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

function findFunctions(text: string, code: string): Fn[] {
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
    const declared = /(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\(|[\w$]+\s*$)/.exec(before) ?? /^\s*(#?[\w$]+)\s*=\s*(?:async\s*)?(?:\(|[\w$]+\s*$)/.exec(before);
    add(declared?.[1] ?? '', start + (before.length - before.trimStart().length), open);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

function lineStart(code: string, index: number): number {
  return code.lastIndexOf('\n', index - 1) + 1;
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

/** A function (or method) of the file and the lines it spans, including the comment just above it. */
export interface Extract {
  name: string;
  startLine: number;
  endLine: number;
  text: string;
}

function extract(source: Source, fn: Fn, name: string): Extract {
  let startLine = lineOf(source, fn.start);
  const lines = source.text.split('\n');
  while (startLine > 1 && /^\s*(\/\/|\/\*\*?|\*)/.test(lines[startLine - 2]!)) startLine -= 1;
  const endLine = lineOf(source, fn.close);
  return { name, startLine, endLine, text: lines.slice(startLine - 1, endLine).join('\n') };
}

/** The function or method called `name` (inside class `owner` when given), if the file declares one. */
export function findFunction(source: Source, name: string, owner?: string): Extract | undefined {
  const classBlock = owner ? source.blocks.find((block) => new RegExp(`\\bclass\\s+${owner}\\b`).test(block.header)) : undefined;
  const candidates = source.functions.filter((fn) => fn.name.replace(/^#/, '') === name.replace(/^#/, ''));
  const inside = classBlock ? candidates.filter((fn) => fn.open > classBlock.open && fn.close < classBlock.close) : [];
  const fn = inside[0] ?? candidates[0];
  return fn ? extract(source, fn, owner && inside[0] ? `${owner}.${name}` : name) : undefined;
}

/** The innermost named function around 1-based `line` (or the innermost function of any kind), if any. */
export function functionAt(source: Source, line: number): Extract | undefined {
  const lineText = source.text.split('\n')[line - 1] ?? '';
  const around = functionsAround(source, offsetOf(source, line) + lineText.search(/\S|$/));
  const named = around.find((fn) => fn.name);
  const fn = named ?? around[0];
  return fn ? extract(source, fn, fn.name || 'an anonymous function') : undefined;
}
