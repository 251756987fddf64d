// Loads the learner's modules from the tree being graded (CACHELINGS_TARGET, default days/).
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { CheckError } from './check.ts';

/** Absolute path of the tree being graded. */
export const targetDir = resolve(process.env.CACHELINGS_TARGET ?? 'days');

/** How a file of the tree is shown to the learner: `days/01-cache/cache.ts`. */
export function shown(file: string): string {
  const path = relative(process.cwd(), resolve(targetDir, file)) || '.';
  return path.startsWith('..') ? resolve(targetDir, file) : path;
}

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/** Imports `file` (relative to the tree) through the `@learner` alias and checks that it exports `names`. */
export async function learnerModule<T>(file: string, names: string[]): Promise<T> {
  if (!existsSync(resolve(targetDir, file))) {
    throw new CheckError(`${shown(file)} does not exist.`, {
      fix: `Create it (the scaffold in days/ shows its shape), or run \`npm run reset ${file.split('/')[0]}\`.`,
    });
  }
  if (!loaded.has(file)) loaded.set(file, import(/* @vite-ignore */ `@learner/${file}`));
  let mod: Record<string, unknown>;
  try {
    mod = await loaded.get(file)!;
  } catch (error) {
    throw new CheckError(`Could not load ${shown(file)}: ${(error as Error).message}`, {
      fix: 'Fix that error first; `npm run typecheck` shows type errors with line numbers.',
      // The grader folds this under its compile step when tsc found errors too: one bug, one problem.
      cause: { kind: 'module-not-loaded', title: `${shown(file)} does not load` },
    });
  }
  for (const name of names) {
    if (mod[name] === undefined) {
      throw new CheckError(`${shown(file)} has no export named ${name}.`, {
        fix: `Export it: \`export class ${name} …\` or \`export function ${name} …\`.`,
      });
    }
  }
  return mod as T;
}
