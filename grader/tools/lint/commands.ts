// The commands are declared once, in grader/registry.ts: package.json has a script for each, spelled the same way,
// and no other script, apart from the ones the registry lists with their purpose.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from '../../paths.ts';
import { commands, commandScript, otherScripts } from '../../registry.ts';
import type { Problem } from './problem.ts';

/** Where package.json's scripts and the registry disagree. */
export function commandProblems(scripts: Record<string, string> = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).scripts ?? {}): Problem[] {
  const problems: Problem[] = [];
  for (const name of Object.keys(commands)) {
    const script = scripts[name];
    if (script === undefined)
      problems.push({
        file: 'package.json',
        problem: `has no script for the command "${name}" of grader/registry.ts`,
        fix: `add "${name}": "${commandScript(name)}"`,
      });
    else if (script !== commandScript(name))
      problems.push({ file: 'package.json', problem: `runs "${script}" for the command "${name}"`, fix: `spell it "${commandScript(name)}"` });
  }
  for (const [name, script] of Object.entries(scripts)) {
    if (name in commands) continue;
    if (/grader\/cli\.ts/.test(script))
      problems.push({
        file: 'package.json',
        problem: `the script "${name}" runs grader/cli.ts, but grader/registry.ts has no command "${name}"`,
        fix: 'register the command in grader/registry.ts (one line), or name the script after it',
      });
    else if (!(name in otherScripts))
      problems.push({
        file: 'package.json',
        problem: `the script "${name}" is neither a command nor listed in grader/registry.ts's otherScripts`,
        fix: 'list it in otherScripts with what it is for, or drop it',
      });
  }
  for (const name of Object.keys(otherScripts)) {
    if (!(name in scripts))
      problems.push({
        file: 'grader/registry.ts',
        problem: `otherScripts lists "${name}", which package.json does not have`,
        fix: 'drop it from otherScripts, or add the script',
      });
  }
  return problems;
}
