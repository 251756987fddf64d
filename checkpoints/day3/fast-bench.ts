// Day 3: a learner's benchmark figure far above what the grader measures on the same Cache measures something else.
// The guide's rule (days/03-testing/README.md, Part B): hz × 1,000 lands within ten times of the grader's figure (the
// guide's own benchmarks land at 1–3 times on an idle machine, up to 6 with a hot key, the two runs being minutes apart
// on a shared machine). Beyond it fails with the reason read in the source (a GET result nobody uses, one key read on
// every call); with no reason seen, the figure carries a note instead.
import type { Cause } from '../../harness/cause.ts';
import { figure } from '../../course/gates.ts';
import { benchSource, getCalls, sameKeyEveryCall } from './bench-source.ts';

/** Cache operations per bench call in the guide and the scaffold. */
export const batch = 1_000;
/** Above this many times the grader's figure, a figure measures something other than the cache. */
export const farAbove = 10;

/** Why a benchmark ran too fast: its cause, what was seen, and the line of the benchmark file it was seen on. */
interface TooFast {
  cause: Cause;
  seen: string;
  line?: number;
}

/** The reason `source`'s benchmark `name` (matched by `pattern`) ran faster than the cache can, if one can be read. */
function reasonIn(source: string, name: string, pattern: RegExp): TooFast | undefined {
  const body = benchSource(source, pattern);
  if (!body) return undefined;
  const start = source.indexOf(body);
  const lineOf = (index: number) => source.slice(0, start + index).split('\n').length;
  const calls = getCalls(body);
  const unused = calls.find((call) => call.unused);
  if (unused) {
    return {
      cause: { kind: 'bench-result-unused', title: `your ${name} benchmark throws away what get returns` },
      seen: `get(${unused.argument}) is a statement of its own: nothing reads its result, so the engine may skip the lookup`,
      line: lineOf(unused.index),
    };
  }
  const same = calls.length > 0 && calls.every((call) => sameKeyEveryCall(call.argument, body));
  if (same) {
    return {
      cause: { kind: 'bench-one-key', title: `your ${name} benchmark reads one key again and again` },
      seen: `every get reads ${[...new Set(calls.map((call) => call.argument))].join(', ')}, the same key on every call (picked once, outside the timed function)`,
      line: lineOf(calls[0]!.index),
    };
  }
  return undefined;
}

/** Why `name`'s figure of `hz` calls/s is too fast beside the grader's `graderOps` ops/s: the reason read in the
 *  source, or, with none seen, a note (the two figures are taken minutes apart, and a busy machine can slow the
 *  grader's tenfold); undefined when it is within the rule. */
export function tooFast(source: string, name: string, pattern: RegExp, hz: number, graderOps: number): TooFast | { note: string } | undefined {
  const times = (hz * batch) / graderOps;
  if (times <= farAbove) return undefined;
  return (
    reasonIn(source, name, pattern) ?? {
      note: `${figure(hz)} calls/s × ${figure(batch)} is ${figure(hz * batch)} ops/s, ${Math.round(times)}× the ${figure(graderOps)} ops/s the grader measured on the same Cache: does each call do ${figure(batch)} operations on different keys, each result used?`,
    }
  );
}
