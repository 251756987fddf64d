// `npm run ask`'s "My code": the function the failure names, and what else the cause points at — the module-level
// state that function uses, and the line a type error names — and the hints read, numbered as in the guide.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { adviceLines } from '../harness/check.ts';
import { codeFor, pointerOf } from '../grader/ask/locate.ts';
import { buildQuestion } from '../grader/ask/question.ts';
import type { DayResult, TestResult } from '../grader/results.ts';
import { treeWith } from './helpers.ts';

const day = findDay('day2')!;
const tree = treeWith('day2/shared-pending'); // `let pending` moved from serveConnection to the top of server.ts
const server = join(tree, '02-server/server.ts');
afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** A failure of day 2 whose advice points where `lookAt` says (as the checkpoint's harness words it). */
const failing = (lookAt: string): TestResult => {
  const advice = { expected: '"OK"', received: '"ERR unknown command"', where: lookAt, fix: 'keep the bytes of each client apart' };
  return {
    group: 'clients',
    name: 'a client with half a line waits alone',
    id: 'half-line-waits-alone',
    status: 'failed',
    durationMs: 1,
    message: [`a client with half a line waits alone`, ...adviceLines(advice)].join('\n'),
    advice,
  };
};

/** The question `npm run ask day2` writes for `test` on the tree, with hints 2 then 1 read. */
function question(test: TestResult): string {
  const result: DayResult = { id: day.id, title: day.title, passed: false, metrics: {}, durationMs: 1, tests: [test] };
  const code = codeFor(tree, pointerOf(test)!);
  return buildQuestion({
    day,
    result,
    failing: test,
    code,
    hintsSeen: [1, 0].map((index) => ({ number: index + 1, text: day.hints[index]! })),
    at: new Date(0),
  });
}

describe('npm run ask: the excerpt holds what the cause points at', () => {
  it("A1: a handler using a module-level buffer comes with that buffer's declaration (day2/shared-pending)", () => {
    const text = question(failing(`the 'data' handler (serveConnection) in ${server}`));
    expect(text).toMatch(/\(`serveConnection`\):\n\n```ts\n\/\*\* Reads lines from one client/);
    expect(text).toMatch(
      /And line \d+ \(`pending`: module-level state `serveConnection` uses: one for the whole program, shared by every call\):\n\n```ts\nlet pending = Buffer\.alloc\(0\); \/\/ BUG: one buffer for every connection/,
    );
    expect(text, 'not the functions it does not use').not.toContain('function refuseLongLine');
  });

  it('A2: a handler with its own buffer gets no module-level excerpt (the solution)', () => {
    const solved = treeWith(undefined);
    const code = codeFor(solved, { path: join(solved, '02-server/server.ts'), name: 'serveConnection' });
    rmSync(solved, { recursive: true, force: true });
    expect(code?.extract.text).toContain('let pending = Buffer.alloc(0)');
    expect(code?.also).toEqual([]);
  });

  it("A3: a type error's line is named: inside the function it is in, or shown with the lines around it", () => {
    const lines = readFileSync(server, 'utf8').split('\n');
    const inside = lines.findIndex((line) => line.includes('pending = Buffer.concat')) + 1;
    const inFunction = question(failing(`${server}:${inside}`));
    expect(inFunction).toMatch(new RegExp(`\\(\`serveConnection\`; line ${inside} is the one the failure names\\)`));
    expect(inFunction, 'with the module-level buffer it assigns').toContain('let pending = Buffer.alloc(0);');
    // A type error at the top of a file longer than the 80 lines shown whole: the lines around it.
    writeFileSync(server, `${lines.join('\n')}\n${'// padding\n'.repeat(40)}`);
    const top = lines.findIndex((line) => line.startsWith('let pending')) + 1;
    const atTop = question(failing(`${server}:${top}`));
    expect(atTop).toMatch(
      new RegExp(`lines ${top - 3}–${top + 3} \\(line ${top} and the lines around it\\):\\n\\n\`\`\`ts\\n[\\s\\S]*let pending = Buffer\\.alloc\\(0\\)`),
    );
  });

  it("A4: lists the hints read with the guide's numbers, in the order read (2, then 1)", () => {
    const text = question(failing(`the 'data' handler (serveConnection) in ${server}`));
    expect(text).toContain(`  - Hint 2: ${day.hints[1]!}\n  - Hint 1: ${day.hints[0]!}`);
  });
});
