// Prints every checkpoint test of every day (bonus suites too) as JSON lines ({ day, module, group, name }), collected by vitest without running them.
import { relative } from 'node:path';
import { createVitest } from 'vitest/node';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';

process.env.CACHELINGS_TARGET = process.env.CACHELINGS_TARGET ?? 'solutions';
const dayOf = new Map<string, string>();
for (const day of days) for (const file of [...day.checkpoints, ...(day.bonus ?? [])]) dayOf.set(file, day.id);

const vitest = await createVitest('test', { root, config: 'checkpoints/vitest.config.ts', watch: false, reporters: [] });
try {
  const { testModules, unhandledErrors } = await vitest.collect([...dayOf.keys()]);
  if (unhandledErrors.length > 0) throw new Error(`collecting the checkpoints failed: ${String(unhandledErrors[0])}`);
  for (const module of testModules) {
    const file = relative(root, module.moduleId);
    const day = dayOf.get(file);
    if (!day) continue;
    const errors = module.errors();
    if (errors.length > 0) throw new Error(`collecting ${file} failed: ${errors[0]!.message}`);
    for (const test of module.children.allTests()) {
      const group = test.parent.type === 'suite' ? test.parent.fullName : '';
      console.log(JSON.stringify({ day, module: file, group, name: test.name }));
    }
  }
} finally {
  await vitest.close();
}
