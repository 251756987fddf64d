// Day 1 race-stress: the RWLock shares among readers, isolates writers, is fair, and survives throwing functions.
// The scenarios run in the learner host beside the lock (lock-scenarios.ts); this file judges what they observed.
import { beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, it } from '../support/requirement.ts';
import type { Cause } from '../../harness/cause.ts';
import { CheckError, expectEqual, expectTrue, type Advice } from '../../harness/check.ts';
import { probe, remoteModule, shown, startLearnerHost, targetDir } from '../../harness/learner.ts';
import type { LockEvent } from '../../harness/charts.ts';
import { seed } from '../../harness/seed.ts';
import { withPictures, type Picture } from '../support/pictures.ts';
import type * as Scenarios from './lock-scenarios.ts';

type LockModule = typeof import('@learner/01-cache/rwlock.ts');
const file = '01-cache/rwlock.ts';
const cacheFile = '01-cache/cache.ts';
const where = (method: string) => `RWLock.${method} in ${shown(file)}`;
const scenarios = new URL('./lock-scenarios.ts', import.meta.url);

/** Runs the lock scenario `name` in the learner host (after checking the file exports RWLock) and returns what it saw. */
async function observe<K extends keyof typeof Scenarios>(name: K, files: string[] = [file]): Promise<Awaited<ReturnType<(typeof Scenarios)[K]>>> {
  await remoteModule<LockModule>(file, ['RWLock']);
  return probe<Awaited<ReturnType<(typeof Scenarios)[K]>>>(scenarios, name, files, seed);
}

/** `outcome`'s value, or the failure of a wait that ran out (as withTimeout words it). */
function settled<T>(outcome: Scenarios.Within<T> | undefined, ms: number, headline: string, advice: Advice): T {
  if (outcome && 'value' in outcome) return outcome.value;
  throw new CheckError(headline, { received: `nothing after ${ms} ms`, ...advice });
}

/** fast-check's schedule report as numbered steps ("1. write#0 arrives"), with `mark` after step `at`. */
function steps(report: string, at?: number, mark?: string): string {
  const labels = [...report.matchAll(/promise::(.+?) (resolved|rejected|pending)/g)].map((match) => match[1]);
  return labels.map((label, i) => `  ${i + 1}. ${label}${i + 1 === at ? `   ← ${mark}` : ''}`).join('\n') || report;
}

/** The cause of a writer finding company: the same mistake loses updates and lets a writer in beside others. */
const overlap: Cause = { kind: 'lock-overlap', title: 'a writer was inside the lock together with another task' };

/** The cause of a lock whose `finally` releases before `fn`'s promise settles (`return fn()` without `await`). */
const releasedBeforeSettled: Cause = { kind: 'released-early', title: "the lock is released before your function's promise settles" };

/** The advice for a lock released early, when a fresh lock shows it: a second writer gets in while the first writer's
 *  async fn is still running, and the lock's source returns fn() without await inside a try. */
async function releasedEarly(): Promise<Advice | undefined> {
  const early = await observe('releasedEarly');
  const source = await readFile(resolve(targetDir, file), 'utf8').catch(() => '');
  const line = /try\s*\{\s*return\s+(?!await\b)[^;]*\(\)[^;]*;[^}]*\}\s*finally/.exec(source);
  if (!early || !line) return undefined;
  return {
    where: where('write'),
    fix: 'Write `return await fn();` inside try { … } finally { release }: without await, finally runs as soon as fn() hands back its promise, before the work inside it is done.',
    cause: releasedBeforeSettled,
  };
}

/** Where a writer found company: right after schedule step `step`, who walked in, and the timeline so far. */
interface Overlap {
  step: number;
  who: string;
  events: LockEvent[];
}

/** The timeline of the schedule an Overlap broke, as a picture for the UI's report panel. */
function timeline(overlap: Overlap): Picture {
  const task = overlap.who.split(' ')[0]!;
  return {
    type: 'timeline',
    caption: `The shortest schedule that broke the lock: ${overlap.who} while another task was inside.`,
    draw: (charts) => charts.lockTimeline(overlap.events, { task, step: overlap.step }),
  };
}

// The learner host starts, and bundles the files, before the first test (a collect-only run starts nothing).
beforeAll(() => startLearnerHost([file, cacheFile], scenarios));

