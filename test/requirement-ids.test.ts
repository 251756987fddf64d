// Requirements are named by short ids: declared once beside each sentence, unique per day, and the only way the
// manifest, the fixture tables and the rest of the code point at a requirement (npm run lint:course runs the same).
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { days } from '../course/days.ts';
import { root } from '../grader/paths.ts';
import { fixtureReferences, referenceProblems, sentenceProblems } from '../grader/tools/lint/references.ts';
import { requirementProblems, type Listed } from '../grader/tools/lint/requirements.ts';

let listed: Listed[] = [];
beforeAll(async () => {
  const run = await execa(process.execPath, ['--import', 'tsx', 'test/list-checkpoints.ts'], { cwd: root, env: { FORCE_COLOR: '0' } });
  listed = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Listed);
}, 120_000);

describe('requirement ids', () => {
  it('every requirement declares one, unique within its day, and the manifest names only those', () => {
    for (const day of days) expect(listed.filter((test) => test.day === day.id).length, `requirements of ${day.id}`).toBeGreaterThan(0);
    expect(requirementProblems(listed)).toEqual([]);
  });

  it('every id a fixture table names is declared by that day', () => {
    const references = fixtureReferences();
    expect(references.length, 'the tables of test/day*.test.ts are read').toBeGreaterThan(40);
    expect(referenceProblems(listed, references)).toEqual([]);
  });

  it('no code file outside its checkpoint quotes a requirement sentence', () => {
    expect(sentenceProblems(listed)).toEqual([]);
  });

  it('notices a repeated id, a stale explain key and a table naming an unknown id', () => {
    const day = days[0]!;
    const [first, second] = listed.filter((test) => test.day === day.id);
    const renamed = listed.map((test) => (test === second ? { ...test, id: first!.id } : test));
    const found = requirementProblems(renamed).map((problem) => problem.problem);
    expect(found.some((text) => text.includes(`the id "${first!.id}"`) && text.includes('is also the id of'))).toBe(true);
    expect(found.some((text) => text.includes(`explain key "${second!.id}" names no requirement`))).toBe(true);
    expect(referenceProblems(listed, [{ file: 'test/day1.test.ts', day: day.id, id: 'no-such-id' }])).toHaveLength(1);
  });
});
