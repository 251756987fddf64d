// Day 1's lock scenarios, run in the learner host beside the learner's RWLock (their callbacks must share its event
// loop): each returns what it observed as plain data, and rwlock.race.test.ts judges it in the test runner.
import fc from 'fast-check';
import { deferred, settle, tick, withTimeout } from '../../harness/async.ts';
import { CheckError, show } from '../../harness/check.ts';
import type { LockEvent } from '../../harness/charts.ts';

type LockModule = typeof import('@learner/01-cache/rwlock.ts');
type CacheModule = typeof import('@learner/01-cache/cache.ts');
/** The learner's modules the host loaded, by file. */
type Learner = Record<string, unknown>;

/** A promise's outcome within `ms`: its value, or `pending` (a rejection is thrown as it is). */
export type Within<T> = { value: T } | { pending: true };

async function within<T>(promise: Promise<T>, ms: number): Promise<Within<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ pending: true }>((done) => (timer = setTimeout(() => done({ pending: true }), ms)));
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

const newLock = (learner: Learner) => new (learner['01-cache/rwlock.ts'] as LockModule).RWLock();

/** What read(() => 'from read') and then write(async () => 42) resolved to. */
export async function lockReturns(learner: Learner) {
  const lock = newLock(learner);
  const read = await within(
    lock.read(() => 'from read'),
    1_000,
  );
  if ('pending' in read) return { read };
  return {
    read,
    written: await within(
      lock.write(async () => 42),
      1_000,
    ),
  };
}

/** The most readers inside at once when two readers wait on one gate, and whether both finished. */
export async function readersShare(learner: Learner) {
  const lock = newLock(learner);
  const gate = deferred();
  let inside = 0;
  let most = 0;
  const reader = () =>
    lock.read(async () => {
      inside += 1;
      most = Math.max(most, inside);
      await gate.promise;
      inside -= 1;
    });
  const both = settle(Promise.all([reader(), reader()]));
  for (let i = 0; i < 5 && most < 2; i += 1) await tick();
  gate.resolve();
  return { most, finished: !('pending' in (await within(both, 1_000))) };
}

/** The order reader 1, a waiting writer and a late reader got in, and whether all three finished. */
export async function writerFirst(learner: Learner) {
  const lock = newLock(learner);
  const order: string[] = [];
  const gate = deferred();
  const first = settle(
    lock.read(async () => {
      order.push('reader 1 in');
      await gate.promise;
    }),
  );
  await tick();
  const writer = settle(lock.write(() => void order.push('writer in')));
  await tick();
  const late = settle(lock.read(() => void order.push('reader 2 in')));
  await tick();
  gate.resolve();
  return { order, finished: !('pending' in (await within(Promise.all([first, writer, late]), 1_000))) };
}

/** For write and then read with a throwing fn: how the call settled, and whether the next write got the lock. */
export async function releaseOnThrow(learner: Learner, seed: number) {
  const lock = newLock(learner);
  const modes: { mode: 'write' | 'read'; settled: boolean; same?: boolean; received?: string; next?: boolean }[] = [];
  for (const mode of ['write', 'read'] as const) {
    const boom = new Error(`boom from ${mode} (seed ${seed})`);
    const outcome = await within(
      lock[mode](() => {
        throw boom;
      }).then(
        (value: unknown) => `resolved with ${String(value)}`,
        (error: unknown) => error,
      ),
      1_000,
    );
    if ('pending' in outcome) return [...modes, { mode, settled: false }];
    if (outcome.value instanceof Error && /not implemented yet/.test(outcome.value.message)) throw outcome.value; // the scaffold: say so plainly
    const same = outcome.value === boom;
    const next =
      same &&
      !(
        'pending' in
        (await within(
          lock.write(() => 'next'),
          1_000,
        ))
      );
    modes.push({ mode, settled: true, same, received: show(outcome.value), next });
    if (!same || !next) break;
  }
  return modes;
}

