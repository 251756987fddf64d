// The scaffolds as shipped, read back from git: by the blob id in grader/checksums.json, else the commit that added them.
import { execFileSync } from 'node:child_process';
import { readChecksums } from './checksums.ts';
import { root } from './paths.ts';

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The shipped text of `days/<file>`, or undefined when git (or the history) cannot provide it. */
export function shippedScaffold(file: string): string | undefined {
  const path = `days/${file}`;
  const blob = readChecksums()?.scaffolds[path];
  const exact = blob ? git(['cat-file', 'blob', blob]) : undefined;
  if (exact !== undefined) return exact;
  const added = git(['log', '--diff-filter=A', '--format=%H', '--', path])?.trim().split('\n').filter(Boolean).at(-1);
  return added ? git(['show', `${added}:${path}`]) : undefined;
}
