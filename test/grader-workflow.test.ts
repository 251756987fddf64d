// The classroom workflow: the names GitHub Classroom requires, the grade command it runs, and the result it passes on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';

const workflow = readFileSync(resolve(root, '.github/workflows/grade.yml'), 'utf8');

describe('.github/workflows/grade.yml', () => {
  it('is named and shaped as GitHub Classroom autograding expects (one job, run-autograding-tests)', () => {
    expect(workflow).toMatch(/^name: Autograding Tests$/m);
    expect(workflow.split(/^jobs:$/m)[1]!.match(/^ {2}[\w-]+:$/gm)).toEqual(['  run-autograding-tests:']);
  });

  it('installs from the lock file, grades in the classroom format, and hands the result to the reporter', () => {
    expect(workflow).toContain('npm ci');
    expect(workflow).toContain('run: npm run grade -- --format classroom');
    expect(workflow).toMatch(/id: cachelings[\s\S]*CACHELINGS_RESULTS: \$\{\{ steps\.cachelings\.outputs\.result \}\}[\s\S]*runners: cachelings/);
  });

  it('keeps the full JSON report as the artifact a mentor downloads for npm run class', () => {
    expect(workflow).toMatch(/CACHELINGS_REPORT: cachelings-report\.json\n\s+run: npm run grade -- --format classroom/);
    expect(workflow).toMatch(/uses: actions\/upload-artifact@v4\n\s+with:\n\s+name: cachelings-results\n\s+path: \|\n\s+cachelings-report\.json\n\s+classroom-result\.json/);
  });
});
