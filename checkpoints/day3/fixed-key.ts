// Reads the learner's GET benchmark and tells when every `get` in it names one fixed key: such a benchmark measures
// one hot key (about four times faster than varied keys) rather than the cache, which the guide warns against.
import { mask, matching } from '../../harness/source/mask.ts';

/** The source of the `bench('GET', …)` call in `source`, from `bench(` to its closing parenthesis; undefined if absent. */
export function getBenchSource(source: string): string | undefined {
  const start = /\bbench\(\s*(['"`])\s*get\s*\1/i.exec(source);
  if (!start) return undefined;
  const code = mask(source);
  const open = code.indexOf('(', start.index);
  const close = matching(code, open);
  return close < code.length ? source.slice(start.index, close + 1) : undefined;
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
