// Day 5's side-by-side rounds in words, for the report and the failure messages.
import { ops } from './helpers.ts';
import { shapes, type SideBySide } from './side-by-side.ts';

/** 0.8765 → 0.88: a ratio as the report records it. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Each load's ratio and median figures: "plain (50 connections, no pipelining): 0.86× (yours 61,000, reference 71,000 ops/s); …". */
export function pairedText(run: SideBySide): string {
  const reference = run.reference === 'redis' ? 'Redis' : 'reference server';
  const parts = shapes.map((shape) => {
    const { ratio, runs } = run.byShape[shape.name];
    const middle = (pick: (one: (typeof runs)[number]) => number) => ops([...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0);
    return `${shape.what}: ${ratio.toFixed(2)}× (yours ${middle((one) => one.yours.opsPerSec)}, ${reference} ${middle((one) => one.theirs.opsPerSec)} ops/s, medians)`;
  });
  return `${parts.join('; ')}; ${run.rounds} rounds in turns`;
}
