// The checkpoints' `it`: vitest's, with each requirement's failure diagnosed where it happens (the cause, where to
// look, what to try and the guide entry, as notes in the UI's report panel) and bonus suites tagged `bonus`.
import { relative } from 'node:path';
import { describe, it as vitestIt, TestRunner, type TestContext } from 'vitest';
import { days } from '../../course/days.ts';
import { dayOfCheckpoint } from '../../course/explain.ts';
import { root } from '../../harness/paths.ts';
import { diagnose } from './diagnosis.ts';
import './requirement-id.ts';

export { describe };

/** A requirement's options: its short id (`meta: { id }`), and a time limit of its own when it needs one. */
export interface RequirementOptions {
  meta: { id: string };
  timeout?: number;
}

// What a checkpoint's helpers re-tell about a failure before it is diagnosed (day 2: a shared buffer, chunk framing).
const retellers = new Set<(error: unknown) => Promise<void>>();

/** Runs `retell` on every failure of a requirement before it is diagnosed and recorded (in the test, not after it). */
export function onFailure(retell: (error: unknown) => Promise<void>): void {
  retellers.add(retell);
}

/** Declares one requirement: a sentence, its id, and the check. A failure is diagnosed before vitest records it. */
export function it(name: string, options: RequirementOptions, check: (context: TestContext) => unknown): void {
  const file = relative(root, TestRunner.getCurrentSuite().file?.filepath ?? '');
  const day = dayOfCheckpoint(days, file);
  const bonus = day?.bonus?.includes(file) ?? false;
  vitestIt(name, { ...options, ...(bonus ? { tags: ['bonus'] } : {}) }, async (context) => {
    try {
      await check(context);
    } catch (error) {
      for (const retell of retellers) await retell(error);
      if (day) await diagnose(context, error, day, options.meta.id, bonus);
      throw error;
    }
  });
}
