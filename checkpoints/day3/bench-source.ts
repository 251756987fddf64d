// Reads a learner's benchmark file for why a figure is too good to be true: the GET benchmark throws away what get
// returns (the engine may skip a lookup nobody reads), or reads one key again and again (a literal, or a key picked
// once outside the timed function). Plain text reading, as a reviewer would: it names what it sees, nothing more.
import { mask, matching } from '../../harness/source/mask.ts';

/** The source of the `bench('<name>', …)` call in `source`, from `bench(` to its closing parenthesis; undefined if absent. */
export function benchSource(source: string, name: RegExp): string | undefined {
  const start = new RegExp(String.raw`\bbench\(\s*(['"\`])\s*(?:${name.source})\s*\1`, 'i').exec(source);
  if (!start) return undefined;
  const end = closing(source, source.indexOf('(', start.index));
  return end === undefined ? undefined : source.slice(start.index, end + 1);
}

/** The index of the parenthesis that closes the one at `open` (strings and comments skipped); undefined if it never closes. */
function closing(source: string, open: number): number | undefined {
  const close = matching(mask(source), open);
  return close < source.length ? close : undefined;
}

/** One `.get(…)` call in a bench body: its argument's text, and whether its value is thrown away (a bare statement). */
interface GetCall {
  argument: string;
  unused: boolean;
  /** Where the call starts in the body. */
  index: number;
}

/** Every `.get(…)` call in `body`. */
export function getCalls(body: string): GetCall[] {
  const calls: GetCall[] = [];
  const code = mask(body); // comments and strings blanked: a get( in a comment is no call
  for (const match of code.matchAll(/((?:this\.)?[\w$#]+(?:\.[\w$#]+)*)\.get\(/g)) {
    const open = match.index + match[0].length - 1;
    const end = closing(body, open);
    if (end === undefined) continue;
    const before = code.slice(0, match.index).trimEnd();
    const after = code.slice(end + 1).trimStart();
    const statementStart = before === '' || /[;{}]$|\)$|\belse$|=>$/.test(before);
    const statementEnd = after === '' || /^[;}]/.test(after) || /^[ \t]*\n/.test(code.slice(end + 1));
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
  const assigned = new RegExp(
    String.raw`\b(?:let|const|var)\s+${name}\b|\b${name}\s*(?:[-+*/%]?=(?!=)|\+\+|--)|(?:\+\+|--)${name}\b|\bfor\s*\(\s*(?:const|let|var)\s+${name}\s+(?:of|in)\b`,
  );
  return !assigned.test(body);
}
