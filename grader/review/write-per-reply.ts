// One write per reply inside a loop that never awaits: the writes could be one.
import { enclosing, functionsAround, lineOf } from '../source.ts';
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

const loopHeader = /^(?:\}\s*)?(?:for|while|do)\b|\.(?:forEach|map)\(\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>$/;

/** `.write(` inside a loop body that contains no await, in a file that never corks. */
export const writePerReply: ReviewCheck = {
  id: 'write-per-reply',
  title: 'one socket.write per reply where a batch is possible',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    if (/\.cork\s*\(/.test(source.code)) return []; // already batching
    const findings: Finding[] = [];
    const seen = new Set<number>();
    for (const match of source.code.matchAll(/\b([\w$.#]+)\s*\.\s*write\s*\(/g)) {
      const fn = functionsAround(source, match.index)[0];
      const loop = enclosing(source, match.index).find((block) => (!fn || block.open >= fn.open) && loopHeader.test(block.header));
      if (!loop || seen.has(loop.open)) continue;
      const body = source.code.slice(loop.open, loop.close);
      if (/\bawait\b/.test(body) || /\bawait\b/.test(loop.header)) continue; // each write waits for something: no batch possible
      seen.add(loop.open);
      findings.push(
        findingAt(
          this,
          file,
          match.index,
          `\`${match[1]}.write\` is called once per pass of the loop on line ${lineOf(source, loop.open)}, and nothing in that loop waits.`,
          "All those writes happen in the same tick, so they could be one: collect the replies in an array and write `replies.join('\\n') + '\\n'` once (or wrap the loop in `socket.cork()` / `socket.uncork()`). Each write is a trip through the stream and often its own TCP packet; with pipelined commands that is most of the cost (day 5, \"Batching writes\", measures it).",
        ),
      );
    }
    return findings;
  },
};
