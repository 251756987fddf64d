// Day 5's side-by-side rounds in words, for the report and the failure messages.
import { ops } from './helpers.ts';
import { shapes, type SideBySide } from './side-by-side.ts';

/** 0.8765 → 0.88: a ratio as the report records it. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Each load's ratio and median figures: "50 connections, no pipelining: pace 0.86× (yours 61,000, Redis 71,000 ops/s,
 *  medians); 16 connections, 16 commands per write: commands per CPU millisecond 0.9× (…); 4 rounds in turns". */
export function pairedText(run: SideBySide): string {
  const reference = run.reference === 'redis' ? 'Redis' : 'reference server';
  const parts = shapes.map((shape) => {
    const { ratio, runs } = run.byShape[shape.name];
    const middle = (pick: (one: (typeof runs)[number]) => number) => ops([...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0);
    const measure = shape.measure === 'pace' ? 'pace' : 'commands per millisecond of CPU';
    return `${shape.what}: ${measure} ${ratio.toFixed(2)}× (yours ${middle((one) => one.yours.opsPerSec)}, ${reference} ${middle((one) => one.theirs.opsPerSec)} ops/s, medians)`;
  });
  return `${parts.join('; ')}; ${run.rounds} rounds in turns`;
}
