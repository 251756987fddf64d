// Day 6 steps 2–4: earlier days' results (handed in by the grader), the learner's own tests and benchmarks (nested runs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDay } from '../../course/days.ts';
import { CheckError } from '../../harness/check.ts';
import { inPart, listFiles, type Part } from '../../harness/files.ts';
import { readHandIn, type HandedFigure, type HandIn } from '../../harness/hand-in.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { root } from '../../harness/paths.ts';

/** The days the checklist re-checks, as the manifest declares them. */
export const earlierDays = findDay('day6')?.earlier ?? [];

// Steps 2–4 still run the learner's own tests and benchmarks in a vitest of their own (docs/architecture.md, "Layers").
const vitestBin = resolve(root, 'node_modules/vitest/vitest.mjs');

/** What a step found: failures to show, days it could not run yet, and how many requirements held. */
export interface Findings {
  failures: string[];
  notAvailable: string[];
  passed: number;
  cached: string[];
}

/** Every figure the earlier days measured on this tree, by metric name. */
export const measured: Record<string, HandedFigure> = {};

/** The one line a step fails with when the checkpoint was started without the grader's hand-in. */
export const noHandIn = 'This step reads the results of days 1–5, which the grader runs first: run `npm run check day6` (vitest alone, or `npm run ui`, cannot check it).';

function handIn(): HandIn {
  const found = readHandIn();
  if (!found) throw new CheckError(noHandIn);
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

/** What `part` of every earlier day (as handed in by the grader) found, summed up. */
export async function earlierParts(part: Part, only = earlierDays): Promise<Findings> {
  const { earlier } = handIn();
  const findings: Findings = { failures: [], notAvailable: [], passed: 0, cached: [] };
  for (const id of only) {
    const day = findDay(id);
    if (!day) {
      findings.notAvailable.push(`${id} is not in this workbook yet`);
      continue;
    }
    if (!existsSync(resolve(targetDir, day.slug))) {
      findings.notAvailable.push(`${shown(day.slug)}/ is missing (${id})`);
      continue;
    }
    const outcome = earlier[id]?.[part];
    if (!outcome) continue;
    Object.assign(measured, outcome.metrics);
    if (outcome.cached) findings.cached.push(id);
    for (const test of outcome.tests) {
      if (test.status === 'passed') findings.passed += 1;
      if (test.status === 'failed' && !test.bonus) findings.failures.push(`${id} · ${test.name}: ${firstLine(test.message)}`);
    }
  }
  return findings;
}

/** The best `metric` any run the grader recorded for this tree measured, or undefined. */
export function bestOnRecord(metric: string): number | undefined {
  return handIn().best[metric];
}

// Runs vitest (`run` or `bench`) on `files` of the tree with a generated config; returns the JSON it wrote.
async function nestedVitest(mode: 'run' | 'bench', files: string[], timeoutMs: number): Promise<{ json?: unknown; output: string }> {
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'day6-vitest-'));
  const paths = files.map((file) => resolve(targetDir, file));
  const config = `import { defineConfig } from 'vitest/config';
export default defineConfig({ root: ${JSON.stringify(root)}, test: { include: ${JSON.stringify(paths)}, benchmark: { include: ${JSON.stringify(paths)} }, watch: false, fileParallelism: false } });\n`;
  writeFileSync(join(dir, 'vitest.config.mjs'), config);
  const out = join(dir, 'out.json');
  const args = mode === 'run' ? ['run', '--reporter', 'json', '--outputFile', out] : ['bench', '--run', '--outputJson', out];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && !['TEST', 'NODE_OPTIONS', 'CACHELINGS_EVENTS_FD'].includes(name)));
  // Not detached, and the threads pool: the child stays in the checkpoint's process group (the grader's watchdog
  // stops it too), and killing it stops the learner's code with it.
  const child = spawn(process.execPath, [vitestBin, ...args, '--pool', 'threads', '--config', join(dir, 'vitest.config.mjs')], { cwd: root, env: { ...env, FORCE_COLOR: '0' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await new Promise((done) => child.on('close', done));
  clearTimeout(timer);
  try {
    return { json: existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The learner's own test files of `part` (`*.race.test.ts` or the other `*.test.ts`). */
export function ownTests(part: Part): string[] {
  return listFiles(targetDir).filter((file) => file.endsWith('.test.ts') && inPart(file, part));
}

interface JsonReport {
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs the learner's own test files with vitest and lists what failed (todo tests count as not written). */
export async function runOwnTests(files: string[]): Promise<Findings> {
  const findings: Findings = { failures: [], notAvailable: [], passed: 0, cached: [] };
  if (files.length === 0) return findings;
  const { json, output } = await nestedVitest('run', files, 120_000);
  const report = json as JsonReport | undefined;
  if (!report) {
    findings.failures.push(`your tests did not run: ${output.trim().split('\n').slice(-3).join(' / ') || 'vitest printed nothing'}`);
    return findings;
  }
  for (const file of report.testResults) {
    const name = file.name.replace(`${targetDir}/`, '');
    if (file.assertionResults.length === 0 && file.status === 'failed') findings.failures.push(`${name} does not load: ${firstLine(file.message ?? '')}`);
    for (const test of file.assertionResults) {
      if (test.status === 'passed') findings.passed += 1;
      if (test.status === 'failed') findings.failures.push(`${name} · ${test.fullName}: ${firstLine(test.failureMessages[0] ?? '')}`);
      if (test.status === 'todo' || test.status === 'pending') findings.failures.push(`${name} · ${test.fullName}: still a todo — write it`);
    }
  }
  return findings;
}

/** One benchmark of the learner's bench files: its name and how many times per second it ran. */
export interface BenchFigure {
  name: string;
  hz: number;
}

interface BenchJson {
  files: { filepath: string; groups: { fullName: string; benchmarks: { name: string; hz: number }[] }[] }[];
}

/** Runs the learner's `*.bench.ts` files with `vitest bench` and returns every figure (or the output on failure). */
export async function runBenchmarks(files: string[]): Promise<{ figures: BenchFigure[]; output: string }> {
  const { json, output } = await nestedVitest('bench', files, 120_000);
  const report = json as BenchJson | undefined;
  const figures = (report?.files ?? []).flatMap((file) => file.groups.flatMap((group) => group.benchmarks.map((bench) => ({ name: bench.name, hz: bench.hz }))));
  return { figures, output };
}
