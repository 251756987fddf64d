// Masking a TypeScript source: strings, comments and regexes blanked (same length), and bracket matching on the result.

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
