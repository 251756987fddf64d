// The gates: every figure a day holds the learner's code to, declared once. The checks, the requirement sentences,
// the manifest, the tools and the workbook's tests read them here; the guides quote them (npm run lint:course checks).

/** A figure the learner's code must beat (or stay under), what measures it, and where the guides quote it. */
export interface Gate {
  /** The day that holds it. */
  day: string;
  /** The figure's name in the report's `metrics`. */
  metric: string;
  /** `>`: the figure must be above `value`; `<`: below it. */
  op: '>' | '<';
  value: number;
  /** What measures the figure, in words. */
  measuredBy: string;
  /** How the gate moves on a machine slower than the guide's, if it does. */
  fallback?: RedisFallback;
  /** The guides and specs that quote `value` (repo-relative). */
  quotedIn: string[];
}

/** Day 5's fallback: on a machine where real Redis cannot reach `value / redisShare`, the gate is that share of Redis. */
export interface RedisFallback {
  /** The share of real Redis's figure (under the grader's own generator) the gate falls back to. */
  redisShare: number;
  /** A gate lowered during a run never goes below this share of the run's first calibration. */
  floorShare: number;
  /** What the fallback is measured with, in words. */
  measuredBy: string;
  /** The guides that quote the Redis figure the gate assumes (`value / redisShare`). */
  quotedIn: string[];
}

/** Every gate of the workbook, by a short name. */
export const gates = {
  /** Day 3: the learner's Cache.get, measured by the grader itself. */
  get: {
    day: 'day3',
    metric: 'cache.get.opsPerSec',
    op: '>',
    value: 100_000,
    measuredBy: "the grader, in its own process, on the learner's Cache with 10,000 keys: best of five 60 ms samples",
    quotedIn: ['days/03-testing/README.md', 'days/03-testing/CHECKPOINT.md'],
  },
  /** Day 3: the learner's Cache.set, measured the same way. */
  set: {
    day: 'day3',
    metric: 'cache.set.opsPerSec',
    op: '>',
    value: 50_000,
    measuredBy: "the grader, in its own process, on the learner's Cache with 10,000 keys: best of five 60 ms samples",
    quotedIn: ['days/03-testing/README.md', 'days/03-testing/CHECKPOINT.md'],
  },
  /** Day 5 (and day 6's step 7): the learner's tuned server under the learner's own load tester. */
  load: {
    day: 'day5',
    metric: 'load.opsPerSec',
    op: '>',
    value: 50_000,
    measuredBy:
      "the learner's load tester against the tuned server: 50 connections, 80% GET, no pipelining, best of up to three runs (a clean run " +
      '1.2× the gate ends it), 0 errors',
    fallback: {
      redisShare: 0.5,
      floorShare: 0.75,
      measuredBy: "real Redis under the grader's own load generator, measured before the learner's runs with the server stopped",
      quotedIn: ['days/05-performance/README.md', 'days/05-performance/CHECKPOINT.md'],
    },
    quotedIn: [
      'README.md',
      'days/04-loadtest/README.md',
      'days/04-loadtest/CHECKPOINT.md',
      'days/05-performance/README.md',
      'days/05-performance/CHECKPOINT.md',
      'days/06-docs/CHECKPOINT.md',
    ],
  },
} satisfies Record<string, Gate>;

/** 123456.7 → "123,457": a figure as the guides and the reports write it. Spelled out rather than toLocaleString:
 *  a process's first locale formatting sets up ICU (about 35 ms of CPU), and every checkpoint worker loads this file. */
export function figure(value: number): string {
  const whole = Math.round(value);
  if (!Number.isFinite(whole)) return whole.toLocaleString('en-US');
  return `${whole < 0 ? '-' : ''}${String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
