// Day 3: a learner's benchmark whose calls, at the guide's 1,000 operations each, run far below what the grader
// measures on the same Cache usually times its setup too (a new Cache and 10,000 keys filled in every call). The
// figure stays a report, not a gate: the note says what the gap suggests, beside the figure.
import { readFileSync } from 'node:fs';
import { figure } from '../../course/gates.ts';
import { handedRun } from '../../harness/hand-in.ts';
import { targetDir } from '../../harness/learner.ts';
import { wantedBenches } from './bench-names.ts';
import { fixedKeyNote } from './fixed-key.ts';
import { batch, farAbove } from './fast-bench.ts';

/** A bench below this share of the grader's own figure is noted: the guide's rule (Part B) is "within ten times". */
const farBelow = 1 / farAbove;

/** `op`'s bench figure again with a note, when its calls × the guide's batch ran far below `graderOps`; else undefined. */
export function slowBenchNote(op: 'get' | 'set' | 'mixed', graderOps: number): { metric: string; value: number; note: string } | undefined {
  const wanted = wantedBenches.find((entry) => entry.metric === `bench.${op}.hz`)!;
  let hz: number | undefined;
  try {
    hz = handedRun('day3', 'bench').results?.tests.find((test) => wanted.matches(test.name))?.hz;
  } catch {
    return undefined; // no benchmark run handed in (--only): bench.test.ts says why when it runs
  }
  if (hz === undefined || !Number.isFinite(hz) || hz * batch >= graderOps * farBelow) return undefined;
  const gap = Math.round(graderOps / (hz * batch));
  const note = `${figure(hz)} calls/s × ${figure(batch)} is ${figure(hz * batch)} ops/s, ${gap}× below the ${figure(graderOps)} ops/s the grader measured on the same Cache: is the setup (a new Cache, filling its keys) inside the timed function? It belongs in the describe body`;
  const hotKey = op === 'get' ? fixedKeyNote(readFileSync(`${targetDir}/03-testing/cache.bench.ts`, 'utf8')) : undefined;
  return { metric: wanted.metric, value: Math.round(hz), note: hotKey ? `${hotKey}; ${note}` : note };
}
