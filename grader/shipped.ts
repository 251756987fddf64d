// The scaffolds as shipped, read back from git: by the blob id in grader/checksums.json, else the commit that added them;
// and whether a day's files are all still as shipped (`grade` calls such a day "not started").
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day } from '../course/days.ts';
import { gitBlobId, readChecksums } from './checksums.ts';
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

/** Whether every file of `day` in `target` is still its scaffold as shipped (byte for byte): the day is not started. */
export function notStarted(day: Day, target: string): boolean {
  const shipped = readChecksums()?.scaffolds;
  if (!shipped) return false;
  return day.files.every((file) => {
    const path = resolve(target, file);
    return shipped[`days/${file}`] !== undefined && existsSync(path) && gitBlobId(path) === shipped[`days/${file}`];
  });
}
