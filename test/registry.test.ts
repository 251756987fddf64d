// The grader's commands are declared once (grader/registry.ts): package.json has exactly their scripts, plus the
// other scripts the registry lists (npm run lint:course runs the same check).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../grader/paths.ts';
import { commands, commandScript } from '../grader/registry.ts';
import { commandProblems } from '../grader/tools/lint/commands.ts';

const scripts = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the command registry', () => {
  it("agrees with package.json's scripts", () => {
    expect(commandProblems(scripts)).toEqual([]);
    for (const name of Object.keys(commands)) expect(scripts[name]).toBe(commandScript(name));
  });

  it('notices a command without its script, a script without its command, and a script nobody listed', () => {
    const { check: _dropped, ...rest } = scripts;
    const found = commandProblems({ ...rest, tidy: commandScript('tidy'), scratch: 'node scratch.js' }).map((problem) => problem.problem);
    expect(found).toEqual([
      'has no script for the command "check" of grader/registry.ts',
      'the script "tidy" runs grader/cli.ts, but grader/registry.ts has no command "tidy"',
      `the script "scratch" is neither a command nor listed in grader/registry.ts's otherScripts`,
    ]);
  });
});
