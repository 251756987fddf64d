// The progress file: which days passed on which tree, written (and sealed) by the grader and read by `status`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { days, type Day } from '../course/days.ts';
import { display } from './paths.ts';
import { sealedJson, unsealJson } from './seal.ts';
import { generatedNote, stateFile } from './state.ts';
import type { DayResult } from './results.ts';

/** What the progress file remembers of one day. */
export interface DayProgress {
  passed: boolean;
  /** Required (non-bonus) requirements that held, and how many there are: the count `check` prints. */
  passedTests: number;
  totalTests: number;
  /** Bonus requirements that held, and how many there are (absent for a day without bonus). */
  bonusPassed?: number;
  bonusTotal?: number;
  at: string;
  /** The best of each throughput figure (`*.opsPerSec`) any run of this day has measured on this tree. */
  best?: Record<string, number>;
  /** The first required requirement that failed, and its cause kind if observed (`hint` starts from the hint for it). */
  firstFailure?: { requirement: string; id?: string; cause?: string };
}

/** The whole progress file: per tree (as shown, e.g. `days`), per day id. */
export interface ProgressFile {
  _: string;
  targets: Record<string, Record<string, DayProgress>>;
  /** Set on reading when the file is not sealed by this grader (grader/seal.ts): its records are ignored. */
  forged?: true;
}

/** Everything recorded so far: an empty record when the file is missing, and also (marked `forged`) when it was
 *  written or edited by anything but the grader. */
export function readProgress(): ProgressFile {
  let text: string;
  try {
    text = readFileSync(stateFile('progress.json'), 'utf8');
  } catch {
    return { _: '', targets: {} };
  }
  const read = unsealJson<ProgressFile>(text);
  return read === 'forged' ? { _: '', targets: {}, forged: true } : read;
}

/** Remembers `results` for the tree `target`. */
export function recordProgress(target: string, results: DayResult[]): void {
  const progress = readProgress();
  const entry = (progress.targets[display(target)] ??= {});
  for (const result of results) {
    const required = result.tests.filter((test) => !test.bonus);
    const bonus = result.tests.filter((test) => test.bonus);
    const best = { ...entry[result.id]?.best };
    for (const [name, metric] of Object.entries(result.metrics)) {
      if (name.endsWith('opsPerSec') && Number.isFinite(metric.value)) best[name] = Math.max(best[name] ?? 0, metric.value);
    }
    const failed = required.find((test) => test.status === 'failed');
    entry[result.id] = {
      passed: result.passed,
      passedTests: required.filter((test) => test.status === 'passed').length,
      totalTests: required.length,
      ...(bonus.length > 0 ? { bonusPassed: bonus.filter((test) => test.status === 'passed').length, bonusTotal: bonus.length } : {}),
      at: new Date().toISOString(),
      best,
      ...(failed
        ? { firstFailure: { requirement: failed.name, ...(failed.id ? { id: failed.id } : {}), ...(failed.cause ? { cause: failed.cause.kind } : {}) } }
        : {}),
    };
  }
  writeProgress(progress);
}

// Writes the file whole under another name, then renames it over the old one: a reader (watch and check finishing
// together) sees the old file or the new one, never half of one, which it would read as empty and write back so.
function writeProgress(progress: ProgressFile): void {
  const file = stateFile('progress.json');
  const part = `${file}.${process.pid}.part`;
  const { forged: _forged, ...kept } = progress;
  writeFileSync(part, sealedJson({ ...kept, _: generatedNote }));
  renameSync(part, file);
}

/** The first day not yet passed on `target` (as displayed, default `days`), or the last day when all pass. */
export function firstUnfinishedDay(target = 'days'): Day {
  const recorded = readProgress().targets[target] ?? {};
  return days.find((day) => !recorded[day.id]?.passed) ?? days[days.length - 1]!;
}

/** The best of each figure any recorded run measured on `target` (any form `display` accepts), over all days. */
export function bestFigures(target: string): Record<string, number> {
  const best: Record<string, number> = {};
  for (const day of Object.values(readProgress().targets[display(target)] ?? {})) {
    for (const [metric, value] of Object.entries(day.best ?? {})) best[metric] = Math.max(best[metric] ?? value, value);
  }
  return best;
}

/** The best `metric` any recorded run measured on `target` (any form `display` accepts), or undefined. */
export function bestOnRecord(target: string, metric: string): number | undefined {
  return bestFigures(target)[metric];
}

/** Forgets what was recorded for `dayId` on `target` (after a reset, the day is not tried again yet). */
export function forgetProgress(target: string, dayId: string): void {
  const progress = readProgress();
  delete progress.targets[display(target)]?.[dayId];
  writeProgress(progress);
}
