// Day 2 solution: the text protocol. One line in, one reply out; the server does the reading and writing.
import type { Cache } from '../01-cache/cache.ts';

/** Runs one command line against `cache` and returns the reply without its newline; null for a blank line. */
export function handleLine(line: string, cache: Cache): string | null {
  const words = splitWords(line);
  if (words === undefined) return 'ERR unbalanced quotes in request';
  if (words.length === 0) return null;
  const [name, ...args] = words as [string, ...string[]];
  switch (name.toUpperCase()) {
    case 'SET':
      if (args.length !== 2) return wrongArguments('set');
      cache.set(args[0]!, args[1]!);
      return 'OK';
    case 'GET':
      if (args.length !== 1) return wrongArguments('get');
      return cache.get(args[0]!) ?? '(nil)';
    case 'DEL':
      if (args.length !== 1) return wrongArguments('del');
      cache.delete(args[0]!);
      return 'OK';
    case 'PING':
      return args.length === 0 ? 'PONG' : wrongArguments('ping');
    case 'QUIT':
      return 'OK'; // the server closes the connection after sending it
    default:
      return `ERR unknown command '${name}'`;
  }
}

/** True when `line` is a QUIT command: the server answers it, then hangs up. */
export function isQuit(line: string): boolean {
  return line.trim().toUpperCase() === 'QUIT';
}

function wrongArguments(command: string): string {
  return `ERR wrong number of arguments for '${command}' command`;
}

/**
 * Splits a line into words on spaces and tabs. A word in double quotes may contain spaces
 * (`SET greeting "hello world"`), with \" and \\ inside it. Returns undefined for an unclosed quote.
 */
function splitWords(line: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ' || line[i] === '\t') {
      i += 1;
      continue;
    }
    if (line[i] !== '"') {
      const end = line.slice(i).search(/[ \t]/);
      const stop = end === -1 ? line.length : i + end;
      words.push(line.slice(i, stop));
      i = stop;
      continue;
    }
    let word = '';
    i += 1;
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && i + 1 < line.length) i += 1;
      word += line[i];
      i += 1;
    }
    if (i >= line.length) return undefined;
    words.push(word);
    i += 1;
  }
  return words;
}
