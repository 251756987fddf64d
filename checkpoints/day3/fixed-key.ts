// Reads the learner's GET benchmark and tells when every `get` in it names one fixed key: such a benchmark measures
// one hot key (about four times faster than varied keys) rather than the cache, which the guide warns against.

/** The source of the `bench('GET', …)` call in `source`, from `bench(` to its closing parenthesis; undefined if absent. */
export function getBenchSource(source: string): string | undefined {
  const start = /\bbench\(\s*(['"`])\s*get\s*\1/i.exec(source);
  if (!start) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let at = start.index + 'bench'.length; at < source.length; at += 1) {
    const char = source[at]!;
    if (quote) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return source.slice(start.index, at + 1);
  }
  return undefined;
}

/** A note for the report when the GET benchmark reads only fixed keys (string literals), else undefined. */
export function fixedKeyNote(source: string): string | undefined {
  const body = getBenchSource(source);
  if (!body) return undefined;
  const calls = [...body.matchAll(/\.get\(\s*([^()]*?)\s*\)/g)].map((match) => match[1]!);
  const literal = /^(['"])[^'"]*\1$|^`[^`$]*`$/;
  if (calls.length === 0 || calls.some((argument) => !literal.test(argument))) return undefined;
  const keys = new Set(calls);
  return `your GET benchmark reads only ${[...keys].join(', ')}: one hot key runs several times faster than keys spread over the cache, so this figure flatters it. Read a different key on each call (see hint 2).`;
}
