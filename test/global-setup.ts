// Once per `npm test`: a scratch state folder for the whole run, so no test reads or writes the learner's .cachelings/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Points CACHELINGS_STATE_DIR at a fresh folder under .tmp/ (test workers and the graders they start inherit it). */
export default function setup(): () => void {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const state = mkdtempSync(join(root, '.tmp', 'state-run-'));
  process.env.CACHELINGS_STATE_DIR = state;
  // The grader's seal key (grader/seal.ts) for this run, beside its state rather than in the user's config folder.
  process.env.CACHELINGS_KEY_FILE = join(state, 'grader.key');
  // Names this run: test/graded.ts shares one grade of each tree between the test files of the same run.
  process.env.CACHELINGS_TEST_RUN = randomUUID();
  const graded = join(root, '.tmp', 'graded', `node-${process.versions.node.split('.')[0]}`);
  if (existsSync(graded)) for (const name of readdirSync(graded).filter((file) => file.endsWith('.lock'))) rmSync(join(graded, name), { force: true });
  return () => rmSync(state, { recursive: true, force: true });
}
