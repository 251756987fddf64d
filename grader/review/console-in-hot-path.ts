// console.log on the path every request or cache call takes.
import { enclosing, functionsAround } from '../source.ts';
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

const hotMethod = /^(?:get|set|delete|has|read|write)$/;
const hotFunction = /^(?:handleLine|handleCommand|handle|execute|dispatch|onData|onLine|processLine|processCommand)$/;
const hotListener = /\.on(?:ce)?\(\s*['"](?:data|line|readable|message)['"]/;

/** console.log/info/debug inside a cache method, a command handler or a 'data' listener, unless behind a debug switch. */
export const consoleInHotPath: ReviewCheck = {
  id: 'console-in-hot-path',
  title: 'console.log inside a hot path',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    const findings: Finding[] = [];
    for (const match of source.code.matchAll(/\bconsole\s*\.\s*(log|info|debug)\s*\(/g)) {
      const lineBefore = source.plain.slice(source.plain.lastIndexOf('\n', match.index) + 1, match.index);
      const guard = /\bif\s*\(.*(?:debug|verbose|trace|process\.env)/i;
      const guarded = guard.test(lineBefore) || enclosing(source, match.index).some((block) => guard.test(block.header));
      if (guarded) continue;
      const where = hotPlace(file, match.index);
      if (!where) continue;
      findings.push(
        findingAt(
          this,
          file,
          match.index,
          `console.${match[1]} runs inside ${where}.`,
          'That code runs once per command (tens of thousands of times a second under load): console output is synchronous to a terminal or file, so it becomes the bottleneck, and it buries the lines that matter. Remove it, or print only when a DEBUG switch is on.',
        ),
      );
    }
    return findings;
  },
};

// Functions passed by name as a listener: `socket.on('data', onChunk)` makes onChunk as hot as an inline listener.
function namedListeners(code: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of code.matchAll(/\.on(?:ce)?\(\s*['"](data|line|readable|message)['"]\s*,\s*([\w$]+)\s*\)/g)) names.set(match[2]!, match[1]!);
  return names;
}

function hotPlace(file: LearnerFile, index: number): string | undefined {
  const { source } = file;
  const named = namedListeners(source.plain);
  for (const fn of functionsAround(source, index)) {
    if (hotListener.test(fn.header)) return `a '${/['"](\w+)['"]/.exec(fn.header)![1]}' listener`;
    if (named.has(fn.name)) return `\`${fn.name}\`, the '${named.get(fn.name)}' listener`;
    if (hotFunction.test(fn.name)) return `\`${fn.name}\`, which handles every command`;
    const inClass = enclosing(source, fn.open).find((block) => /\bclass\s+[\w$]+/.test(block.header));
    if (inClass && hotMethod.test(fn.name)) return `\`${/\bclass\s+([\w$]+)/.exec(inClass.header)![1]}.${fn.name}\`, which every request calls`;
  }
  return undefined;
}
