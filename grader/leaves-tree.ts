// Imports that leave the tree being graded into the workbook's answers or its grader (`../../solutions/…`, an editor's
// auto-import): refused before the day runs, with one line naming the import. The learner host refuses them too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Day } from '../course/days.ts';
import { offLimitsFolder } from '../harness/learner-bundle.ts';
import type { TestResult } from './results.ts';

const specifiers = /(?:^|[^\w$.])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The first import, in the day's files or the tree's files they import, that leaves `target` into an off-limits folder. */
export function importLeavingTree(day: Day, target: string): { importer: string; specifier: string; folder: string } | undefined {
  const tree = resolve(target);
  const seen = new Set<string>();
  const queue = day.files.map((file) => resolve(tree, file));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !/\.[cm]?[jt]sx?$/.test(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
      const specifier = (match[1] ?? match[2])!;
      if (!/^(\.{1,2}\/|\/)/.test(specifier)) continue;
      const path = resolve(dirname(file), specifier);
      const folder = offLimitsFolder(path, tree);
      if (folder) return { importer: relative(process.cwd(), file), specifier, folder };
      queue.push(path);
    }
  }
  return undefined;
}

/** The run-level failure for an import that leaves the tree: one line naming it. */
export function leavingFailure(leaving: { importer: string; specifier: string; folder: string }): TestResult {
  return {
    group: '',
    name: 'your files import only your own tree',
    status: 'failed',
    message: `${leaving.importer} imports '${leaving.specifier}', which leaves your tree for the workbook's ${leaving.folder}/: import only your own files.`,
    durationMs: 0,
    cause: { kind: 'import-leaves-tree', title: `${leaving.importer} imports from the workbook's ${leaving.folder}/` },
  };
}
