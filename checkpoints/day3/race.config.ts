// Vitest config of the grader's run of the learner's race tests (day 3). The grader makes this run once per variant (the
// learner's own code, then each mutant), each in a process of its own that is alike in every way a test can see: the
// same project, the same file paths, the same environment. Only this config knows the variant: it reads it from a
// file beside the run's results and deletes that file, then serves the mutant at the learner's own module path.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { anyTreePlugin } from '../../harness/any-tree.ts';
import { mutants, type Mutant } from './mutants.ts';

const root = resolve(import.meta.dirname, '../..');
const target = resolve(root, process.env.CACHELINGS_TARGET ?? 'days');
const testFile = resolve(target, '03-testing/cache.race.test.ts');
const mutantsDir = resolve(import.meta.dirname, 'mutants');
const alias = [{ find: /^@learner\//, replacement: `${target}/` }];
/** The query under which a mutant that wraps the learner's module reaches the original. */
const original = '?cachelings-original';

/** This run's variant ('own' or a mutant's name), read once and removed so the learner's tests cannot read it. */
function variant(): string {
  const file = resolve(dirname(process.env.CACHELINGS_NESTED_OUT ?? resolve(tmpdir(), 'none')), 'variant');
  if (!existsSync(file)) return 'own';
  const name = readFileSync(file, 'utf8').trim();
  rmSync(file, { force: true });
  return name;
}

/** Serves the mutant's code at the learner's module path; a mutant that wraps the learner's module imports it with a query. */
function plant(mutant: Mutant): Plugin {
  const learner = resolve(target, mutant.replaces);
  return {
    name: 'cachelings-day3',
    enforce: 'pre',
    load(id) {
      if (id !== learner) return null;
      const code = readFileSync(resolve(mutantsDir, mutant.file), 'utf8');
      return code.replaceAll(`'@learner/${mutant.replaces}'`, JSON.stringify(learner + original));
    },
  };
}

const name = variant();
const mutant = mutants.find((entry) => entry.name === name);
if (name !== 'own' && !mutant) throw new Error(`race.config.ts: no mutant named ${name}`);

export default defineConfig({
  root,
  // This workbook's own cache (its .tmp/), never a folder every clone and user of the machine shares.
  cacheDir: resolve(root, '.tmp/vite-day3'),
  plugins: [...anyTreePlugin(target), ...(mutant ? [plant(mutant)] : [])],
  resolve: { alias },
  test: {
    watch: false,
    dir: target,
    include: [testFile],
    setupFiles: [resolve(import.meta.dirname, 'outlived.ts'), resolve(import.meta.dirname, 'blocked.ts')],
    // The test file runs on the main thread of one child process, which the watchdog (blocked.ts) can pause.
    pool: 'forks',
    includeTaskLocation: true,
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
