// A vitest setup file for every run of the checkpoints (check, grade, the UI, a plain vitest): a requirement whose
// precondition failed earlier in the run is skipped with the note "not run — needs: …", and a failed precondition is
// noted so that its dependents skip.
import { relative } from 'node:path';
import { beforeEach } from 'vitest';
import { days, preconditionsOf } from '../../course/days.ts';
import { dayOfCheckpoint, notRunPrefix } from '../../course/explain.ts';
import { root } from '../../harness/paths.ts';
import { failedPreconditions, recordPrecondition } from './ledger.ts';

beforeEach(async (context) => {
  const task = context.task;
  const file = relative(root, task.file.filepath);
  const day = dayOfCheckpoint(days, file);
  if (!day) return;
  const test = { file, group: task.suite?.name ?? '', id: task.meta.id };
  const failed = failedPreconditions();
  const missing = preconditionsOf(day, test).find((pre) => failed.includes(pre.requirement));
  if (missing) {
    // vitest's UI does not show a skip's note: the same words as a note in the report panel.
    await context.annotate(`${notRunPrefix}${missing.needs} — the first ✗ of this run is the one to fix.`, 'not run');
    context.skip(`${notRunPrefix}${missing.needs}`);
  }
  if (day.preconditions?.some((pre) => pre.requirement === test.id)) context.onTestFailed(() => recordPrecondition(test.id!));
});
