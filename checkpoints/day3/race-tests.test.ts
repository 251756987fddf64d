// Day 3 checkpoint: the learner's race tests exist, pass against their own code, and fail against planted bugs.
// How: runs the grader makes before this file (race.config.ts, the manifest's `learnerRuns`, handed in) run
// days/03-testing/cache.race.test.ts once against the learner's Cache and RWLock ("own") and once per mutant
// (mutants.ts), each in a process of its own in which the mutant stands at the learner's module path. A mutant is
// noticed when the required test whose name promises it fails against it, on its own.
import { existsSync } from 'node:fs';
import { describe, it } from '../support/requirement.ts';
import { CheckError } from '../../harness/check.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { mutants, requiredTests, type Mutant } from './mutants.ts';
import { handedRun } from '../../harness/hand-in.ts';
import type { BlockedLoop, LearnerRunResult as NestedRun, LearnerTest as NestedTest } from '../../harness/learner-runs.ts';

const file = '03-testing/cache.race.test.ts';
const required = Object.values(requiredTests);

/** Where a learner's test is, for Look at: its name and its file with the line (the statement when known). */
function placeOf(name: string, line: number | undefined): string {
  return `'${name}' in ${shown(file)}${line ? `:${line}` : ''}`;
}

/** The run stopped because a test blocked the event loop: one cause, named with the test and the statement. */
function blockedError(blocked: BlockedLoop): CheckError {
  const at = blocked.at ? `${shown(blocked.at.file)}:${blocked.at.line}` : undefined;
  return new CheckError(
    `Your test '${blocked.test}' blocked the event loop: it ran for ${(blocked.blockedMs / 1000).toFixed(1)} s without ever letting another task run, so the grader stopped it.${at ? `\nIt was caught at ${at}.` : ''}`,
    {
      expected: 'a test that waits for its tasks with await (await Promise.all(tasks)), so the event loop can run them',
      received: at ? `a loop that never awaits, at ${at}` : 'a loop that never awaits',
      where: at ? `'${blocked.test}' in ${at}` : placeOf(blocked.test, blocked.line),
      fix: 'A loop that waits for a flag or a count (while (finished < 100) {}) never lets the tasks it waits for run: JavaScript has one thread, and they run only when your code returns to the event loop. Keep the promise of every task and `await Promise.all(tasks)` instead.',
      cause: { kind: 'event-loop-blocked', title: `your test '${blocked.test}' blocked the event loop` },
    },
  );
}

/** The run of the learner's race tests, as the grader handed it in (its time limit is in course/days.ts), whatever
 *  became of it: it may have been stopped. */
function handed(): NestedRun {
  if (!existsSync(`${targetDir}/${file}`)) {
    throw new CheckError(`${shown(file)} does not exist.`, { fix: 'Create it from the scaffold (npm run reset -- 03-testing) and write the three tests.' });
  }
  return handedRun('day3', 'race-tests');
}

/** The run of the learner's race tests, which must have finished with results. */
async function nestedRun(): Promise<NestedRun> {
  const done = handed();
  if (done.blocked) throw blockedError(done.blocked);
  if (done.timedOutAfterMs) {
    throw new CheckError(`Your race tests did not finish within ${done.timedOutAfterMs / 1000} s.`, {
      where: shown(file),
      fix: 'Look for a loop that never ends or a promise nobody resolves; each test should take well under a second.',
    });
  }
  if (!done.results) {
    throw new CheckError(`vitest could not run ${shown(file)}.`, {
      received: lastLines(done.output, 12),
      fix: 'Run it alone to see the whole error: npx vitest run ' + shown(file),
    });
  }
  return done;
}

function firstLines(text: string, count: number): string {
  return text.trim().split('\n').slice(0, count).join('\n');
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}

/** Every test of the learner's file (the three required ones and any extra) in one project of the run. */
function testsOf(done: NestedRun, project: string): NestedTest[] {
  return done.results!.tests.filter((test) => test.project === project);
}

/** The learner's tests ran and passed against their own code; otherwise mutation results mean nothing. */
async function ownRunPassed(): Promise<NestedRun> {
  const done = await nestedRun();
  const own = testsOf(done, 'own');
  const loadError = done.results!.fileErrors.find((entry) => entry.project === 'own');
  const names = new Set(own.map((test) => test.name));
  if (loadError || required.some((name) => !names.has(name)) || own.some((test) => test.state !== 'passed')) {
    // One cause for every planted bug: they fold under the first, with no explanation of a planted bug yet.
    throw new CheckError(
      'Not judged yet: your race tests must first load, be named as required and pass against your own Cache and RWLock; the two requirements before this one say which does not (`npm run check day3` shows them).',
      {
        cause: { kind: 'not-judged', title: 'your race tests must first load, be named as required and pass against your own code' },
      },
    );
  }
  return done;
}

/** The names of the learner's tests with their state: from the run's results, or, when a test blocked the event loop
 *  and the run was stopped, as vitest collected them before it ran them. */
function namedTests(done: NestedRun): Map<string, string> {
  if (done.blocked) return new Map(done.blocked.collected.map((test) => [test.name, test.mode === 'skip' ? 'skipped' : test.mode]));
  return new Map(testsOf(done, 'own').map((test) => [test.name, test.state]));
}

