// The fixed set of review checks, and running them over a day's files.
import { readFileSync } from 'node:fs';
import { parse } from '../source.ts';
import { consoleInHotPath } from './console-in-hot-path.ts';
import { hardCodedPort } from './hard-coded-port.ts';
import { importLeavesTree } from './import-leaves-tree.ts';
import { listenerNeverRemoved } from './listener-never-removed.ts';
import { moduleStore } from './module-store.ts';
import { swallowedCatch } from './swallowed-catch.ts';
import type { Finding, LearnerFile, ReviewCheck } from './types.ts';
import { writePerReply } from './write-per-reply.ts';

/** Every check, in the order their findings are printed. */
export const checks: ReviewCheck[] = [importLeavesTree, moduleStore, consoleInHotPath, writePerReply, swallowedCatch, listenerNeverRemoved, hardCodedPort];

/** Runs every check on `text`, shown as `path`; findings sorted by line. */
export function reviewText(path: string, text: string): Finding[] {
  const file: LearnerFile = { path, source: parse(text) };
  return checks.flatMap((check) => check.run(file)).sort((a, b) => a.line - b.line);
}

/** Runs every check on the files (absolute path → shown path). */
export function reviewFiles(files: { file: string; shown: string }[]): Finding[] {
  return files.flatMap(({ file, shown }) => reviewText(shown, readFileSync(file, 'utf8')));
}
