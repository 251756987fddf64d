// Day 6 checks on the learner's code as a whole: tsc (steps 1 and 9, in compile.ts), prettier (step 8), the small lint (step 9).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { listFiles } from '../../harness/files.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { vetFlags } from '../../harness/tsc.ts';
import { debugPrintsIn, unusedExportsIn } from '../../harness/vet.ts';
import { gradedExports, libraryFiles as libraryFilesOf } from '../../course/derived.ts';

export { typecheck } from './compile.ts';

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

/** `file:line  text` for each debug print left in library code. */
export function debugPrints(): string[] {
  return debugPrintsIn(targetDir, libraryFiles).map((print) => `${shown(print.file)}:${print.line}  ${print.text}`);
}

// The exports docs/architecture.md promises: the manifest's `exports`, every name a checkpoint loads (the course
// lint holds the checkpoints to that list). They count as used.
const requiredExports = () => new Set([...gradedExports().values()].flat());

/** `file: name` for each value a library file exports that nothing imports and no checkpoint requires. */
export function unusedExports(): string[] {
  return unusedExportsIn(targetDir, learnerTsFiles(), libraryFiles, requiredExports()).map((found) => `${shown(found.file)}: ${found.name}`);
}
