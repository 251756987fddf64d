// The tamper warning of `check`: a checkpoint file differs from what shipped, so a pass may mean less.
import chalk from 'chalk';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { differences, readChecksums, sha256, verdictInputFiles, verdictInputs } from './checksums.ts';
import { root } from './paths.ts';

/** A warning naming every changed, missing or added file under `verdictInputs`, or undefined when all match. */
export function tamperWarning(): string | undefined {
  const shipped = readChecksums();
  if (!shipped) return undefined;
  const now: Record<string, string> = {};
  for (const file of verdictInputFiles()) now[file] = sha256(resolve(root, file));
  const { changed, missing, added } = differences(shipped.checkpoints, now);
  if (changed.length + missing.length + added.length === 0) return undefined;
  const lines = [chalk.yellow.bold('⚠ The checkpoints differ from what shipped, so this result may not mean what it says:')];
  for (const file of changed) lines.push(`    changed: ${file}`);
  for (const file of missing) lines.push(`    missing: ${file}`);
  for (const file of added) lines.push(`    added:   ${file}`);
  const tracked = existsSync(resolve(root, '.git'));
  const folders = verdictInputs.map((entry) => (entry.includes('.') ? entry : `${entry}/`)).join(' ');
  lines.push(`  Restore them: ${tracked ? `git checkout -- ${folders}` : `copy ${folders} again from the workbook you downloaded`}${added.length > 0 ? ' (and delete the added files)' : ''}`, '');
  return lines.join('\n');
}
