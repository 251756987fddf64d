// The tamper list is current: grader/checksums.json matches every file under `verdictInputs` and the scaffolds.
import { computeChecksums, differences, readChecksums, regenerate } from '../../checksums.ts';
import type { Problem } from './problem.ts';

/** One problem per file whose checksum differs from grader/checksums.json, or is missing from it. */
export function checksumProblems(): Problem[] {
  const now = computeChecksums();
  const shipped = readChecksums() ?? { _: '', checkpoints: {}, scaffolds: {} };
  return [differences(shipped.checkpoints, now.checkpoints), differences(shipped.scaffolds, now.scaffolds)].flatMap(({ changed, missing, added }) => [
    ...changed.map((file) => ({ file, problem: 'changed since grader/checksums.json was written', fix: regenerate })),
    ...missing.map((file) => ({ file, problem: 'is in grader/checksums.json but no longer exists', fix: regenerate })),
    ...added.map((file) => ({ file, problem: 'is missing from grader/checksums.json', fix: regenerate })),
  ]);
}
