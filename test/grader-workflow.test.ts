// The classroom workflow: the names GitHub Classroom requires, the grade command it runs, and the result it passes on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { maxScore } from '../grader/points.ts';
import { classroomResult, weekMaxScore } from '../grader/tools/classroom-result.mjs';

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
    expect(workflow).toMatch(
      /uses: actions\/upload-artifact@v4\n\s+with:\n\s+name: cachelings-results\n\s+path: \|\n\s+cachelings-report\.json\n\s+classroom-result\.json/,
    );
  });

  it("skips the Classroom bot's first commit and the template repository itself (workflow-bot)", () => {
    expect(workflow).toMatch(/run-autograding-tests:\n(\s+#.*\n)*\s+if: github\.actor != 'github-classroom\[bot\]' && !github\.event\.repository\.is_template/);
  });

  it("is started by Classroom (repository_dispatch), and its grading step has a limit of its own below the job's (workflow-limits)", () => {
    expect(workflow).toMatch(/^on:\n(\s+.*\n)*?\s+repository_dispatch:/m);
    const job = Number(/^ {4}timeout-minutes: (\d+)$/m.exec(workflow)?.[1]);
    const step = Number(/- name: Grade every day\n(\s+#.*\n)*\s+timeout-minutes: (\d+)/.exec(workflow)?.[2]);
    expect(step).toBeGreaterThan(0);
    expect(step, 'the job keeps minutes to hand on a result').toBeLessThan(job);
  });

  it('caches redis-server unpacked, with no apt-get on a cache hit and no system service started (workflow-redis)', () => {
    expect(workflow).toMatch(/uses: actions\/cache@v4\n\s+with:\n\s+path: ~\/\.cache\/cachelings-redis/);
    expect(workflow).toMatch(/if: steps\.redis\.outputs\.cache-hit != 'true'\n\s+run: \|[\s\S]*apt-get download redis-server redis-tools[\s\S]*dpkg-deb -x/);
    expect(workflow, 'apt-get install would start a system Redis on 6379').not.toMatch(/apt-get install/);
    expect(workflow).toContain('>> "$GITHUB_PATH"');
  });

  it('hands the reporter an error result with the same max_score when grading wrote nothing, never an empty string (workflow-nothing)', () => {
    expect(workflow, 'plain Node, no tsx: it runs when npm ci failed').toMatch(
      /id: cachelings\n\s+if: always\(\)\n(\s+#.*\n)*\s+run: node grader\/tools\/classroom-result\.mjs classroom-result\.json/,
    );
    expect(weekMaxScore, "the bare-Node fallback holds the week's max_score").toBe(maxScore());
    const imports = [...readFileSync(resolve(root, 'grader/tools/classroom-result.mjs'), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
      (match) => match[1]!,
    );
    expect(
      imports.filter((name) => !name.startsWith('node:')),
      'nothing npm ci installs',
    ).toEqual([]);
    expect(workflow).toMatch(/steps\.cachelings\.outputs\.result != ''/);
    const dir = mkdtempSync(join(tmpdir(), 'cachelings-workflow-'));
    try {
      for (const [name, text] of [
        ['missing.json', undefined],
        ['empty.json', ''],
        ['cut.json', '{"version": 1, "tes'],
      ] as const) {
        if (text !== undefined) writeFileSync(join(dir, name), text);
        const { result, problem } = classroomResult(join(dir, name));
        expect(problem, name).toMatch(/grading wrote no result .*: it stopped before the end/);
        expect(result).toMatchObject({ version: 1, status: 'error', max_score: maxScore(), tests: [{ status: 'error', score: 0 }] });
      }
      writeFileSync(join(dir, 'good.json'), JSON.stringify({ version: 1, status: 'pass', max_score: 90, tests: [] }));
      expect(classroomResult(join(dir, 'good.json'))).toEqual({ result: { version: 1, status: 'pass', max_score: 90, tests: [] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
