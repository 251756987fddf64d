// A tree graded from anywhere (--target /elsewhere/learner1): the grader makes it self-contained for the run without
// writing into it. Outside the workbook no package.json says "type": "module" above the files and no node_modules
// holds the workbook's packages, so tsc, tsx and vitest are each told: read the files as ES modules, and find a package
// the tree imports from the workbook's root. docs/architecture.md ("Any tree") lists what a target still needs.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { root } from './paths.ts';

/** Whether `path` lies outside the workbook's folder (where its package.json and node_modules do not apply). */
export function outsideWorkbook(path: string): boolean {
  const rel = relative(root, resolve(root, path));
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** The Node flag that loads harness/any-tree-hooks.mjs (ES modules, packages from the workbook) into a node. */
export const anyTreeFlag = `--import=${pathToFileURL(resolve(root, 'harness/any-tree-register.mjs')).href}`;

/** NODE_OPTIONS carrying anyTreeFlag when `target` is outside the workbook (every node started with it, tsx included,
 *  then reads the tree as the workbook would); nothing otherwise. */
export function anyTreeNodeOptions(target: string, env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS?: string } {
  if (!outsideWorkbook(target) || (env.NODE_OPTIONS ?? '').includes(anyTreeFlag)) return {};
  return { NODE_OPTIONS: [env.NODE_OPTIONS, anyTreeFlag].filter(Boolean).join(' ') };
}

/** tsc options for files outside the workbook: ES modules whatever package.json is above them ('preserve' reads
 *  import/export as written), and packages looked up in the workbook's node_modules (`@learner/*` kept). */
export function anyTreeCompilerOptions(): Record<string, unknown> {
  const modules = resolve(root, 'node_modules');
  return { module: 'preserve', moduleResolution: 'bundler', paths: { '@learner/*': [resolve(root, 'days/*')], '*': [`${modules}/*`, `${modules}/@types/*`] } };
}

/** A vite plugin for the vitest of a tree outside the workbook: a bare import from the tree that vite cannot resolve
 *  there is resolved from the workbook's root. */
export function anyTreePlugin(target: string): Plugin[] {
  if (!outsideWorkbook(target)) return [];
  const inside = resolve(target);
  const from = resolve(root, 'package.json');
  return [
    {
      name: 'cachelings-any-tree',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!importer || !importer.startsWith(`${inside}${sep}`) || /^(\.{1,2}\/|\/|node:|@learner\/|\0)/.test(source)) return null;
        return (await this.resolve(source, importer, { ...options, skipSelf: true })) ?? this.resolve(source, from, { ...options, skipSelf: true });
      },
    },
  ];
}
