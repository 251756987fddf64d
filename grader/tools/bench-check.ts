// Maintainers: `node --import tsx grader/tools/bench-check.ts [day1] [--runs 5]` times `npm run check` against a bare
// `npx vitest run` of the same checkpoint, alternating, and prints the medians and their ratio (target: ≤ 1.5×).
import { spawnSync } from 'node:child_process';
import { findDay } from '../../course/days.ts';
import { root } from '../paths.ts';

const args = process.argv.slice(2);
const day = findDay(args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg)) ?? 'day1');
const runsFlag = args.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 5;
if (!day || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: node --import tsx grader/tools/bench-check.ts [day1] [--runs 5]');
  process.exit(2);
}

const commands = {
  'npm run check': ['npm', ['run', '--silent', 'check', day.id, '--', '--target', 'solutions']],
  'npx vitest run': ['npx', ['vitest', 'run', '--config', 'checkpoints/vitest.config.ts', ...day.checkpoints]],
} as const;

/** Milliseconds one run of `command` took (its output is discarded; vitest's target is solutions/ for both). */
function time(command: string, argv: readonly string[]): number {
  const started = process.hrtime.bigint();
  spawnSync(command, argv, { cwd: root, stdio: 'ignore', env: { ...process.env, CACHELINGS_TARGET: 'solutions', FORCE_COLOR: '0' } });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const samples: Record<string, number[]> = { 'npm run check': [], 'npx vitest run': [] };
for (let run = 0; run < runs; run += 1) {
  for (const [label, [command, argv]] of Object.entries(commands)) samples[label]!.push(time(command, argv));
}
const check = median(samples['npm run check']!);
const vitest = median(samples['npx vitest run']!);
for (const [label, values] of Object.entries(samples)) {
  console.log(`${label.padEnd(15)} median ${(median(values) / 1000).toFixed(2)} s   runs: ${values.map((ms) => (ms / 1000).toFixed(2)).join(', ')}`);
}
console.log(`ratio ${(check / vitest).toFixed(2)}× (target ≤ 1.5×) on ${day.id}, ${runs} runs each, alternating`);
