// Maintainers: `node --import tsx grader/tools/checksums.ts [--write]` checks (or rewrites) grader/checksums.json.
import { writeFileSync } from 'node:fs';
import { checksumsPath, computeChecksums, regenerate } from '../checksums.ts';
import { checksumProblems } from './lint/checksums.ts';

if (process.argv.includes('--write')) {
  const now = computeChecksums();
  writeFileSync(checksumsPath(), `${JSON.stringify(now, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(now.checkpoints).length} checkpoint and ${Object.keys(now.scaffolds).length} scaffold checksums to grader/checksums.json.`);
} else {
  const stale = checksumProblems().map((problem) => `${problem.file}: ${problem.problem}`);
  if (stale.length === 0) {
    console.log('grader/checksums.json matches checkpoints/ and the scaffolds.');
  } else {
    console.log(`grader/checksums.json is stale:\n  ${stale.join('\n  ')}\nRegenerate it: ${regenerate}`);
    process.exitCode = 1;
  }
}
