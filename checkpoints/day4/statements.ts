// Day 4 checkpoint helpers: the statement of the learner's load tester a failure points at (Look at with its line).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { targetDir, shown } from '../../harness/learner.ts';
import { matching } from '../../harness/source/mask.ts';
import { enclosing, functionsAround, lineOf, parse, type Source } from '../../harness/source/parse.ts';

const file = '04-loadtest/loadtest.ts';

/** A statement of the learner's loadtest.ts: its line, the function around it, and a Look at line naming both. */
export interface Statement {
  line: number;
  fn: string;
  where: string;
}

/** The learner's loadtest.ts, parsed, or undefined when it cannot be read. */
function source(): Source | undefined {
  try {
    return parse(readFileSync(resolve(targetDir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The statement at offset `index` of `parsed`, described as `what` (`the loop`, `p99LatencyMs`). */
function statementAt(parsed: Source, index: number, what: string): Statement {
  const line = lineOf(parsed, index);
  const owner = enclosing(parsed, index)
    .map((block) => /\bclass\s+([\w$]+)/.exec(block.header)?.[1])
    .find(Boolean);
  const fn = functionsAround(parsed, index).find((one) => one.name !== '')?.name ?? owner ?? 'the module';
  return { line, fn, where: `${what} inside ${fn} in ${shown(file)}:${line}` };
}

/** A loop that polls the clock (`performance.now()`, `Date.now()`) and never awaits: it holds the event loop until
 *  its condition turns, and nothing else of the process runs meanwhile. */
export function clockSpin(): Statement | undefined {
  const parsed = source();
  if (!parsed) return undefined;
  const { code, plain } = parsed;
  for (const match of code.matchAll(/\b(while|for)\s*\(/g)) {
    const open = match.index + match[0].length - 1;
    const close = matching(code, open);
    const condition = plain.slice(open, close);
    if (!/\b(performance\.now|Date\.now)\s*\(/.test(condition)) continue;
    let body = close + 1;
    while (/\s/.test(code[body] ?? '')) body += 1;
    const end = code[body] === '{' ? matching(code, body) : code.indexOf(';', body);
    if (/\b(await|yield)\b/.test(code.slice(body, end + 1))) continue;
    return statementAt(parsed, match.index, `the ${match[1]} loop that waits on the clock`);
  }
  return undefined;
}

/** Where the report's field `name` (`p99LatencyMs`) gets its value: the first `name:` or `name =` that is not a type. */
export function fieldSet(name: string): Statement | undefined {
  const parsed = source();
  if (!parsed) return undefined;
  for (const match of parsed.code.matchAll(new RegExp(`\\b${name}\\s*(:|=(?!=))(?!\\s*(number|string)\\b)`, 'g'))) {
    if (functionsAround(parsed, match.index).length === 0) continue;
    return statementAt(parsed, match.index, name);
  }
  return undefined;
}

/** The statement that counts an error when a socket closes ('close' or 'error' handler), if the file has one. */
export function errorOnClose(): Statement | undefined {
  const parsed = source();
  if (!parsed) return undefined;
  for (const fn of parsed.functions) {
    if (!/\.on(ce)?\(\s*['"](close|error)['"]/.test(fn.header)) continue;
    const body = parsed.code.slice(fn.open, fn.close);
    const counted = /\berrors\b\s*(\+\+|\+=)|\+\+\s*[\w$.#]*errors\b|\.add\(|\berror\w*\s*\(/.exec(body);
    if (counted) return statementAt(parsed, fn.open + counted.index, 'the error counted when a socket closes');
  }
  return undefined;
}

/** The statement that counts an operation in the function that sends the request (before its reply can arrive). */
export function countOnSend(): Statement | undefined {
  const parsed = source();
  if (!parsed) return undefined;
  for (const fn of parsed.functions) {
    const body = parsed.code.slice(fn.open, fn.close);
    const counted = /\b(totalOps|ops|operations|completed)\b\s*(\+\+|\+=)/.exec(body);
    const inner = counted && functionsAround(parsed, fn.open + counted.index)[0];
    if (counted && inner === fn && /\.write\(/.test(body))
      return statementAt(parsed, fn.open + counted.index, 'the operation counted where the request is sent');
  }
  return undefined;
}
