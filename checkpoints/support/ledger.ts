// What the tests of one run have failed so far, shared by every checkpoint file of the run (each may have a worker
// of its own): the preconditions that failed, and the failures already shown (a later one of the same cause folds).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder of this run's ledger (checkpoints/support/run-ledger.ts), emptied when the UI re-runs. */
    cachelingsLedger: string;
  }
}

/** A failure shown in this run: the requirement, and the key of its cause when one was observed. */
export interface Shown {
  name: string;
  key?: string;
  bonus?: boolean;
}

/** The gate file: the grader names its own (CACHELINGS_GATE_FILE); the UI and a plain vitest use the run's ledger. */
function gateFile(): string {
  return process.env.CACHELINGS_GATE_FILE || join(inject('cachelingsLedger'), 'gate');
}

const shownFile = () => join(inject('cachelingsLedger'), 'shown.jsonl');

/** Lines of `file`, or none when it does not exist yet. */
function linesOf(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** The ids of the preconditions that failed so far in this run. */
export const failedPreconditions = (): string[] => linesOf(gateFile());

/** Notes that precondition `id` failed: its dependents will skip. */
export const recordPrecondition = (id: string): void => appendFileSync(gateFile(), `${id}\n`);

/** The failures shown so far in this run, in order. */
export const shownFailures = (): Shown[] => linesOf(shownFile()).map((line) => JSON.parse(line) as Shown);

/** Notes a failure shown in this run. */
export const recordShown = (shown: Shown): void => appendFileSync(shownFile(), `${JSON.stringify(shown)}\n`);
