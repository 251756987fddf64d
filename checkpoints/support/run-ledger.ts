// vitest globalSetup: a fresh ledger folder for each run of the checkpoints (checkpoints/support/ledger.ts), emptied
// when the UI or watch mode runs the tests again, and removed when vitest stops.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Makes the folder, hands its path to the tests (`inject('cachelingsLedger')`), and empties it on every re-run. */
export default function setup(project: TestProject): () => void {
  // Under the grader, inside its own temp folder (CACHELINGS_RUN_DIR), which it removes even when vitest is killed.
  const dir = mkdtempSync(join(process.env.CACHELINGS_RUN_DIR ?? tmpdir(), 'cachelings-run-'));
  project.provide('cachelingsLedger', dir);
  project.onTestsRerun(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
