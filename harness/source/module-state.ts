// The module-level state a function uses: `let`/`var` declarations and mutable stores at the top of the file that
// the function's body names (a `let pending` shared by every connection, a `const store = new Map()` shared by
// every cache), with the comment just above each, for `npm run ask`'s excerpt.
import type { Extract } from './extract.ts';
import { matching } from './mask.ts';
import { enclosing, lineOf, offsetOf, type Source } from './parse.ts';

// `let x`, `var x`, or a `const` holding something that can change (new Map(), [], {}, Buffer.alloc(…), Object.create(null)).
const declaration = /^[ \t]*(?:export\s+)?(?:(?:let|var)\s+([\w$]+)|const\s+([\w$]+)\s*(?::[^=\n]+)?=\s*(?:new\s|\[|\{|Buffer\.|Object\.create\())/gm;

/** The end offset of the statement starting at `from` (its `;` or the end of its last line, brackets skipped). */
function statementEnd(code: string, from: number): number {
  for (let k = from; k < code.length; k += 1) {
    const c = code[k]!;
    if (c === '(' || c === '[' || c === '{') k = matching(code, k);
    else if (c === ';' || c === '\n') return k;
  }
  return code.length;
}

/** The module-level declarations the code of `used` (a function's lines) names and does not declare itself, in file order. */
export function moduleStateOf(source: Source, used: Extract): Extract[] {
  const body = source.code.slice(offsetOf(source, used.startLine), offsetOf(source, used.endLine + 1));
  const lines = source.text.split('\n');
  const found: Extract[] = [];
  for (const match of source.code.matchAll(declaration)) {
    const at = match.index + match[0].search(/\S/);
    if (enclosing(source, at).length > 0) continue; // inside a function, class or block: not module state
    const name = (match[1] ?? match[2])!;
    const word = `(?<![\\w$.#])${name.replace(/\$/g, '\\$')}(?![\\w$])`;
    if (!new RegExp(word).test(body) || new RegExp(`\\b(?:let|const|var)\\s+${word}`).test(body)) continue;
    let startLine = lineOf(source, at);
    while (startLine > 1 && /^\s*(\/\/|\/\*\*?|\*)/.test(lines[startLine - 2]!)) startLine -= 1;
    const endLine = lineOf(source, statementEnd(source.code, at));
    found.push({ name, startLine, endLine, text: lines.slice(startLine - 1, endLine).join('\n') });
  }
  return found;
}
