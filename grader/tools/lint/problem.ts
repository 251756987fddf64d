// One finding of the course lint (`npm run lint:course`): the file it is in, what is wrong, and what to do.

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
