// Maintainers: `node --import tsx grader/tools/checksums.ts [--write]` checks (or rewrites) grader/checksums.json.
import { writeFileSync } from 'node:fs';
import { checksumsPath, computeChecksums, differences, readChecksums, regenerate } from '../checksums.ts';

const now = computeChecksums();
if (process.argv.includes('--write')) {
  writeFileSync(checksumsPath(), `${JSON.stringify(now, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(now.checkpoints).length} checkpoint and ${Object.keys(now.scaffolds).length} scaffold checksums to grader/checksums.json.`);
} else {
  const shipped = readChecksums() ?? { _: '', checkpoints: {}, scaffolds: {} };
  const stale = [differences(shipped.checkpoints, now.checkpoints), differences(shipped.scaffolds, now.scaffolds)].flatMap(({ changed, missing, added }) => [
    ...changed.map((file) => `changed: ${file}`),
    ...missing.map((file) => `missing: ${file}`),
    ...added.map((file) => `added:   ${file}`),
  ]);
  if (stale.length === 0) {
    console.log('grader/checksums.json matches checkpoints/ and the scaffolds.');
  } else {
    console.log(`grader/checksums.json is stale:\n  ${stale.join('\n  ')}\nRegenerate it: ${regenerate}`);
    process.exitCode = 1;
  }
}
