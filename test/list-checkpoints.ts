// Prints every checkpoint test of every day (bonus suites too) as JSON lines ({ day, module, group, name, id }), collected by vitest without running them.
import { collectRequirements } from '../grader/tools/lint/requirements.ts';

for (const test of await collectRequirements()) console.log(JSON.stringify(test));
