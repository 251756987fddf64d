// Side-by-side measurement: a reference (real Redis, or the workbook's own server) and the learner's server measured
// in turns under the same load, decided on the paired ratios with a sequential test: more rounds while the verdict is
// unclear, and "too close to call" rather than a coin flip when it stays unclear.

/** `clears`: the ratio is above the share with 99% confidence (one-sided); `misses`: below it; `too-close`: neither
 *  after the most rounds. */
export type Verdict = 'clears' | 'misses' | 'too-close';

/** What the rounds say about `yours / theirs` against `share`. */
export interface Decision {
  verdict: Verdict;
  /** The geometric mean of the rounds' ratios, and its bounds at 99% confidence on each side. */
  ratio: number;
  low: number;
  high: number;
}

/** How many rounds: at least `minRounds`, then one more at a time while unclear, up to `maxRounds`. */
export interface Sequential {
  share: number;
  minRounds: number;
  maxRounds: number;
}

// Student's t, one-sided 99% (each verdict asks one question: above the share, or below it), by degrees of freedom
// (1 … 15); beyond that 2.6.
const t99 = [31.82, 6.965, 4.541, 3.747, 3.365, 3.143, 2.998, 2.896, 2.821, 2.764, 2.718, 2.681, 2.65, 2.624, 2.602];

/** The decision after `ratios` (undefined while more rounds are needed): the mean of their logarithms and its
 *  one-sided 99% t-bounds, held against the share's logarithm. A ratio varies by a factor, so it is averaged as a logarithm. */
export function decide(ratios: number[], plan: Sequential): Decision | undefined {
  const logs = ratios.map((ratio) => Math.log(Math.max(ratio, 1e-6)));
  const n = logs.length;
  if (n < Math.max(plan.minRounds, 2)) return undefined;
  const mean = logs.reduce((sum, x) => sum + x, 0) / n;
  const sd = Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1));
  const half = (t99[n - 2] ?? 2.6) * (sd / Math.sqrt(n));
  const [ratio, low, high] = [mean, mean - half, mean + half].map(Math.exp) as [number, number, number];
  const verdict: Verdict | undefined = low > plan.share ? 'clears' : high < plan.share ? 'misses' : n >= plan.maxRounds ? 'too-close' : undefined;
  return verdict && { verdict, ratio, low, high };
}

/**
 * The verdict over several loads measured in the same rounds (`ratios[load][round]`): any load clearly below the share
 * misses; every load clearly above it clears (reported for the `deciding` load); a load still unclear after the most
 * rounds is too close to call; undefined while a further round could still change it.
 */
export function decideAll(ratios: number[][], deciding: number, plan: Sequential): (Decision & { load: number }) | undefined {
  const decisions = ratios.map((one, load) => {
    const decision = decide(one, plan);
    return decision && { ...decision, load };
  });
  const missed = decisions.find((decision) => decision?.verdict === 'misses');
  if (missed) return missed;
  if (decisions.every((decision) => decision?.verdict === 'clears')) return decisions[deciding];
  return decisions.find((decision) => decision?.verdict === 'too-close');
}

/** The median of `values` (0 for none). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
