// The gates (course/gates.ts) have one home: no other code file writes a gate's figure as a literal, and every guide
// listed as quoting a gate quotes today's figure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { figure, gates, type Gate } from '../../../course/gates.ts';
import { root } from '../../paths.ts';
import type { Problem } from './problem.ts';
import { codeFiles } from './references.ts';

/** The figure written in code for another reason than a gate: file, the text around it, and why. */
export const notGates: { file: string; text: string; why: string }[] = [
  { file: 'checkpoints/day5/resp.bonus.test.ts', text: "'-n', '50000'", why: "redis-benchmark's number of requests" },
];

/** Words of a line that speaks of throughput, where a bare number may be a gate. */
const gateWords = /gate|ops\b|ops\/s|opsPerSec|throughput|per second|redis|load/i;

/** `text` without its comments (a gate quoted in a comment is prose, like the guides). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** The ways code can write `value`: 50000, 50_000 and 50,000 (inside a string). */
function literalPattern(value: number): RegExp {
  const digits = String(value);
  const forms = [digits, figure(value).replace(/,/g, '_'), figure(value)].map((form) => form.replace(/[,_]/g, '[,_]?'));
  return new RegExp(`(?<![\\d.,_])(?:${[...new Set(forms)].join('|')})(?![\\d,_])`, 'g');
}

/** Code files other than course/gates.ts (and this one's list of exceptions) that write a gate's figure as a literal. */
export function gateLiteralProblems(files = ['course', 'grader', 'harness', 'checkpoints', 'test'].flatMap((dir) => codeFiles(dir))): Problem[] {
  const values = [...new Set(Object.values(gates as Record<string, Gate>).map((gate) => gate.value))];
  const problems: Problem[] = [];
  for (const file of files.filter((path) => path !== 'course/gates.ts' && path !== 'grader/tools/lint/gates.ts')) {
    let text = withoutComments(readFileSync(resolve(root, file), 'utf8'));
    for (const allowed of notGates.filter((entry) => entry.file === file)) text = text.split(allowed.text).join('');
    for (const value of values) {
      // A figure with its commas is a gate quoted in text; without them, only on a line about throughput (a timeout of
      // 60_000 ms is not a gate of 60,000 ops/s).
      const found = text.split('\n').flatMap((line) => (line.includes(figure(value)) || gateWords.test(line) ? (line.match(literalPattern(value)) ?? []) : []));
      if (found.length > 0)
        problems.push({
          file,
          problem: `writes ${found[0]}, the figure of a gate, as a literal`,
          fix: `read it from course/gates.ts (gates.<name>.value, and figure() for text); if it is not a gate, list it in grader/tools/lint/gates.ts's notGates with why`,
        });
    }
  }
  return problems;
}

/** Guides and specs listed in course/gates.ts as quoting a gate that do not quote its figure. */
export function gateGuideProblems(): Problem[] {
  const problems: Problem[] = [];
  for (const [name, gate] of Object.entries(gates as Record<string, Gate>)) {
    const quoted: [string, number, string][] = gate.quotedIn.map((file) => [file, gate.value, `the ${name} gate`]);
    for (const file of gate.fallback?.quotedIn ?? []) quoted.push([file, gate.value / gate.fallback!.redisShare, `the Redis figure the ${name} gate assumes`]);
    for (const [file, value, what] of quoted) {
      if (readFileSync(resolve(root, file), 'utf8').includes(figure(value))) continue;
      problems.push({
        file,
        problem: `does not quote ${figure(value)} (${what}, course/gates.ts)`,
        fix: `write the figure as ${figure(value)} where the guide states it, or drop the file from the gate's quotedIn`,
      });
    }
  }
  return problems;
}
