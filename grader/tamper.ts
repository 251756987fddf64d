// The tamper warning of `check` and `grade`: a file that decides a verdict differs from what shipped, so a pass may mean less.
import chalk from 'chalk';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verdictInputs } from './checksums.ts';
import { tamperCheck, type Tamper } from './integrity.ts';
import { root } from './paths.ts';

/** A warning naming every changed, missing or added file under `verdictInputs`, or undefined when all match. */
export function tamperWarning(tamper: Tamper = tamperCheck()): string | undefined {
  if (tamper.clean || tamper.unchecked) return undefined;
  const { changed, missing, added } = tamper;
  const lines = [
    chalk.yellow.bold('⚠ The files that decide a verdict differ from what shipped, so this result may not mean what it says (the report says so too):'),
  ];
  for (const file of changed) lines.push(`    changed: ${file}`);
  for (const file of missing) lines.push(`    missing: ${file}`);
  for (const file of added) lines.push(`    added:   ${file}`);
  const tracked = existsSync(resolve(root, '.git'));
  const folders = verdictInputs.map((entry) => (/^[^.].*\.\w+$/.test(entry) ? entry : `${entry}/`)).join(' ');
  lines.push(
    `  Restore them: ${tracked ? `git checkout -- ${folders}` : `copy ${folders} again from the workbook you downloaded`}${added.length > 0 ? ' (and delete the added files)' : ''}`,
    '',
  );
  return lines.join('\n');
}
