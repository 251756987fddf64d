// Reads the imports of a TypeScript file without a compiler: static, type-only, re-exports, `import('…')` and
// `typeof import('…')`, skipping comments, strings, template text and regular expressions.

/** One import of a file: the module it names, the line it is on and the offset of its opening quote. */
export interface FoundImport {
  specifier: string;
  line: number;
  offset: number;
}

// Characters after which a `/` starts a regular expression rather than a division.
const beforeRegex = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** `source` with comments and the contents of strings, templates and regexes blanked (quotes, offsets and lines kept),
 *  and each string's text by the offset of its opening quote. */
export function codeOnly(source: string): { code: string; strings: Map<number, string> } {
  const strings = new Map<number, string>();
  let out = '';
  let i = 0;
  const braces: number[] = []; // for each open `${`, the brace depth at which it closes
  let depth = 0;
  const lastSignificant = () => out.trimEnd().slice(-1);
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (char === '/' && next === '*') {
      const stop = source.indexOf('*/', i + 2) + 2 || source.length;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== char && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      strings.set(out.length, source.slice(i + 1, j));
      out += `${char}${blank(source.slice(i + 1, j))}${char}`;
      i = j + 1;
    } else if (char === '`' || (char === '}' && braces.at(-1) === depth)) {
      // Template text up to the closing backtick or the next `${`.
      if (char === '}') {
        braces.pop();
        depth -= 1;
      }
      let j = i + 1;
      while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) j += source[j] === '\\' ? 2 : 1;
      out += `${char}${blank(source.slice(i + 1, j))}`;
      if (source[j] === '$') {
        out += '${';
        depth += 1;
        braces.push(depth);
        i = j + 2;
      } else {
        out += '`';
        i = j + 1;
      }
    } else if (char === '/' && (beforeRegex.has(lastSignificant()) || /\b(return|typeof|case|in|of)$/.test(out.trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '[') inClass = true;
        if (source[j] === ']') inClass = false;
        j += source[j] === '\\' ? 2 : 1;
      }
      out += `/${blank(source.slice(i + 1, j))}/`;
      i = j + 1;
    } else {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      out += char;
      i += 1;
    }
  }
  return { code: out, strings };
}

/** Every import of `source`, in order. */
export function importsOf(source: string): FoundImport[] {
  const { code, strings } = codeOnly(source);
  const found: FoundImport[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*{},\s$]*?\bfrom\s*(['"])/g, // import … from '…', export … from '…'
    /\bimport\s*(['"])/g, // import '…' (for its side effects)
    /\bimport\s*\(\s*(['"])/g, // import('…'), typeof import('…')
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const quote = match.index + match[0].length - 1;
      found.push({ specifier: strings.get(quote) ?? '', line: code.slice(0, quote).split('\n').length, offset: quote });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
