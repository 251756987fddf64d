// 6379 written inside startServer, which was asked to listen on the port it is given.
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

/** A 6379 literal in startServer's body that is not a default (`?? 6379`, `{ port = 6379 }`). */
export const hardCodedPort: ReviewCheck = {
  id: 'hard-coded-port',
  title: 'a port hard-coded where a parameter was asked',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    const findings: Finding[] = [];
    for (const fn of source.functions.filter((candidate) => candidate.name === 'startServer')) {
      const body = source.code.slice(fn.open, fn.close);
      for (const match of body.matchAll(/\b6379\b/g)) {
        const before = body.slice(0, match.index);
        if (/(?:\?\?|\|\|)\s*$/.test(before) || /[{,]\s*port\s*=\s*$/.test(before)) continue; // a default value
        findings.push(
          findingAt(
            this,
            file,
            fn.open + match.index,
            'startServer uses the literal 6379 here instead of the port it was given.',
            'Callers pass `port` for a reason: the checkpoints and your own tests start servers on port 0 (any free port), and two servers on 6379 collide with EADDRINUSE. Use `options.port ?? 6379`, so 6379 stays the default and 0 still means "pick one".',
          ),
        );
      }
    }
    return findings;
  },
};