describe('RWLock (race-stress)', () => {
  it('read and write resolve to what the function returns', { meta: { id: 'lock-returns' } }, async () => {
    const { read, written } = await observe('lockReturns');
    expectEqual(
      settled(read, 1_000, 'read(fn) never resolved.', { where: where('read') }),
      'from read',
      'read(() => "from read") must resolve to "from read".',
      { where: where('read') },
    );
    expectEqual(settled(written, 1_000, 'write(fn) never resolved.', { where: where('write') }), 42, 'write(async () => 42) must resolve to 42.', {
      where: where('write'),
      fix: 'Return `await fn()`.',
    });
  });

  it('lets two readers inside at the same time', { meta: { id: 'readers-share' } }, async () => {
    const { most, finished } = await observe('readersShare');
    settled(finished ? { value: true } : undefined, 1_000, 'Two readers never finished.', { where: where('read') });
    expectEqual(most, 2, 'Readers must share the lock: the second reader waited for the first.', {
      where: where('read'),
      fix: 'A reader may enter whenever no writer is inside (or waiting); count readers instead of using one flag.',
    });
  });

  it('keeps a writer alone: no reader or writer is inside with it', { meta: { id: 'writer-alone' } }, async () => {
    const found = await observe('writerAlone');
    if (!found.failed) return;
    const { deadlock, problem, ops } = found;
    const released = deadlock ? undefined : await releasedEarly();
    // Whoever walked in on the other is the side to fix: a reader entering beside a writer points at read().
    const readerEntered = !deadlock && /^read#\d+ enters/.test(problem);
    throw withPictures(
      new CheckError(deadlock ? 'Some task never got the lock: a deadlock.' : 'A writer shared the lock with another task.', {
        expected: 'a writer inside the lock alone, and every task eventually inside',
        received: `${problem}${deadlock ? '' : ` (right after step ${found.step})`}, with tasks ${JSON.stringify(ops)} (#N is a task's place in that list)`,
        where: where(readerEntered ? 'read' : 'write'),
        ...(deadlock ? {} : { cause: overlap }),
        ...released,
        fix: `${released?.fix ?? (readerEntered ? 'A reader may enter only when no writer is inside (and, for fairness, none is waiting).' : 'A writer may enter only when readers === 0 and no writer is inside.')}\nShortest schedule that broke it (seed ${seed}):\n${deadlock ? steps(found.schedule) : steps(found.schedule, found.step, found.who)}`,
      }),
      deadlock ? [] : [timeline(found)],
    );
  });

  it('lets a waiting writer go before readers that arrive after it', { meta: { id: 'writer-first' } }, async () => {
    const { order, finished } = await observe('writerFirst');
    settled(finished ? { value: true } : undefined, 1_000, 'The reader, writer and late reader never all finished.', { where: where('read') });
    expectTrue(
      order.indexOf('writer in') < order.indexOf('reader 2 in'),
      'A reader that arrived after a waiting writer went in first: a stream of readers could starve that writer.',
      {
        expected: '["reader 1 in","writer in","reader 2 in"]',
        received: JSON.stringify(order),
        where: where('read'),
        fix: 'While a writer is waiting, make new readers queue behind it.',
      },
    );
  });

  it('releases the lock when the function throws, and passes the error on', { meta: { id: 'release-on-throw' } }, async () => {
    for (const { mode, settled: done, same, received, next } of await observe('releaseOnThrow')) {
      settled(done ? { value: true } : undefined, 1_000, `${mode}(fn) with a throwing fn never settled.`, { where: where(mode) });
      if (!same) {
        throw new CheckError(`${mode}(fn) must reject with the error fn threw.`, {
          expected: `Error: boom from ${mode} (seed ${seed})`,
          received,
          where: where(mode),
          fix: 'Do not catch the error: use try/finally, not try/catch.',
        });
      }
      settled(next ? { value: true } : undefined, 1_000, `After ${mode}(fn) threw, the next write never got the lock.`, {
        where: where(mode),
        fix: 'Release in a `finally` block so a throwing fn still lets the next waiter in.',
      });
    }
  });

  it('loses no update when 100 tasks increment through write with an await inside', { meta: { id: 'no-lost-update' } }, async () => {
    await remoteModule(cacheFile, ['Cache']);
    const { finished, counter } = await observe('lostUpdates', [file, cacheFile]);
    settled(finished ? { value: true } : undefined, 3_000, '100 increments never finished.', { where: where('write') });
    if (counter === '100') return;
    expectEqual(counter, '100', '100 read-modify-write increments lost updates.', {
      where: where('write'),
      fix: 'Only one writer may be between its read and its write: the next writer must wait until the previous fn has finished, await included.',
      cause: overlap,
      ...(await releasedEarly()),
    });
  });
});
