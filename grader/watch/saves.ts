// Saves under a folder, told once per burst: chokidar watches each folder (not each file's inode), so saves that
// write a temporary file and rename it over the original (vim, JetBrains, `sed -i`), files deleted and created
// again, and editors' swap and backup files all keep being seen.
import { watch as chokidar } from 'chokidar';

/** How long the tree must stay quiet after a save before the burst counts as over. */
export const quietMs = 150;

/** Whether a changed path should trigger a re-run (not editor swap files, backups, dot-files or node_modules). */
export function worthRerun(file: string | null): boolean {
  if (!file) return true;
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (parts.includes('node_modules')) return false;
  // vim: .name.swp, name~ and its write test `4913`; JetBrains: name___jb_tmp___ and name___jb_old___.
  return !name.startsWith('.') && !name.endsWith('~') && !/\.(swp|swx|swo|tmp|bak|orig)$|___jb_(tmp|old)___$/.test(name) && !/^\d+$/.test(name);
}

/** A watch in progress: `close` stops it. */
export interface Saves {
  close: () => Promise<void>;
}

/** Calls `onBurst(file)` once after each burst of saves under `folder` (with the last file saved); `onError` when the
 *  file system cannot be watched. */
export function watchSaves(folder: string, onBurst: (file: string) => void, onError: (error: unknown) => void): Saves {
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  // A dot-folder or node_modules is never descended into; vim's write test file (`4913`) and backups are skipped.
  const ignored = (path: string) => path !== folder && !worthRerun(path.slice(folder.length + 1));
  const watcher = chokidar(folder, { ignoreInitial: true, ignored, atomic: true });
  watcher.on('all', (_event, path) => {
    last = path.slice(folder.length + 1);
    clearTimeout(timer);
    timer = setTimeout(() => onBurst(last), quietMs);
  });
  watcher.on('error', onError);
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
