// Maintainers: `npm run lint:course` (rustlings' `dev check`) — the guides, scaffolds, manifest, requirement ids,
// gates, commands and tamper list agree. Prints each problem with its file and fix; exits 1 on any.
// `npm run lint:course -- --write` first rewrites what is derived: the figures of a gate changed since the last commit
// (in the guides that quote it), the guides' folded hints (from the manifest's),
// CHECKPOINT.md's requirement tables, the grade-order lists of days in the README and docs/architecture.md, and
// grader/checksums.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { days } from '../../course/days.ts';
import { checksumsPath, computeChecksums } from '../checksums.ts';
import { checksumProblems } from './lint/checksums.ts';
import { commandProblems } from './lint/commands.ts';
import { dayTableProblems, gradeOrderProblems, writeGradeOrder } from './lint/day-lists.ts';
import { exportProblems } from './lint/exports.ts';
import { fixtureCopyProblems, patchProblems, plantedProblems } from './lint/fixtures.ts';
import { staleGateProblems, writeGateFigures } from './lint/gate-figures.ts';
import { gateGuideProblems, gateLiteralProblems } from './lint/gates.ts';
import { guideProblems, writeHints } from './lint/guides.ts';
import { formatProblem, type Problem } from './lint/problem.ts';
import { referenceProblems, sentenceProblems } from './lint/references.ts';
import { collectRequirements, requirementProblems, type Listed } from './lint/requirements.ts';
import { scaffoldFormatProblems, scaffoldLintProblems, scaffoldVetProblems } from './lint/scaffolds.ts';
import { specTableProblems, writeSpecTables } from './lint/spec-tables.ts';

let collected: Promise<Listed[]> | undefined;
const listed = () => (collected ??= collectRequirements());

if (process.argv.includes('--write')) {
  const written = [...(await writeGateFigures()), ...writeHints(days), ...writeSpecTables(days, await listed()), ...writeGradeOrder(days)];
  const checksums = `${JSON.stringify(computeChecksums(), null, 2)}\n`;
  if (readFileSync(checksumsPath(), 'utf8') !== checksums) {
    writeFileSync(checksumsPath(), checksums);
    written.push('grader/checksums.json');
  }
  console.log(written.length === 0 ? 'Derived text was current.' : `Rewrote: ${[...new Set(written)].join(', ')}`);
}

const checks: [what: string, run: () => Problem[] | Promise<Problem[]>][] = [
  ['guides, specs, hints and scaffolds', () => days.flatMap((day) => guideProblems(day))],
  [
    "scaffolds: day 6's format and vet steps pass as shipped",
    async () => [...(await scaffoldFormatProblems()), ...(await scaffoldVetProblems()), ...scaffoldLintProblems()],
  ],
  ['exports: listed once, in the manifest', () => exportProblems()],
  ["day lists: the front page's table and the grade order", () => [...dayTableProblems(), ...gradeOrderProblems()]],
  [
    'fixtures: a planted bug for every day, used, patches rather than copies, each applying',
    () => [...plantedProblems(), ...fixtureCopyProblems(), ...patchProblems()],
  ],
  ['gates: one home, quoted by the guides, no stale figure', () => [...gateLiteralProblems(), ...gateGuideProblems(), ...staleGateProblems()]],
  ['commands: grader/registry.ts and package.json', () => commandProblems()],
  ['tamper list: grader/checksums.json', () => checksumProblems()],
  [
    'requirement ids: declared, unique, the only names used, tabled in CHECKPOINT.md',
    async () => {
      const all = await listed();
      return [...requirementProblems(all), ...referenceProblems(all), ...sentenceProblems(all), ...days.flatMap((day) => specTableProblems(day, all))];
    },
  ],
];

const started = performance.now();
let found = 0;
for (const [what, run] of checks) {
  const problems = await Promise.resolve()
    .then(run)
    .catch((error: unknown): Problem[] => [
      {
        file: 'grader/tools/lint-course.ts',
        problem: `the check could not run: ${error instanceof Error ? error.message : String(error)}`,
        fix: 'fix what the message names (often a checkpoint that does not load), then run it again',
      },
    ]);
  found += problems.length;
  console.log(problems.length === 0 ? `✓ ${what}` : `✗ ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.log(`  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(found === 0 ? `The course is consistent (${seconds} s).` : `${found} problem${found === 1 ? '' : 's'} (${seconds} s).`);
process.exitCode = found === 0 ? 0 : 1;
