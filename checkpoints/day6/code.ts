// Day 6 checks on the learner's code as a whole: tsc (steps 1 and 9, in compile.ts), prettier (step 8), the small lint (step 9).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as prettier from 'prettier';
import { listFiles } from '../../harness/files.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { vetFlags } from '../../harness/tsc.ts';
import { gradedExports, libraryFiles as libraryFilesOf } from '../../course/derived.ts';

export { typecheck, workbookTsc } from './compile.ts';

/** The learner's TypeScript files, relative to the tree. */
export function learnerTsFiles(): string[] {
  return listFiles(targetDir).filter((file) => file.endsWith('.ts'));
}

/** Library code: modules other code imports (the manifest's graded exports). They must not print (main.ts and examples may). */
export const libraryFiles = libraryFilesOf();

export { vetFlags };

/** The formatting the workbook ships in days/.prettierrc.json, used when the tree has no Prettier config of its own. */
export const houseStyle: prettier.Options = { singleQuote: true, printWidth: 160 };

/** The learner's files prettier would reformat, and whether a Prettier config was found for the tree. */
export async function unformatted(): Promise<{ files: string[]; configFound: boolean }> {
  const files: string[] = [];
  let configFound = true;
  for (const file of learnerTsFiles()) {
    const path = resolve(targetDir, file);
    const config = await prettier.resolveConfig(path);
    if (!config) configFound = false;
    const ok = await prettier.check(readFileSync(path, 'utf8'), { ...(config ?? houseStyle), filepath: path });
    if (!ok) files.push(shown(file));
  }
  return { files, configFound };
}

// The source without comments, keeping line breaks so line numbers stay right.
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** `file:line  text` for each debug print left in library code. */
export function debugPrints(): string[] {
  const found: string[] = [];
  for (const file of libraryFiles) {
    let source: string;
    try {
      source = withoutComments(readFileSync(resolve(targetDir, file), 'utf8'));
    } catch {
      continue;
    }
    source.split('\n').forEach((line, index) => {
      if (/\bconsole\s*\.\s*(log|debug|info|trace|dir)\s*\(/.test(line)) found.push(`${shown(file)}:${index + 1}  ${line.trim()}`);
    });
  }
  return found;
}

// The exports docs/architecture.md promises: the manifest's `exports`, every name a checkpoint loads (the course
// lint holds the checkpoints to that list). They count as used.
function requiredExports(): Set<string> {
  return new Set([...gradedExports().values()].flat());
}

// Value names `file` exports (functions, classes, variables); exported types are part of a signature, not checked.
function valueExports(source: string): string[] {
  const names = [...source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|enum)\s+(\w+)/gm)].map((match) => match[1]!);
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}\s*;?\s*$/gm)) {
    names.push(...match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!).filter((name) => name && !name.startsWith('type ')));
  }
  return names;
}

// For each file of the tree, the names other files import from it (`*` for a namespace import).
function importedNames(files: string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const pattern = /(?:import|export)\s+([^;'"]*?)\s+from\s+['"](\.[^'"]+)['"]/g;
  for (const file of files) {
    const source = readFileSync(resolve(targetDir, file), 'utf8');
    for (const match of source.matchAll(pattern)) {
      const from = resolve(dirname(resolve(targetDir, file)), match[2]!);
      const set = used.get(from) ?? new Set<string>();
      const clause = match[1]!;
      if (/\*\s+as/.test(clause)) set.add('*');
      for (const inner of clause.matchAll(/\{([^}]*)\}/g)) {
        inner[1]!.split(',').forEach((part) => set.add(part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!));
      }
      used.set(from, set);
    }
  }
  return used;
}

/** `file: name` for each value a library file exports that nothing imports and no checkpoint requires. */
export function unusedExports(): string[] {
  const required = requiredExports();
  const used = importedNames(learnerTsFiles());
  const found: string[] = [];
  for (const file of libraryFiles) {
    let source: string;
    try {
      source = readFileSync(resolve(targetDir, file), 'utf8');
    } catch {
      continue;
    }
    const importers = used.get(resolve(targetDir, file)) ?? new Set<string>();
    for (const name of valueExports(source)) {
      if (required.has(name) || importers.has(name) || importers.has('*')) continue;
      found.push(`${shown(file)}: ${name}`);
    }
  }
  return found;
}