/** The counter after 100 read-modify-write increments through write, each with an await inside. */
export async function lostUpdates(learner: Learner) {
  const lock = newLock(learner);
  const cache = new (learner['01-cache/cache.ts'] as CacheModule).Cache();
  cache.set('counter', '0');
  const increment = () =>
    lock.write(async () => {
      const current = Number(cache.get('counter'));
      await tick();
      cache.set('counter', String(current + 1));
    });
  const finished = !('pending' in (await within(Promise.all(Array.from({ length: 100 }, increment)), 3_000)));
  return { finished, counter: cache.get('counter') };
}

/** Whether a second writer got in while the first writer's async fn was still running (the lock released early). */
export async function releasedEarly(learner: Learner) {
  const lock = newLock(learner);
  let settled = false;
  let early = false;
  const first = lock.write(async () => {
    await new Promise((done) => setTimeout(done, 20));
    settled = true;
  });
  await within(
    lock.write(() => void (early = !settled)),
    1_000,
  ).catch(() => {});
  await first.catch(() => {});
  return early;
}

/** Thrown inside the property when a writer finds company, right after schedule step `step`. */
class Overlap extends Error {
  constructor(
    message: string,
    readonly step: number,
    readonly who: string,
    readonly events: LockEvent[],
  ) {
    super(message);
  }
}

/** What fast-check found over 150 schedules of 2–7 reads and writes: nothing, an overlap (with its step, who walked
 *  in, and the timeline), or a deadlock; with the shortest schedule as fast-check reports it. Other errors are thrown. */
export async function writerAlone(learner: Learner, seed: number) {
  const { RWLock } = learner['01-cache/rwlock.ts'] as LockModule;
  const modes = fc.array(fc.constantFrom('read' as const, 'write' as const), { minLength: 2, maxLength: 7 });
  const result = await fc.check(
    fc.asyncProperty(fc.scheduler(), modes, async (s, ops) => {
      const lock = new RWLock();
      let readers = 0;
      let writers = 0;
      let step = 0; // schedule steps released so far, numbered as in the report
      const events: LockEvent[] = []; // what each task did, and at which step: the timeline of a failure
      const inside = (label: string, doing: string) => {
        if (writers > 1 || (writers === 1 && readers > 0)) {
          throw new Overlap(`${label} ${doing} with ${writers} writer(s) and ${readers} reader(s) inside together`, step, `${label} ${doing} here`, [
            ...events,
          ]);
        }
      };
      const tasks = ops.map((mode, i) =>
        s.schedule(Promise.resolve(), `${mode}#${i} arrives`).then(() => {
          step += 1;
          events.push({ task: `${mode}#${i}`, kind: 'arrives', step });
          return lock[mode](async () => {
            if (mode === 'write') writers += 1;
            else readers += 1;
            events.push({ task: `${mode}#${i}`, kind: 'enters', step });
            inside(`${mode}#${i}`, 'enters');
            await s.schedule(Promise.resolve(), `${mode}#${i} leaves`);
            step += 1;
            events.push({ task: `${mode}#${i}`, kind: 'leaves', step });
            inside(`${mode}#${i}`, 'is about to leave');
            if (mode === 'write') writers -= 1;
            else readers -= 1;
          });
        }),
      );
      const all = settle(Promise.all(tasks));
      // Tasks schedule more tasks after a few microtask hops inside the lock: keep releasing until none are left.
      for (let round = 0; round < 50; round += 1) {
        await s.waitAll();
        await tick();
        if (s.count() === 0) break;
      }
      await withTimeout(all, 500, 'some task never got the lock (a deadlock)');
    }),
    { seed, numRuns: 150 },
  );
  if (!result.failed) return { failed: false as const };
  const [schedule, ops] = result.counterexample ?? [];
  const failure = result.errorInstance as Error;
  const found = { failed: true as const, schedule: String(schedule), ops: ops as string[], problem: failure.message.split('\n')[0] ?? '' };
  if (failure instanceof CheckError) return { ...found, deadlock: true as const };
  if (failure instanceof Overlap) return { ...found, deadlock: false as const, step: failure.step, who: failure.who, events: failure.events };
  throw failure; // e.g. "not implemented yet"
}
