// Reads the imports of a TypeScript file without a compiler: static, type-only, re-exports, `import('…')` and
// `typeof import('…')`, skipping comments, strings, template text and regular expressions.
import { mask } from '../harness/source/mask.ts';

/** One import of a file: the module it names, the line it is on and the offset of its opening quote. */
export interface FoundImport {
  specifier: string;
  line: number;
  offset: number;
}

/** `source` masked by the workbook's one lexer (harness/source/mask.ts: comments and the contents of strings, templates
 *  and regexes blanked, quotes, offsets and lines kept), and each quoted string's text by the offset of its opening quote. */
export function codeOnly(source: string): { code: string; strings: Map<number, string> } {
  const code = mask(source);
  const strings = new Map<number, string>();
  for (let i = 0; i < code.length; i += 1) {
    const quote = code[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = code.indexOf(quote, i + 1);
    const end = close === -1 ? code.length : close;
    strings.set(i, source.slice(i + 1, end));
    i = end;
  }
  return { code, strings };
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
