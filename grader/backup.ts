// Files of the learner's tree replaced by the workbook's (reset: the scaffold; skip-to: the solution), each of the
// learner's own versions copied into a backup folder first.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stateDir } from './state.ts';

/** A new backup folder under the state folder, named by the time (it is made when the first file is kept). */
export function backupFolder(): string {
  return resolve(stateDir(), 'backups', new Date().toISOString().replace(/[:.]/g, '-'));
}

/** Writes `contents(file)` over each of `files` (relative to `target`), keeping any that exists in `backup` first. */
export function replaceKeepingBackup(target: string, files: string[], backup: string, contents: (file: string) => string | Buffer): void {
  for (const file of files) {
    const path = resolve(target, file);
    if (existsSync(path)) {
      mkdirSync(dirname(resolve(backup, file)), { recursive: true });
      cpSync(path, resolve(backup, file));
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents(file));
  }
}
