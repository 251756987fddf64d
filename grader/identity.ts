// Who and what a report is about: the learner (--learner, else the tree's git author), the commit when the tree is a
// git checkout, the time, and the grader's version; and per failure, the learner's file and the cause as printed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve, sep } from 'node:path';
import { findDay } from '../course/days.ts';
import { explanationFor } from './explain.ts';
import { display, root } from './paths.ts';
import type { TestResult } from './results.ts';

/** The report's header fields beside `target` (docs/architecture.md, "The JSON report"). */
export interface Identity {
  learner: string;
  /** The tree's HEAD when it is a git checkout, `dirty` when files differ from it. */
  commit?: { sha: string; dirty: boolean };
  /** When the report was made (ISO 8601). */
  at: string;
  grader: { version: string; commit?: string };
}

// git in `dir`, or undefined when git is missing or `dir` is no checkout.
function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim();
  } catch {
    return undefined;
  }
}

/** Who and what: `learner` from the flag (or CACHELINGS_LEARNER), else the author of the tree's last commit, else git's
 *  user.name, else the login name. */
export function identify(target: string, learner = process.env.CACHELINGS_LEARNER): Identity {
  const sha = git(target, ['rev-parse', 'HEAD']);
  const name = learner?.trim() || (sha && git(target, ['log', '-1', '--format=%an'])) || git(target, ['config', 'user.name']) || userInfo().username;
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const graderCommit = git(root, ['rev-parse', '--short', 'HEAD']);
  return {
    learner: name,
    ...(sha && { commit: { sha, dirty: (git(target, ['status', '--porcelain', '--', '.']) ?? '') !== '' } }),
    at: new Date().toISOString(),
    grader: { version, ...(graderCommit && { commit: graderCommit }) },
  };
}

/** The learner's file a failure points at (its advice's `where`), relative to the tree: `01-cache/cache.ts:12`. */
export function lookAtOf(test: Pick<TestResult, 'advice'>, target: string): string | undefined {
  const line = test.advice?.where;
  if (!line) return undefined;
  const prefixes = [`${resolve(target)}${sep}`, `${display(resolve(target))}/`];
  const plain = prefixes.reduce((text, prefix) => text.split(prefix).join(''), line);
  return /(?:^|[\s(`'"/])(\d\d-[^\s`'"),]+\.\w+(?::\d+){0,2})/.exec(` ${plain}`)?.[1];
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
  return { title: treeRelative(test.message.split('\n').find((line) => line.trim())?.trim() ?? '') };
}
