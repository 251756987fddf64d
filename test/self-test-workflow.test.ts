// The workbook's own CI (.github/workflows/self-test.yml) runs scripts that exist, and the learners' grading workflow
// does nothing on the template repository.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';

const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('the workflows', () => {
  it('runs only npm scripts that package.json has, the fast tier among them', { meta: { id: 'self-test-scripts' } }, () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const run = [...read('.github/workflows/self-test.yml').matchAll(/run: npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect(run, 'self-test.yml runs these').toEqual(expect.arrayContaining(['typecheck', 'lint', 'knip', 'test:unit']));
    expect(
      run.filter((name) => !scripts.includes(name)),
      'scripts self-test.yml runs that package.json lacks',
    ).toEqual([]);
  });

  it('skips grading on the template repository', { meta: { id: 'grade-skips-template' } }, () => {
    expect(read('.github/workflows/grade.yml')).toMatch(/^\s+if: .*!github\.event\.repository\.is_template/m);
  });
});
