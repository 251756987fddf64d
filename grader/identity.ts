// Who and what a report is about: the learner (--learner, else the tree's git author), the commit when the tree is a
// git checkout, the time, and the grader's version; and per failure, the learner's file and the cause as printed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, resolve, sep } from 'node:path';
import { findDay } from '../course/days.ts';
import { pointerOf } from '../harness/look-at.ts';
import { declarationLine } from '../harness/source/extract.ts';
import { parse } from '../harness/source/parse.ts';
import { explanationFor } from './explain.ts';
import { display, root } from './paths.ts';
import type { LookAt, TestResult } from './results.ts';

/** The report's header fields beside `target` (docs/architecture.md, "The JSON report"). */
export interface Identity {
  learner: string;
  /** The tree's HEAD when it is a git checkout, `dirty` when files differ from it. */
  commit?: { sha: string; dirty: boolean };
  /** When the report was made (ISO 8601). */
  at: string;
  grader: { version: string; commit?: string };
}

// git in `dir`, or undefined when git is missing or `dir` is no checkout. GIT_OPTIONAL_LOCKS=0: `git status` would
// otherwise refresh the learner's index, a write into their .git.
function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    }).trim();
  } catch {
    return undefined;
  }
}

// The author of the newest commit touching `target` that is the learner's own: not a bot's (GitHub Classroom's first
// commit) and none of the workbook's own history, which ends at the newest commit that wrote grader/checksums.json
// (a learner never writes it; a clone with no commits of its own has none after it).
function ownAuthor(target: string): string | undefined {
  const shipped = git(target, ['log', '-1', '--format=%H', '--', ':/grader/checksums.json']);
  const log = git(target, ['log', '-n', '200', '--format=%an', ...(shipped ? [`${shipped}..HEAD`] : []), '--', '.']);
  return log?.split('\n').find((name) => name && !/\[bot\]$/.test(name));
}

/** Who and what: `learner` from the flag (or CACHELINGS_LEARNER), else the author of the tree's newest commit of its
 *  own (grader/identity.ts ownAuthor), else the tree folder's name: never the workbook's author. */
export function identify(target: string, learner = process.env.CACHELINGS_LEARNER): Identity {
  const sha = git(target, ['rev-parse', 'HEAD']);
  const name = learner?.trim() || (sha && ownAuthor(target)) || basename(resolve(target));
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const graderCommit = git(root, ['rev-parse', '--short', 'HEAD']);
  return {
    learner: name,
    ...(sha && { commit: { sha, dirty: (git(target, ['status', '--porcelain', '--', '.']) ?? '') !== '' } }),
    at: new Date().toISOString(),
    grader: { version, ...(graderCommit && { commit: graderCommit }) },
  };
}

// `path` (as a message names it: absolute, or relative to the workbook) as a path inside the tree: `01-cache/cache.ts`.
function inTree(path: string, target: string): string | undefined {
  const plain = [`${resolve(target)}${sep}`, `${display(resolve(target))}/`].reduce((text, prefix) => text.split(prefix).join(''), path);
  return /(?:^|\/)(\d\d-[\w-]+\/[^\s`'"),]+\.\w+)$/.exec(plain)?.[1];
}

// The line that declares `name` (a method of `owner`) in `file`, when the file can be read and declares it.
function declared(file: string, name: string | undefined, owner: string | undefined): number | undefined {
  if (!name) return undefined;
  try {
    return declarationLine(parse(readFileSync(file, 'utf8')), name, owner);
  } catch {
    return undefined;
  }
}

/** The learner's file a failure points at (its advice's `where`, else the TODO its code stopped at: harness/look-at.ts
 *  pointerOf), relative to the tree, with the line `where` names or the line that declares the function it names:
 *  `{ file: '01-cache/cache.ts', line: 12 }`. */
export function lookAtOf(test: Pick<TestResult, 'advice' | 'message'>, target: string): LookAt | undefined {
  const pointer = pointerOf(test);
  const file = pointer && inTree(pointer.path, target);
  if (!pointer || !file) return undefined;
  const line = pointer.line ?? declared(resolve(target, file), pointer.name, pointer.owner);
  return { file, ...(line !== undefined && { line }) };
}

/** The Look at a step gave as data (an absolute path), relative to the tree; one outside the tree is none. */
export function lookAtInTree(lookAt: LookAt, target: string): LookAt | undefined {
  if (!isAbsolute(lookAt.file)) return lookAt;
  const file = inTree(lookAt.file, target);
  return file ? { ...lookAt, file } : undefined;
}

/** `text` with each path into a tree cut to the part inside it (`/home/ada/days/01-cache/cache.ts:4` →
 *  `01-cache/cache.ts:4`): the same cause reads the same for every learner, wherever their tree lay. */
export function treeRelative(text: string): string {
  return text.replace(/[^\s'"`(]*\/(\d\d-[\w-]+\/)/g, '$1');
}

/** The cause as the terminal shows it: the guide entry of its "Why this happens" line, else the observed cause's
 *  title, else the message's first line. */
export function whyOf(dayId: string, test: Pick<TestResult, 'id' | 'message' | 'cause'>): { title: string; guide?: string } {
  const day = findDay(dayId);
  const entry = day && explanationFor(day, test);
  if (day && entry) return { title: entry.title, guide: `days/${day.slug}/README.md#${entry.anchor}` };
  if (test.cause) return { title: treeRelative(test.cause.title) };
  return {
    title: treeRelative(
      test.message
        .split('\n')
        .find((line) => line.trim())
        ?.trim() ?? '',
    ),
  };
}
