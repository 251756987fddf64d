// The workflow's last word before the Classroom reporter (`.github/workflows/grade.yml`): hands it the result that
// `npm run grade -- --format classroom` wrote, or, when grading died before writing one (npm ci failed, killed, out of
// time), an error result that says so with the week's max_score, instead of an empty string the reporter would fail on.
// Plain JavaScript on bare Node, importing only node: modules, so it runs even when `npm ci` did not.
// Usage: node grader/tools/classroom-result.mjs classroom-result.json   (writes `result=<base64>` to GITHUB_OUTPUT)
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The week's max_score: grader/points.ts maxScore(), which test/grader-workflow.test.ts holds this figure to. */
export const weekMaxScore = 92;

/** The result in `file` when it is a Classroom result, else the error result naming what is missing. */
export function classroomResult(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && Array.isArray(parsed.tests)) return { result: parsed };
  const problem = `grading wrote no result (${text.trim() ? `${file} is not a Classroom result` : `${file} is ${existsSync(file) ? 'empty' : 'missing'}`}): it stopped before the end. Read the log of the steps "Install dependencies" and "Grade every day" above; they print why.`;
  const row = {
    name: 'grading ran to the end and wrote its result',
    status: 'error',
    message: problem,
    test_code: 'npm run grade',
    filename: '',
    line_no: 0,
    execution_time: '0.00s',
    score: 0,
  };
  return { result: { version: 1, status: 'error', max_score: weekMaxScore, tests: [row] }, problem };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { result, problem } = classroomResult(process.argv[2] ?? 'classroom-result.json');
  if (problem) console.log(`::error title=cachelings::${problem}`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `result=${Buffer.from(JSON.stringify(result)).toString('base64')}\n`);
  process.exitCode = problem ? 1 : 0;
}
