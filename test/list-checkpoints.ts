// Prints every checkpoint test of every day as JSON lines ({ day, module, group, name }), collected by vitest without running them.
import { relative } from 'node:path';
import { createVitest } from 'vitest/node';
import { days } from '../grader/days.ts';
import { root } from '../grader/paths.ts';

process.env.CACHELINGS_TARGET = process.env.CACHELINGS_TARGET ?? 'solutions';
const vitest = await createVitest('test', { root, config: 'checkpoints/vitest.config.ts', watch: false, reporters: [] });
try {
  for (const day of days) {
    const { testModules, unhandledErrors } = await vitest.collect(day.checkpoints);
    if (unhandledErrors.length > 0) throw new Error(`collecting ${day.id} failed: ${String(unhandledErrors[0])}`);
    for (const module of testModules) {
      const errors = module.errors();
      if (errors.length > 0) throw new Error(`collecting ${module.moduleId} failed: ${errors[0]!.message}`);
      for (const test of module.children.allTests()) {
        const group = test.parent.type === 'suite' ? test.parent.fullName : '';
        console.log(JSON.stringify({ day: day.id, module: relative(root, module.moduleId), group, name: test.name }));
      }
    }
  }
} finally {
  await vitest.close();
}
