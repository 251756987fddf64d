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
const machineWords = /\b(\d+\s*-?\s*(?:v?cpu|core|thread)s?|v?cpus?|cores?|processor|laptop|desktop|notebook|macbook|imac|mac mini|thinkpad|workstation|machine|computer|runner|vm|intel|amd|ryzen|xeon|epyc|apple\s*m\d|m[1-4](?:\s*(?:pro|max))?|arm64|x86(?:_64)?|ghz|node(?:\.js)?\s*v?\d+)\b/i;

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

function baselineOf(lower: string): Baseline | undefined {
  if (/redis/.test(lower)) return 'redis';
  if (/day[\s-]*2|untuned|before tuning|first server/.test(lower)) return 'day2';
  return undefined;
}

/** The relative claims of `text`, one per line at most: `0.9× of Redis`, `90% of Redis`, `2.5× faster than the
 *  day-2 server`, `30% slower than Redis`, `2× slower than Redis`. Lines without a baseline are not read. */
export function ratioClaims(text: string): RatioClaim[] {
  const out: RatioClaim[] = [];
  for (const raw of text.split('\n')) {
    const lower = raw.toLowerCase();
    const baseline = baselineOf(lower);
    if (!baseline) continue;
    const times = /(\d+(?:\.\d+)?)\s*[×x](?![\w])\s*(faster|quicker|slower)?/.exec(lower);
    const percent = /(\d+(?:\.\d+)?)\s*%\s*(of|faster|quicker|slower)\b/.exec(lower);
    let ratio: number | undefined;
    if (times) {
      const n = Number(times[1]);
      ratio = times[2] === 'slower' ? 1 / n : n;
    } else if (percent) {
      const n = Number(percent[1]) / 100;
      ratio = percent[2] === 'of' ? n : percent[2] === 'slower' ? 1 - n : 1 + n;
    }
    if (ratio !== undefined && ratio > 0) out.push({ baseline, ratio, line: raw.trim() });
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
    problems.push(`"${claim.line}" says ${ops(claim.value)} ops/s: ${(claim.value / figure).toFixed(0)}× the best the grader has on record for your code (${ops(figure)}, ${claim.metric})`);
  }
  return problems;
}

/** Problems with relative claims: each one more than `ratioAgreement`× away from the ratio measured in this run;
 *  `redisSource` says how the Redis ratio was measured. */
export function ratioProblems(quoted: RatioClaim[], measuredRatio: (baseline: Baseline) => number | undefined, redisSource = 'day 5, same generator, same run'): string[] {
  const problems: string[] = [];
  for (const claim of quoted) {
    const ratio = measuredRatio(claim.baseline);
    if (ratio === undefined || ratio <= 0) continue;
    const apart = Math.max(claim.ratio / ratio, ratio / claim.ratio);
    if (apart <= ratioAgreement) continue;
    const against = claim.baseline === 'redis' ? `real Redis (${redisSource})` : 'your day-2 server (same generator, same run)';
    problems.push(`"${claim.line}" claims ${claim.ratio.toFixed(2)}× ${claim.baseline === 'redis' ? 'Redis' : 'the day-2 server'}; measured just now against ${against}: ${ratio.toFixed(2)}×`);
  }
  return problems;
}
