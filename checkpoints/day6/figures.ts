// Day 6: the README's performance figures judged by what holds on any machine — the machine named, relative
// claims against ratios measured in the same run, and no absolute figure far beyond any run on record.
import { ops } from '../day5/helpers.ts';
import type { Claim } from './docs.ts';

/** An absolute figure above this many times the best measurement on record is flagged (laptops and shared
 *  runners differ by 2–4×; an order of magnitude is a typo, a copied figure or a wish). */
export const farBeyond = 10;
/** A relative claim (× Redis, × the day-2 server) may differ from the ratio measured in the same run by this factor. */
export const ratioAgreement = 2;

/** Words that say which machine the figures come from: cores, a CPU, a kind of computer, a Node version. */
const machineWords =
  /\b(\d+\s*-?\s*(?:v?cpu|core|thread)s?|v?cpus?|cores?|processor|laptop|desktop|notebook|macbook|imac|mac mini|thinkpad|workstation|machine|computer|runner|vm|intel|amd|ryzen|xeon|epyc|apple\s*m\d|m[1-4](?:\s*(?:pro|max))?|arm64|x86(?:_64)?|ghz|node(?:\.js)?\s*v?\d+)\b/i;

/** Whether the text names the machine its figures were measured on. */
export function namesMachine(text: string): boolean {
  return machineWords.test(text);
}

/** What a relative claim compares the learner's server with. */
export type Baseline = 'redis' | 'day2';

/** A ratio the README claims: the learner's tuned server ÷ the baseline. */
export interface RatioClaim {
  baseline: Baseline;
  ratio: number;
  line: string;
}

/** How a text names each baseline. */
const baselineWords: Record<Baseline, RegExp> = { redis: /redis/, day2: /day[\s-]*2|untuned|before tuning|first server/ };

/** The baselines `lower` names, Redis first. */
function baselinesIn(lower: string): Baseline[] {
  return (Object.keys(baselineWords) as Baseline[]).filter((baseline) => baselineWords[baseline].test(lower));
}

/** The ratio one clause states: `0.9×`, `2× slower`, `90% of`, `30% slower`; undefined when it states none. */
function ratioIn(lower: string): number | undefined {
  const times = /(\d+(?:\.\d+)?)\s*[×x](?![\w])\s*(faster|quicker|slower)?/.exec(lower);
  if (times) return times[2] === 'slower' ? 1 / Number(times[1]) : Number(times[1]);
  const percent = /(\d+(?:\.\d+)?)\s*%\s*(of|faster|quicker|slower)\b/.exec(lower);
  if (!percent) return undefined;
  const n = Number(percent[1]) / 100;
  return percent[2] === 'of' ? n : percent[2] === 'slower' ? 1 - n : 1 + n;
}

/** The relative claims of `text`: `0.9× of Redis`, `90% of Redis`, `2.5× faster than the day-2 server`, `30% slower
 *  than Redis`, `2× slower than Redis`. Each clause of a line (split at `,`, `;` and "and") is read on its own, so
 *  "0.6× of Redis, and 4× faster than the day-2 server" is two claims; a clause without a baseline takes the line's,
 *  when the line names only one. Lines without a baseline are not read. */
export function ratioClaims(text: string): RatioClaim[] {
  const out: RatioClaim[] = [];
  for (const raw of text.split('\n')) {
    const lower = raw.toLowerCase();
    const named = baselinesIn(lower);
    if (named.length === 0) continue;
    for (const clause of lower.split(/[,;]|\band\b/)) {
      const ratio = ratioIn(clause);
      const baseline = baselinesIn(clause)[0] ?? (named.length === 1 ? named[0] : undefined);
      if (ratio !== undefined && ratio > 0 && baseline) out.push({ baseline, ratio, line: raw.trim() });
    }
  }
  return out;
}

/** Problems with absolute figures: each one above `farBeyond` × the best measured for its metric (this run or on
 *  record); `best` gives undefined where nothing was measured. */
export function absoluteProblems(quoted: Claim[], best: (metric: Claim['metric']) => number | undefined): string[] {
  const problems: string[] = [];
  for (const claim of quoted) {
    const figure = best(claim.metric);
    if (figure === undefined) continue;
    if (claim.value <= figure * farBeyond) continue;
    problems.push(
      `"${claim.line}" says ${ops(claim.value)} ops/s: ${(claim.value / figure).toFixed(0)}× the best the grader has on record for your code (${ops(figure)}, ${claim.metric})`,
    );
  }
  return problems;
}

/** Problems with relative claims: each one more than `ratioAgreement`× away from the ratio measured in this run;
 *  `redisSource` says how the Redis ratio was measured. */
export function ratioProblems(
  quoted: RatioClaim[],
  measuredRatio: (baseline: Baseline) => number | undefined,
  redisSource = 'day 5, same generator, same run',
): string[] {
  const problems: string[] = [];
  for (const claim of quoted) {
    const ratio = measuredRatio(claim.baseline);
    if (ratio === undefined || ratio <= 0) continue;
    const apart = Math.max(claim.ratio / ratio, ratio / claim.ratio);
    if (apart <= ratioAgreement) continue;
    const against = claim.baseline === 'redis' ? `real Redis (${redisSource})` : 'your day-2 server (same generator, same run)';
    problems.push(
      `"${claim.line}" claims ${claim.ratio.toFixed(2)}× ${claim.baseline === 'redis' ? 'Redis' : 'the day-2 server'}; measured just now against ${against}: ${ratio.toFixed(2)}×`,
    );
  }
  return problems;
}
