// A vitest setup file: writes each test's name to CACHELINGS_PROBE_FILE as it begins, synchronously, so that when
// learner code blocks the worker (a synchronous infinite loop) the grader still knows which test was running.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeEach } from 'vitest';

const file = process.env.CACHELINGS_PROBE_FILE;

if (file) {
  beforeEach((context) => {
    const task = context.task;
    const module = relative(process.cwd(), task.file.filepath);
    appendFileSync(file, `${JSON.stringify({ module, group: task.suite?.name ?? '', name: task.name, id: task.meta.id })}\n`);
  });
}