describe('Your race tests (the race-stress suite)', () => {
  it('have the three required tests, by name', { meta: { id: 'required-tests' } }, async () => {
    const done = handed();
    if (!done.blocked) await nestedRun();
    const loadError = done.results?.fileErrors.find((entry) => entry.project === 'own');
    if (loadError) {
      throw new CheckError(`${shown(file)} did not load: ${firstLines(loadError.errors[0]!, 10)}`, {
        fix: 'Fix that error first; npm run typecheck shows type errors with line numbers.',
      });
    }
    const names = namedTests(done);
    const missing = required.filter((name) => !names.has(name));
    if (missing.length > 0) {
      throw new CheckError(`${shown(file)} has no test named ${missing.map((name) => `'${name}'`).join(', ')}.`, {
        expected: required.map((name) => `it('${name}', …)`).join('\n          '),
        received: [...names.keys()].map((name) => `it('${name}', …)`).join('\n          ') || 'no tests',
        fix: 'Keep the three names exactly as the scaffold has them; the grader finds your tests by name. Extra tests are welcome.',
      });
    }
    const idle = required.filter((name) => ['todo', 'skipped'].includes(names.get(name)!));
    if (idle.length > 0) {
      throw new CheckError(`${idle.map((name) => `'${name}'`).join(', ')} is marked it.todo or it.skip, so it tests nothing.`, {
        where: shown(file),
        fix: 'Give it a body and remove .todo / .skip.',
      });
    }
  });

  it('pass against your own Cache and RWLock', { meta: { id: 'own-tests-pass' } }, async () => {
    const done = await nestedRun();
    const loadError = done.results!.fileErrors.find((entry) => entry.project === 'own');
    if (loadError) throw new CheckError(`${shown(file)} did not load (see above).`);
    const failed = testsOf(done, 'own').filter((test) => test.state === 'failed');
    const idle = testsOf(done, 'own').filter((test) => required.includes(test.name) && test.state !== 'passed' && test.state !== 'failed');
    if (failed.length === 0 && idle.length > 0)
      throw new CheckError(`Your test '${idle[0]!.name}' did not run (it is ${idle[0]!.state}).`, { where: placeOf(idle[0]!.name, idle[0]!.line) });
    if (failed.length === 0) return;
    const first = failed[0]!;
    // A test that returned while its tasks still ran checked before the race: the usual cause of "expected '0' to be '100'".
    const outlived = first.outlived && first.outlived.lockCalls + first.outlived.laterCacheCalls > 0;
    const early = outlived
      ? `\nIt returned while ${first.outlived!.lockCalls} lock call(s) were still waiting or running, so its checks ran before its tasks: did you await every task (Promise.all) before checking?`
      : '';
    throw new CheckError(
      `Your test '${first.name}' failed against your own code:\n${first.errors.map((error) => firstLines(error, 6)).join('\n') || '(no message)'}${early}`,
      {
        where: placeOf(first.name, first.errorLine ?? first.line),
        fix: outlived
          ? 'Keep the promise of every task you start and `await Promise.all(tasks)` before the checks.'
          : failed.length > 1
            ? `${failed.length} of your tests failed. Run them alone to see every message: npx vitest run ${shown(file)}`
            : `Run it alone to see the whole message: npx vitest run ${shown(file)}`,
      },
    );
  });

  for (const mutant of mutants) {
    it(`notice ${noticeName(mutant)}`, { meta: { id: `notice-${mutant.name}` } }, async () => {
      const done = await ownRunPassed();
      const loadError = done.results!.fileErrors.find((entry) => entry.project === mutant.name);
      const against = testsOf(done, mutant.name);
      const promised = against.find((test) => test.name === mutant.caughtBy);
      if (loadError || promised?.state === 'failed') return;
      const own = testsOf(done, 'own').find((test) => test.name === mutant.caughtBy)!;
      const early = own.outlived ? own : testsOf(done, 'own').find((test) => test.outlived);
      if (early) {
        const { lockCalls, laterCacheCalls } = early.outlived!;
        throw new CheckError(
          `Your race tests did not notice ${mutant.described} — ${mutant.question}\nFirst of all, your test '${early.name}' returned while its tasks still ran, so its checks came before the race.`,
          {
            expected: 'every task finished (awaited) before the test checks anything and returns',
            received: `when the test returned, ${lockCalls} lock call(s) were still waiting or running, and ${laterCacheCalls} cache call(s) came after it`,
            where: placeOf(early.name, early.line),
            fix: `Keep the promise of every task you start and \`await Promise.all(tasks)\` before the checks; a task that is not awaited runs after the test has already passed. Then: ${mutant.fix}`,
            cause: { kind: 'tasks-outlived-test', title: `your test '${early.name}' returned while its tasks still ran` },
          },
        );
      }
      const others = against.filter((test) => test.state === 'failed').map((test) => `'${test.name}'`);
      if (others.length > 0) {
        // Another test caught it: the required one passes against the very bug its name promises, so it cannot fail.
        throw new CheckError(
          `Your test '${mutant.caughtBy}' passed against ${mutant.described}, the bug its name promises to catch: as written it cannot fail. Only ${others.join(', ')} noticed it. ${mutant.question}`,
          {
            expected: `'${mutant.caughtBy}' fails on its own when the grader swaps this planted bug in for your code`,
            received: `'${mutant.caughtBy}' passed; ${others.join(', ')} failed`,
            where: placeOf(own.name, own.line),
            fix: mutant.fix,
            cause: { kind: 'test-cannot-fail', title: `your test '${mutant.caughtBy}' passed against the bug its name promises to catch` },
          },
        );
      }
      throw new CheckError(`Your race tests did not notice ${mutant.described} — ${mutant.question}`, {
        expected: `'${mutant.caughtBy}' fails when the grader swaps this planted bug in for your code`,
        received: 'all of your tests passed',
        where: placeOf(own.name, own.line),
        fix: mutant.fix,
      });
    });
  }
});

/** The requirement's name: "a cache that loses writes" from the mutant's longer description. */
function noticeName(mutant: Mutant): string {
  return mutant.described.replace(/ \(.*\)$/, '');
}
