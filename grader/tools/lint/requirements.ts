// The requirements as vitest collects them (sentence and id of every checkpoint `it()`), and the manifest's
// references to them: every id declared once per day, every `explain` key and precondition naming a real one.
import { relative } from 'node:path';
import { days } from '../../../course/days.ts';
import { HANG_KEY } from '../../explain.ts';
import { root } from '../../paths.ts';
import { manifestFile, type Problem } from './problem.ts';

/** The form of a requirement's id: lowercase letters and digits, words joined by single hyphens. */
export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One checkpoint requirement: its day, file, describe block, sentence and id. */
export interface Listed {
  day: string;
  module: string;
  group: string;
  name: string;
  id?: string;
}

/** Every checkpoint requirement of every day (bonus suites too), collected by vitest without running them. */
export async function collectRequirements(): Promise<Listed[]> {
  process.env.CACHELINGS_TARGET ??= 'solutions';
  const { createVitest } = await import('vitest/node');
  const dayOf = new Map<string, string>();
  for (const day of days) for (const file of [...day.checkpoints, ...(day.bonus ?? [])]) dayOf.set(file, day.id);
  // Collecting runs no test: the files may share worker threads, side by side (about 5× faster than one process each).
  const vitest = await createVitest('test', {
    root,
    config: 'checkpoints/vitest.config.ts',
    watch: false,
    reporters: [],
    isolate: false,
    fileParallelism: true,
    pool: 'threads',
  });
  try {
    const { testModules, unhandledErrors } = await vitest.collect([...dayOf.keys()]);
    if (unhandledErrors.length > 0) throw new Error(`collecting the checkpoints failed: ${String(unhandledErrors[0])}`);
    const listed: Listed[] = [];
    for (const module of testModules) {
      const file = relative(root, module.moduleId);
      const day = dayOf.get(file);
      if (!day) continue;
      const errors = module.errors();
      if (errors.length > 0) throw new Error(`collecting ${file} failed: ${errors[0]!.message}`);
      for (const test of module.children.allTests()) {
        const group = test.parent.type === 'suite' ? test.parent.fullName : '';
        const id = test.meta().id;
        listed.push({ day, module: file, group, name: test.name, ...(typeof id === 'string' ? { id } : {}) });
      }
    }
    return listed;
  } finally {
    await vitest.close();
  }
}

/** Ids missing, malformed or repeated within a day; `explain` keys and preconditions that name no requirement. */
export function requirementProblems(listed: Listed[]): Problem[] {
  const problems: Problem[] = [];
  for (const day of days) {
    const mine = listed.filter((test) => test.day === day.id);
    if (mine.length === 0)
      problems.push({
        file: day.checkpoints[0]!,
        problem: `no requirement of ${day.id} was collected`,
        fix: 'check that its checkpoint files load (npx vitest list --config checkpoints/vitest.config.ts)',
      });
    const seen = new Map<string, Listed>();
    for (const test of mine) {
      const where = `"${test.name}"`;
      if (test.id === undefined) {
        problems.push({
          file: test.module,
          problem: `${where} has no id`,
          fix: "give its it() a short stable id: it('…', { meta: { id: 'a-short-name' } }, …)",
        });
        continue;
      }
      if (!idPattern.test(test.id))
        problems.push({ file: test.module, problem: `${where} has the id "${test.id}"`, fix: 'use lowercase words joined by hyphens, e.g. split-writes' });
      const before = seen.get(test.id);
      if (before)
        problems.push({
          file: test.module,
          problem: `the id "${test.id}" of ${where} is also the id of "${before.name}" (${before.module})`,
          fix: 'ids are unique within a day: rename one',
        });
      seen.set(test.id, test);
      // The scored formats count every id explained by an entry, and leave out those explained 'none' (grader/points.ts).
      const stretch = (day.bonus ?? []).includes(test.module);
      if (test.id in (day.explain ?? {}) && (day.explain![test.id] === 'none') !== stretch)
        problems.push({
          file: manifestFile(day),
          problem: `${day.id}'s ${stretch ? 'stretch' : 'required'} requirement "${test.id}" is explained ${stretch ? 'by an entry' : "'none'"}`,
          fix: "explain stretch (bonus) requirements 'none' and required ones by a guide entry: Classroom and Exercism score the latter (grader/points.ts)",
        });
      if (!(test.id in (day.explain ?? {})))
        problems.push({
          file: manifestFile(day),
          problem: `${day.id}'s requirement "${test.id}" (${where}) has no explain entry`,
          fix: `add '${test.id}': { anchor, title } (a "When it fails" entry of days/${day.slug}/README.md), or 'none'`,
        });
    }
    for (const key of Object.keys(day.explain ?? {})) {
      if (key !== HANG_KEY && !seen.has(key))
        problems.push({
          file: manifestFile(day),
          problem: `${day.id}'s explain key "${key}" names no requirement`,
          fix: `use the id of one of ${day.id}'s requirements (renamed?), or drop the entry`,
        });
    }
    for (const pre of day.preconditions ?? []) {
      if (!seen.has(pre.requirement))
        problems.push({
          file: manifestFile(day),
          problem: `${day.id}'s precondition "${pre.requirement}" names no requirement`,
          fix: `use the id of one of ${day.id}'s requirements`,
        });
    }
  }
  return problems;
}
