// Day 6 steps 2–4: earlier days' checkpoints, the learner's own tests, and the learner's benchmarks, in nested runs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDay } from '../../course/days.ts';
import { root, vitestBin } from '../../grader/paths.ts';
import type { MetricResult } from '../../grader/results.ts';
import { inPart, listFiles, runPart, type Part, type PartResult } from '../support/earlier-days.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { seed } from '../../harness/seed.ts';

/** The days the checklist re-runs. */
export const earlierDays = ['day1', 'day2', 'day3', 'day4', 'day5'];

/** What a step found: failures to show, days it could not run yet, and how many requirements held. */
export interface Findings {
  failures: string[];
  notAvailable: string[];
  passed: number;
  cached: string[];
}

/** Every figure the earlier days measured on this tree, by metric name. */
export const measured: Record<string, MetricResult> = {};

const memo = new Map<string, Promise<PartResult | undefined>>();

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

/** Runs `part` of every earlier day (each at most once per check) and sums up what held. */
export async function earlierParts(part: Part, only = earlierDays): Promise<Findings> {
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
    const key = `${id}:${part}`;
    if (!memo.has(key)) memo.set(key, runPart(day, part, targetDir, seed));
    const outcome = await memo.get(key)!;
    if (!outcome) continue;
    Object.assign(measured, outcome.result.metrics);
    if (outcome.cached) findings.cached.push(id);
    for (const test of outcome.result.tests) {
      if (test.status === 'passed') findings.passed += 1;
      if (test.status === 'failed' && !test.bonus) findings.failures.push(`${id} · ${test.name}: ${firstLine(test.message)}`);
    }
  }
  return findings;
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
