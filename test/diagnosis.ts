// What a learner reads first when one bug is planted: the first ✗, where it says to look, and how many explanations.
import { expect } from 'vitest';
import type { DayResult } from '../grader/results.ts';
import { gradeDay, treeWith, type GraderRun } from './helpers.ts';

/** A graded fixture, read as the learner reads it. */
export interface Diagnosis {
  run: GraderRun;
  result: DayResult;
  /** The id of the first requirement printed with ✗ (a failure folded under another of the same cause is not printed again). */
  firstFailure: string | undefined;
  /** Every `Look at:` line printed. */
  lookAt: string[];
  /** The distinct `Why this happens:` lines printed. */
  explanations: string[];
}

/** Grades the whole `day` on solutions/ with `fixture` planted, and reads the output. */
export async function diagnose(day: string, fixture: string): Promise<Diagnosis> {
  const { run, result } = await gradeDay(day, treeWith(fixture));
  const firstFailure = result.tests.find((test) => test.status === 'failed' && !test.bonus)?.id;
  const lookAt = [...run.stdout.matchAll(/^\s*Look at:\s+(.*)$/gm)].map((match) => match[1]!);
  const explanations = [...new Set([...run.stdout.matchAll(/^\s*Why this happens: (.*)$/gm)].map((match) => match[1]!))];
  return { run, result, firstFailure, lookAt, explanations };
}

/** Asserts the root-cause-first reading of a single-bug fixture: the first ✗ is `requirement` (its id), its Look at names
 *  `file` (e.g. `02-server/protocol.ts`), at least 90% of all Look at lines name it, and at most two explanations;
 *  with `mentions`, its message also says what the fixture plants (the value returned, the call it broke). */
export async function expectDiagnosed(day: string, fixture: string, requirement: string, file: string, mentions?: RegExp): Promise<Diagnosis> {
  const diagnosis = await diagnose(day, fixture);
  const { run, result, lookAt, explanations } = diagnosis;
  const printed = `the grader printed:\n${run.stdout}`;
  expect(run.exitCode, `${fixture} should fail ${day}; ${printed}`).toBe(1);
  expect(diagnosis.firstFailure, `${fixture}: the first ✗ should be "${requirement}"; ${printed}`).toBe(requirement);
  const first = result.tests.find((test) => test.id === requirement)!;
  if (mentions) expect(first.message, `${fixture}: the failure should name what it plants; ${printed}`).toMatch(mentions);
  expect(/^Look at:\s+(.*)$/m.exec(first.message)?.[1], `${fixture}: the first ✗ should say where to look; ${printed}`).toContain(file);
  const naming = lookAt.filter((line) => line.includes(file)).length;
  expect(naming / lookAt.length, `${fixture}: most Look at lines should name ${file}: ${JSON.stringify(lookAt)}`).toBeGreaterThanOrEqual(0.9);
  expect(explanations.length, `${fixture}: at most two explanations: ${JSON.stringify(explanations)}`).toBeLessThanOrEqual(2);
  return diagnosis;
}
