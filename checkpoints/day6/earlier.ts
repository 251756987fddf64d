// Day 6 steps 2–4: the earlier days' results and the runs of the learner's own tests and benchmarks, all made by the
// grader before this checkpoint and handed in (harness/hand-in.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findDay } from '../../course/days.ts';
import { inPart, listFiles, type Part } from '../../harness/files.ts';
import { handedRun, missingHandIn, noHandIn as noHandInFor, readHandIn, type HandedFigure, type HandIn } from '../../harness/hand-in.ts';
import { shown, targetDir } from '../../harness/learner.ts';

/** The days the checklist re-checks, as the manifest declares them. */
export const earlierDays = findDay('day6')?.earlier ?? [];

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
export const noHandIn = noHandInFor('day6', 'the results of days 1–5');

function handIn(): HandIn {
  const found = readHandIn();
  if (!found) throw missingHandIn('day6', 'the results of days 1–5');
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

/** The learner's own test files of `part` (`*.race.test.ts` or the other `*.test.ts`). */
export function ownTests(part: Part): string[] {
  return listFiles(targetDir).filter((file) => file.endsWith('.test.ts') && inPart(file, part));
}

/** What the learner's own test files of `part` did in the grader's run of them (todo tests count as not written). */
export async function runOwnTests(files: string[]): Promise<Findings> {
  const findings: Findings = { failures: [], notAvailable: [], passed: 0, cached: [] };
  if (files.length === 0) return findings;
  const { results, output, timedOutAfterMs } = handedRun('day6', 'own-tests');
  if (!results) {
    const why = timedOutAfterMs
      ? `they did not finish within ${timedOutAfterMs / 1000} s`
      : output.trim().split('\n').slice(-3).join(' / ') || 'vitest printed nothing';
    findings.failures.push(`your tests did not run: ${why}`);
    return findings;
  }
  for (const name of files) {
    const tests = results.tests.filter((test) => test.file === name);
    const loadError = results.fileErrors.find((entry) => entry.file === name);
    if (tests.length === 0 && loadError) findings.failures.push(`${name} does not load: ${firstLine(loadError.errors[0] ?? '')}`);
    for (const test of tests) {
      if (test.state === 'passed') findings.passed += 1;
      if (test.state === 'failed') findings.failures.push(`${name} · ${test.fullName}: ${firstLine(test.errors[0] ?? '')}`);
      if (test.state === 'todo' || test.state === 'pending') findings.failures.push(`${name} · ${test.fullName}: still a todo — write it`);
    }
  }
  return findings;
}

/** One benchmark of the learner's bench files: its name and how many times per second it ran. */
export interface BenchFigure {
  name: string;
  /** undefined when the benchmark produced no figure (it threw, or never ran). */
  hz: number | undefined;
}

/** The learner's benchmarks as the grader's `vitest bench` run of them found: every figure, and what it printed. */
export async function runBenchmarks(): Promise<{ figures: BenchFigure[]; output: string }> {
  const { results, output } = handedRun('day6', 'bench');
  const figures = (results?.tests ?? []).map((bench) => ({ name: bench.name, hz: bench.hz }));
  const errors = [...(results?.fileErrors ?? []).flatMap((entry) => entry.errors), ...(results?.tests ?? []).flatMap((bench) => bench.errors)];
  return { figures, output: [output, ...errors].join('\n') };
}
