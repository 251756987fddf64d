// A catch that makes an error disappear: empty, or only logging it.
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

const onlyLogs = /^\s*(?:console\s*\.\s*\w+\s*\([^;]*\)\s*;?\s*)+$/;

/** `catch {}` with nothing (and no comment saying why) inside, a catch that only logs, and `.catch(() => {})`. */
export const swallowedCatch: ReviewCheck = {
  id: 'swallowed-catch',
  title: 'a catch that swallows an error',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    const findings: Finding[] = [];
    for (const block of source.blocks) {
      if (!/^(?:\}\s*)?catch\b/.test(block.header)) continue;
      const body = source.code.slice(block.open + 1, block.close);
      const commented = source.text.slice(block.open + 1, block.close).trim() !== '';
      if (body.trim() === '' && commented) continue; // a comment says why: a decision, not an accident
      if (body.trim() === '') findings.push(findingAt(this, file, block.open, 'This catch is empty: the error stops here and nobody hears of it.', why));
      else if (onlyLogs.test(source.plain.slice(block.open + 1, block.close)))
        findings.push(findingAt(this, file, block.open, 'This catch only logs the error and carries on as if the call had worked.', why));
    }
    // `.catch(() => undefined)` turns the failure into a value the caller can test, so only an empty body counts, and not with a comment inside.
    for (const match of source.code.matchAll(/\.catch\(\s*(?:\([^)]*\)|[\w$]+)\s*=>\s*\{\s*\}\s*\)/g)) {
      if (source.text.slice(match.index, match.index + match[0].length).includes('/')) continue;
      findings.push(findingAt(this, file, match.index, '`.catch(() => {})` drops the rejection.', why));
    }
    return findings;
  },
};

const why =
  'The caller cannot tell failure from success: a client waits for a reply that never comes, a load tester reports 0 errors while the server logs them, a test hangs instead of failing. Handle it (reply `ERR …`, count it, close the connection) or let it propagate; if ignoring it is right, say why in a comment.';
