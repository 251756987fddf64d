// The import graph of the workbook's own code, and its cycles: every relative import (type-only ones, re-exports and
// `import('…')` included) of every .ts and .mjs file under course/, harness/, checkpoints/, grader/ and test/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { listFiles } from '../harness/files.ts';
import { root } from '../harness/paths.ts';
import { importsOf } from './imports.ts';

/** The folders whose code the graph covers (days/ and solutions/ are the learner's, test/fixtures/ planted bugs). */
const folders = ['course', 'harness', 'checkpoints', 'grader', 'test'];

/** Each file (repo-relative) and the repo files it imports. */
export function importGraph(base = root): Map<string, string[]> {
  const files = folders.flatMap((dir) =>
    listFiles(resolve(base, dir))
      .filter((file) => /\.(ts|mjs)$/.test(file) && !file.startsWith('fixtures/'))
      .map((file) => `${dir}/${file}`),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(readFileSync(resolve(base, file), 'utf8'))
      .filter((found) => found.specifier.startsWith('.'))
      .map((found) => relative(base, resolve(base, dirname(file), found.specifier)))
      .filter((target) => existsSync(resolve(base, target)));
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles of `graph`: each strongly connected set of files that import one another (a file importing itself
 *  included), found with Tarjan's algorithm. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    if (members.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(members.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}
