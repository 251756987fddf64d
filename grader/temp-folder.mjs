// Loaded before tsx by every grader command (`node --import ./grader/temp-folder.mjs --import tsx grader/cli.ts …`):
// tsx keeps its cache in the temp folder and the grader its run files, so an unwritable TMPDIR is named here, in plain
// words, instead of as tsx's stack trace. Plain JavaScript, so that it runs before anything is transformed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = tmpdir();
try {
  rmSync(mkdtempSync(join(folder, 'cachelings-preflight-')), { recursive: true, force: true });
} catch (error) {
  const now = process.env.TMPDIR ? `   (TMPDIR is now ${process.env.TMPDIR})` : '';
  console.error(`The temporary folder ${folder} cannot be written (${error.code ?? error.message}); every check keeps its run files there.`);
  console.error(`Fix:  point TMPDIR at a folder you can write, e.g.  mkdir -p ~/tmp && TMPDIR=~/tmp npm run check day1${now}`);
  process.exit(1);
}
