// Extracting one function's lines from a parsed source: by name, or the one around a line.
import type { Fn } from './functions.ts';
import { functionsAround, lineOf, offsetOf, type Source } from './parse.ts';

/** A function (or method) of the file and the lines it spans, including the comment just above it. */
export interface Extract {
  name: string;
  startLine: number;
  endLine: number;
  text: string;
}

function extract(source: Source, fn: Fn, name: string): Extract {
  let startLine = lineOf(source, fn.start);
  const lines = source.text.split('\n');
  while (startLine > 1 && /^\s*(\/\/|\/\*\*?|\*)/.test(lines[startLine - 2]!)) startLine -= 1;
  const endLine = lineOf(source, fn.close);
  return { name, startLine, endLine, text: lines.slice(startLine - 1, endLine).join('\n') };
}

// The function or method called `name` (inside class `owner` when given, else the first of that name), and its label.
function pick(source: Source, name: string, owner?: string): { fn: Fn; label: string } | undefined {
  const classBlock = owner ? source.blocks.find((block) => new RegExp(`\\bclass\\s+${owner}\\b`).test(block.header)) : undefined;
  const candidates = source.functions.filter((fn) => fn.name.replace(/^#/, '') === name.replace(/^#/, ''));
  const inside = classBlock ? candidates.filter((fn) => fn.open > classBlock.open && fn.close < classBlock.close) : [];
  const fn = inside[0] ?? candidates[0];
  return fn && { fn, label: owner && inside[0] ? `${owner}.${name}` : name };
}

/** The function or method called `name` (inside class `owner` when given), if the file declares one. */
export function findFunction(source: Source, name: string, owner?: string): Extract | undefined {
  const found = pick(source, name, owner);
  return found && extract(source, found.fn, found.label);
}

/** The 1-based line that declares function or method `name` (inside class `owner` when given), if the file has one. */
export function declarationLine(source: Source, name: string, owner?: string): number | undefined {
  const found = pick(source, name, owner);
  return found && lineOf(source, found.fn.start);
}

/** The innermost named function around 1-based `line` (or the innermost function of any kind), if any. */
export function functionAt(source: Source, line: number): Extract | undefined {
  const lineText = source.text.split('\n')[line - 1] ?? '';
  const around = functionsAround(source, offsetOf(source, line) + lineText.search(/\S|$/));
  const named = around.find((fn) => fn.name);
  const fn = named ?? around[0];
  return fn ? extract(source, fn, fn.name || 'an anonymous function') : undefined;
}
