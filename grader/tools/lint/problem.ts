// One finding of the course lint (`npm run lint:course`): the file it is in, what is wrong, and what to do.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from '../../paths.ts';

/** A problem the lint found. */
export interface Problem {
  /** Repo-relative path of the file to edit. */
  file: string;
  problem: string;
  fix: string;
}

/** A problem as the lint prints it: `file: problem` and the fix on the next line. */
export function formatProblem(problem: Problem): string {
  return `✗ ${problem.file}: ${problem.problem}\n    fix: ${problem.fix}`;
}

/** The file that holds `day`'s manifest entry: course/days/<slug>.ts when the manifest is one file per day. */
export function manifestFile(day: { slug: string }, base = root): string {
  const own = `course/days/${day.slug}.ts`;
  return existsSync(resolve(base, own)) ? own : 'course/days.ts';
}
