// Day 6's small lint (step 9) over a tree: debug prints left in library code, and library exports nothing uses. Read
// by day 6's checkpoint on the learner's tree, and by the course lint on the shipped scaffolds.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// The source without comments, keeping line breaks so line numbers stay right.
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

// `file`'s text under `dir`, or undefined when it is missing.
function readIn(dir: string, file: string): string | undefined {
  try {
    return readFileSync(resolve(dir, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Each debug print (console.log, .debug, .info, .trace, .dir) in `libraryFiles` of the tree `dir`. */
export function debugPrintsIn(dir: string, libraryFiles: string[]): { file: string; line: number; text: string }[] {
  const found: { file: string; line: number; text: string }[] = [];
  for (const file of libraryFiles) {
    const source = readIn(dir, file);
    if (source === undefined) continue;
    withoutComments(source)
      .split('\n')
      .forEach((line, index) => {
        if (/\bconsole\s*\.\s*(log|debug|info|trace|dir)\s*\(/.test(line)) found.push({ file, line: index + 1, text: line.trim() });
      });
  }
  return found;
}

/** Value names `source` exports (functions, classes, variables); exported types are part of a signature, not checked. */
export function valueExports(source: string): string[] {
  const names = [...source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|enum)\s+(\w+)/gm)].map((match) => match[1]!);
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}\s*;?\s*$/gm)) {
    names.push(
      ...match[1]!
        .split(',')
        .map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        )
        .filter((name) => name && !name.startsWith('type ')),
    );
  }
  return names;
}

// For each file of the tree, the names other files import from it (`*` for a namespace import).
function importedNames(dir: string, files: string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const pattern = /(?:import|export)\s+([^;'"]*?)\s+from\s+['"](\.[^'"]+)['"]/g;
  for (const file of files) {
    const source = readFileSync(resolve(dir, file), 'utf8');
    for (const match of source.matchAll(pattern)) {
      const from = resolve(dirname(resolve(dir, file)), match[2]!);
      const set = used.get(from) ?? new Set<string>();
      const clause = match[1]!;
      if (/\*\s+as/.test(clause)) set.add('*');
      for (const inner of clause.matchAll(/\{([^}]*)\}/g)) {
        inner[1]!.split(',').forEach((part) =>
          set.add(
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]!,
          ),
        );
      }
      used.set(from, set);
    }
  }
  return used;
}

/** Each value a library file of the tree `dir` exports that none of `files` imports and `required` does not list. */
export function unusedExportsIn(dir: string, files: string[], libraryFiles: string[], required: Set<string>): { file: string; name: string }[] {
  const used = importedNames(dir, files);
  const found: { file: string; name: string }[] = [];
  for (const file of libraryFiles) {
    const source = readIn(dir, file);
    if (source === undefined) continue;
    const importers = used.get(resolve(dir, file)) ?? new Set<string>();
    for (const name of valueExports(source)) {
      if (!required.has(name) && !importers.has(name) && !importers.has('*')) found.push({ file, name });
    }
  }
  return found;
}
