// A vitest reporter that streams one JSON line per event to the grader (file descriptor CACHELINGS_EVENTS_FD).
import { writeSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { adviceData, type FailureAdvice } from './advice.ts';

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];

/** One line of the event stream the grader reads. */
export type GraderEvent =
  | { type: 'collected'; module: string; tests: { group: string; name: string; id?: string }[] }
  | { type: 'ready'; module: string; name: string }
  | {
      type: 'result';
      module: string;
      group: string;
      name: string;
      state: string;
      errors: ErrorInfo[];
      durationMs: number;
      meta: Record<string, unknown>;
      note?: string;
    }
  | { type: 'moduleEnd'; module: string; errors: ErrorInfo[] }
  | { type: 'end'; errors: ErrorInfo[] };

/** The parts of a vitest error the grader shows. */
export interface ErrorInfo {
  name: string;
  message: string;
  stack: string;
  /** The cause a CheckError carries (harness/cause.ts). */
  failure?: { kind: string; title: string };
  /** The advice a CheckError carries (or that was added to another error), field by field: its text fields only. */
  advice?: FailureAdvice;
}

function errorInfo(error: {
  name?: string;
  message?: string;
  stack?: string;
  failure?: { kind: string; title: string };
  advice?: Record<string, unknown>;
}): ErrorInfo {
  const info: ErrorInfo = { name: error.name ?? 'Error', message: error.message ?? String(error), stack: error.stack ?? '' };
  if (error.failure) info.failure = { kind: String(error.failure.kind), title: String(error.failure.title) };
  const advice = error.advice && adviceData(error.advice);
  if (advice) info.advice = advice;
  return info;
}

function groupOf(test: TestCase): string {
  return test.parent.type === 'suite' ? test.parent.fullName : '';
}

/** The requirement's short id, declared in its checkpoint (`it('…', { meta: { id } }, …)`), when it has one. */
function idOf(test: TestCase): { id?: string } {
  const id = test.meta().id;
  return typeof id === 'string' ? { id } : {};
}

/** Streams events as JSON lines; the grader turns them into the learner's report. */
export default class GraderReporter implements Reporter {
  #fd = Number(process.env.CACHELINGS_EVENTS_FD ?? -1);

  #send(event: GraderEvent): void {
    if (this.#fd < 0) return;
    writeSync(this.#fd, `${JSON.stringify(event)}\n`);
  }

  #module(module: TestModule): string {
    return relative(process.cwd(), module.moduleId);
  }

  onTestModuleCollected(module: TestModule): void {
    const tests = [...module.children.allTests()].map((test) => ({ group: groupOf(test), name: test.name, ...idOf(test) }));
    this.#send({ type: 'collected', module: this.#module(module), tests });
  }

  onTestCaseReady(test: TestCase): void {
    this.#send({ type: 'ready', module: this.#module(test.module), name: test.name });
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    this.#send({
      type: 'result',
      module: this.#module(test.module),
      group: groupOf(test),
      name: test.name,
      state: result.state,
      errors: (result.errors ?? []).map(errorInfo),
      durationMs: Math.round(test.diagnostic()?.duration ?? 0),
      meta: { ...test.meta() },
      // Why a test skipped itself (`ctx.skip(note)`), e.g. how to install a missing tool.
      note: result.state === 'skipped' ? result.note : undefined,
    });
  }

  onTestModuleEnd(module: TestModule): void {
    this.#send({ type: 'moduleEnd', module: this.#module(module), errors: module.errors().map(errorInfo) });
  }

  // What the learner's code printed (console.log in a test worker): vitest hands it to reporters only, so pass it on to
  // this process's stdout and stderr, where the grader shows it as [your_code] lines under --debug.
  onUserConsoleLog(log: UserConsoleLog): void {
    (log.type === 'stderr' ? process.stderr : process.stdout).write(log.content.endsWith('\n') ? log.content : `${log.content}\n`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<{ name?: string; message?: string; stack?: string }>): void {
    this.#send({ type: 'end', errors: errors.map(errorInfo) });
  }
}
