// Reads a learner's benchmark file for why a figure is too good to be true: the GET benchmark throws away what get
// returns (the engine may skip a lookup nobody reads), or reads one key again and again (a literal, or a key picked
// once outside the timed function). Plain text reading, as a reviewer would: it names what it sees, nothing more.

/** The source of the `bench('<name>', …)` call in `source`, from `bench(` to its closing parenthesis; undefined if absent. */
export function benchSource(source: string, name: RegExp): string | undefined {
  const start = new RegExp(String.raw`\bbench\(\s*(['"\`])\s*(?:${name.source})\s*\1`, 'i').exec(source);
  if (!start) return undefined;
  const end = closing(source, start.index + 'bench'.length);
  return end === undefined ? undefined : source.slice(start.index, end + 1);
}

/** The index of the parenthesis that closes the one at `open`, skipping strings; undefined if it never closes. */
function closing(source: string, open: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let at = open; at < source.length; at += 1) {
    const char = source[at]!;
    if (quote) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return at;
  }
  return undefined;
}

/** One `.get(…)` call in a bench body: its argument's text, and whether its value is thrown away (a bare statement). */
export interface GetCall {
  argument: string;
  unused: boolean;
  /** Where the call starts in the body. */
  index: number;
}

/** Every `.get(…)` call in `body`. */
export function getCalls(body: string): GetCall[] {
  const calls: GetCall[] = [];
  for (const match of body.matchAll(/((?:this\.)?[\w$#]+(?:\.[\w$#]+)*)\.get\(/g)) {
    const open = match.index + match[0].length - 1;
    const end = closing(body, open);
    if (end === undefined) continue;
    const before = body.slice(0, match.index).trimEnd();
    const after = body.slice(end + 1).trimStart();
    const statementStart = before === '' || /[;{}]$|\)$|\belse$|=>$/.test(before);
    const statementEnd = after === '' || /^[;}]/.test(after) || /^\n/.test(body.slice(end + 1));
    calls.push({ argument: body.slice(open + 1, end).trim(), unused: statementStart && statementEnd && !/=>$/.test(before), index: match.index });
  }
  return calls;
}

/** Whether `argument` names the same key on every call of `body`: a string literal, a constant index (`keys[0]`), or a
 *  name the body never assigns (picked once, outside the timed function). */
export function sameKeyEveryCall(argument: string, body: string): boolean {
  if (/^(['"])[^'"]*\1$|^`[^`$]*`$/.test(argument)) return true;
  if (/^[\w$.]+\[\s*\d+\s*\]!?$/.test(argument)) return true;
  const name = /^([A-Za-z_$][\w$]*)!?$/.exec(argument)?.[1];
  if (!name) return false;
  const assigned = new RegExp(String.raw`\b(?:let|const|var)\s+${name}\b|\b${name}\s*(?:[-+*/%]?=(?!=)|\+\+|--)|(?:\+\+|--)${name}\b|\bfor\s*\(\s*(?:const|let|var)\s+${name}\s+(?:of|in)\b`);
  return !assigned.test(body);
}
