// Vitest config of the grader's run of the learner's race tests (day 3): once against their own code and once per mutant,
// each as a vitest project whose plugin swaps the learner's Cache or RWLock for a planted-bug version.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { anyTreePlugin } from '../../harness/any-tree.ts';
import { mutants, type Mutant } from './mutants.ts';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');
const testFile = resolve(target, '03-testing/cache.race.test.ts');
const mutantsDir = resolve(import.meta.dirname, 'mutants');
const alias = [{ find: /^@learner\//, replacement: `${target}/` }];

/** Redirects every import that resolves to the learner's module to the mutant, except the mutant's own import of it. */
function swap(mutant: Mutant): Plugin {
  const original = resolve(target, mutant.replaces);
  const replacement = resolve(mutantsDir, mutant.file);
  return {
    name: `cachelings-mutant-${mutant.name}`,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(mutantsDir)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && resolved.id.split('?')[0] === original) return replacement;
      return null;
    },
  };
}

const project = (name: string, plugins: Plugin[]) => ({
  plugins: [...anyTreePlugin(target), ...plugins],
  resolve: { alias },
  test: { name, root, dir: target, include: [testFile], setupFiles: [resolve(import.meta.dirname, 'outlived.ts')], pool: 'threads' as const, testTimeout: 10_000, hookTimeout: 10_000 },
});

export default defineConfig({
  root,
  // This workbook's own cache (its .tmp/), never a folder every clone and user of the machine shares.
  cacheDir: resolve(root, '.tmp/vite-day3'),
  test: {
    watch: false,
    projects: [project('own', []), ...mutants.map((mutant) => project(mutant.name, [swap(mutant)]))],
  },
});
