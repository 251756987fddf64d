// Listing a folder's files, and the one naming rule that splits suites in two: `*.race.test.ts` is race-stress.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Which test files: the race-stress suites (`*.race.test.ts`) or all the others. */
export type Part = 'race' | 'other';

/** Whether test file `file` belongs to `part`: `*.race.test.ts` is the race-stress part, any other file the rest. */
export function inPart(file: string, part: Part): boolean {
  return /\.race\.test\.ts$/.test(file) === (part === 'race');
}

/** Every file under `dir`, skipping node_modules and dot-folders, relative to `dir`, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}
