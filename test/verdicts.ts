// Comparing two grades of the same tree: which day or requirement got another verdict.
import type { Report } from '../grader/results.ts';

/** Every day or requirement whose verdict in `other` differs from `base`; a scaffold's "not implemented yet"
 *  message is part of its verdict (the pristine scaffolds must fail helpfully on every Node). */
export function verdictDifferences(base: Report, other: Report): string[] {
  const out: string[] = [];
  for (const day of base.days) {
    const theirs = other.days.find((entry) => entry.id === day.id);
    if (!theirs) {
      out.push(`${day.id} was not graded`);
      continue;
    }
    if (theirs.passed !== day.passed) out.push(`${day.id} ${theirs.passed ? 'passed' : 'failed'} where Node 20's ${day.passed ? 'passed' : 'failed'}`);
    for (const test of day.tests) {
      const match = theirs.tests.find((entry) => entry.name === test.name);
      if (!match) out.push(`${day.id} · "${test.name}" is missing`);
      else if (match.status !== test.status)
        out.push(`${day.id} · "${test.name}" ${match.status} where Node 20's ${test.status}: ${match.message.split('\n')[0]}`);
    }
    const notYet = (report: typeof day) => /not implemented yet/.test(report.tests.map((test) => test.message).join('\n'));
    if (notYet(day) && !notYet(theirs)) out.push(`${day.id} no longer says "not implemented yet"`);
  }
  return out;
}
