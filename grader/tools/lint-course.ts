// Maintainers: `npm run lint:course` (rustlings' `dev check`) — the guides, scaffolds, manifest, requirement ids,
// gates, commands and tamper list agree. Prints each problem with its file and fix; exits 1 on any.
import { performance } from 'node:perf_hooks';
import { days } from '../../course/days.ts';
import { checksumProblems } from './lint/checksums.ts';
import { commandProblems } from './lint/commands.ts';
import { gateGuideProblems, gateLiteralProblems } from './lint/gates.ts';
import { guideProblems } from './lint/guides.ts';
import { formatProblem, type Problem } from './lint/problem.ts';
import { referenceProblems, sentenceProblems } from './lint/references.ts';
import { collectRequirements, requirementProblems } from './lint/requirements.ts';

const checks: [what: string, run: () => Problem[] | Promise<Problem[]>][] = [
  ['guides, specs, hints and scaffolds', () => days.flatMap(guideProblems)],
  ['gates: one home, quoted by the guides', () => [...gateLiteralProblems(), ...gateGuideProblems()]],
  ['commands: grader/registry.ts and package.json', () => commandProblems()],
  ['tamper list: grader/checksums.json', () => checksumProblems()],
  ['requirement ids: declared, unique, the only names used', async () => {
    const listed = await collectRequirements();
    return [...requirementProblems(listed), ...referenceProblems(listed), ...sentenceProblems(listed)];
  }],
];

const started = performance.now();
let found = 0;
for (const [what, run] of checks) {
  const problems = await Promise.resolve()
    .then(run)
    .catch((error: unknown): Problem[] => [{ file: 'grader/tools/lint-course.ts', problem: `the check could not run: ${error instanceof Error ? error.message : String(error)}`, fix: 'fix what the message names (often a checkpoint that does not load), then run it again' }]);
  found += problems.length;
  console.log(problems.length === 0 ? `✓ ${what}` : `✗ ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.log(`  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(found === 0 ? `The course is consistent (${seconds} s).` : `${found} problem${found === 1 ? '' : 's'} (${seconds} s).`);
process.exitCode = found === 0 ? 0 : 1;
