// The workflow's last word before the Classroom reporter (`.github/workflows/grade.yml`): hands it the result that
// `npm run grade -- --format classroom` wrote, or, when grading died before writing one (killed, out of time, npm
// ci failed), an error result that says so with the same max_score, instead of an empty string the reporter would
// fail on with JSON.parse(''). Writes `result=<base64>` to GITHUB_OUTPUT.
// Usage: node --import tsx grader/tools/classroom-result.ts classroom-result.json
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { maxScore } from '../points.ts';

/** The result in `file` when it is a Classroom result, else the error result naming what is missing. */
export function classroomResult(file: string): { result: unknown; problem?: string } {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { tests?: unknown }).tests)) return { result: parsed };
  const problem = `grading wrote no result (${text.trim() ? `${file} is not a Classroom result` : `${file} is ${existsSync(file) ? 'empty' : 'missing'}`}): it stopped before the end. Read the log of the step "Grade every day" above; npm run grade prints why.`;
  const row = { name: 'grading ran to the end and wrote its result', status: 'error', message: problem, test_code: 'npm run grade', filename: '', line_no: 0, execution_time: '0.00s', score: 0 };
  return { result: { version: 1, status: 'error', max_score: maxScore(), tests: [row] }, problem };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'classroom-result.json';
  const { result, problem } = classroomResult(file);
  if (problem) console.log(`::error title=cachelings::${problem}`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `result=${Buffer.from(JSON.stringify(result)).toString('base64')}\n`);
  process.exitCode = problem ? 1 : 0;
}
