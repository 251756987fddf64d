// A vitest setup file: writes each test's name to CACHELINGS_PROBE_FILE as it begins, synchronously, so that when
// learner code blocks the worker (a synchronous infinite loop) the grader still knows which test was running.
// It also keeps the day's preconditions: a failed one is noted in CACHELINGS_GATE_FILE, and its dependents skip.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeEach } from 'vitest';
import { findDay, preconditionsOf } from '../course/days.ts';

const file = process.env.CACHELINGS_PROBE_FILE;
const gate = process.env.CACHELINGS_GATE_FILE;
const day = findDay(process.env.CACHELINGS_DAY ?? '');

/** The requirements that failed among the preconditions so far (one id a line in the gate file). */
function failedPreconditions(): string[] {
  if (!gate || !existsSync(gate)) return [];
  return readFileSync(gate, 'utf8').split('\n').filter(Boolean);
}

if (file) {
  beforeEach((context) => {
    const task = context.task;
    const group = task.suite?.name ?? '';
    const module = relative(process.cwd(), task.file.filepath);
    const id = task.meta.id;
    appendFileSync(file, `${JSON.stringify({ module, group, name: task.name, id })}\n`);
    if (!day || !gate) return;
    const failed = failedPreconditions();
    const missing = preconditionsOf(day, { file: module, group, id }).find((pre) => failed.includes(pre.requirement));
    if (missing) context.skip(`not run — needs: ${missing.needs}`);
    if (day.preconditions?.some((pre) => pre.requirement === id)) context.onTestFailed(() => appendFileSync(gate, `${id}\n`));
  });
}
