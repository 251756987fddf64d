// A store created at the top of the module and changed by instance methods: every instance shares it.
import { enclosing, functionsAround, lineOf } from '../source.ts';
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

const declaration =
  /^(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*(?::[^=\n]+)?=\s*(?:new\s+(?:Map|Set|WeakMap|Array)\b|\{\s*\}|\[\s*\]|Object\.create\(\s*null\s*\))/gm;

/** Module-level Map/Set/object/array mutated inside a class's methods or inside a start/create function. */
export const moduleStore: ReviewCheck = {
  id: 'module-store',
  title: 'a module-level store shared by every instance',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    const findings: Finding[] = [];
    for (const match of source.code.matchAll(declaration)) {
      if (enclosing(source, match.index).length > 0) continue; // not at the top level
      const name = match[1]!;
      const mutation = new RegExp(
        `(?<![\\w$.#])${name.replace('$', '\\$')}(?:\\s*\\.\\s*(?:set|delete|clear|add|push|pop|shift|unshift|splice)\\s*\\(|\\s*\\[[^\\]]*\\]\\s*=[^=])`,
        'g',
      );
      for (const use of source.code.matchAll(mutation)) {
        const owner = ownerOf(file, use.index);
        if (!owner) continue;
        findings.push(
          findingAt(
            this,
            file,
            match.index,
            `\`${name}\` is created once, when the module loads, and ${owner} ${owner.startsWith('the methods of') ? 'change' : 'changes'} it (line ${lineOf(source, use.index)}).`,
            `Every ${owner.startsWith('the methods of') ? 'instance' : 'call'} shares that one store, so data set through one shows up in all of them: two caches, or two test servers, leak into each other. Create it per instance, as a field (\`#store = new Map()\`), or inside the function.`,
          ),
        );
        break;
      }
    }
    return findings;
  },
};

function ownerOf(file: LearnerFile, index: number): string | undefined {
  const { source } = file;
  const cls = enclosing(source, index).find((block) => /\bclass\s+[\w$]+/.test(block.header));
  if (cls) return `the methods of class ${/\bclass\s+([\w$]+)/.exec(cls.header)![1]}`;
  const starter = functionsAround(source, index).find((fn) => /^(?:start|create|make)[A-Z]/.test(fn.name));
  return starter ? `\`${starter.name}\`` : undefined;
}
