// Day 5's measurements: the grader's own figure for a server, the over-reporting check, Redis for scale, failures that explain.
import { withTimeout } from '../../harness/async.ts';
import { crashCause } from '../../harness/cause.ts';
import { CheckError } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { prefill, runLoad, type LoadResult } from '../../harness/loadgen.ts';
import { calibrate, load, measureRedis, type HeldGate } from '../../harness/redis-gate.ts';
import type { LoadReport } from '../../harness/load-report.ts';
import type { ServerProcess } from '../../harness/server-process.ts';
import type { TcpClient } from '../../harness/tcp-client.ts';
import { gates } from '../../course/gates.ts';
import { gate, learnerServer, ops, serverFile } from './helpers.ts';
import { sideBySide, type SideBySide } from './side-by-side.ts';

/** The day-4 report, declared in harness/load-report.ts (re-exported for the day-4 and day-5 checkpoints). */
export type { LoadReport };

export interface LoadtestModule {
  runLoadTest(options: { host: string; port: number; connections: number; durationMs: number; getRatio: number; keySpace: number }): Promise<LoadReport>;
}

export const loadtestFile = '04-loadtest/loadtest.ts';
export { load, type HeldGate };
export const setup = `${load.connections} connections, ${load.getRatio * 100}% GET, no pipelining, ${load.durationMs / 1000} s per run`;
/** How far the learner's tool may report above the grader's own generator before it is called over-reporting: an honest
 *  tool measures 0.8–1.3× of it, one that counts every reply twice about 1.8–2× (a learner's trial passed it at 2.03×). */
export const agreement = 1.5;
/** Runs before the gate is called missed: three, and two more when none of them cleared it. */
export const maxRuns = 5;
/** A clean run this many times the gate settles it at once: more runs could only raise the best, not change the verdict. */
export const settlesAt = 1.2;
/** The grader's own figure for the learner's server: best of `runs` runs of its load generator, and up to `extraRuns`
 *  more while none cleared `held` (the gate this run holds). */
export async function graderFigure(port: number, runs: number, extraRuns = 0, held = gate): Promise<LoadResult & { runs: number }> {
  await prefill({ port, keySpace: load.keySpace, replies: 'text' });
  let best: LoadResult | undefined;
  let run = 0;
  while (run < runs || (run < runs + extraRuns && best!.opsPerSec <= held)) {
    const result = await runLoad({ ...load, port, replies: 'text', seed: (run += 1) });
    if (!best || result.errors > 0 || (best.errors === 0 && result.opsPerSec > best.opsPerSec)) best = result;
    if (result.errors > 0) break;
  }
  return { ...best!, runs: run };
}

/** One run of the learner's load tester against `server` (the gate's runs, and the over-reporting check under `--only`). */
export async function learnerRun(server: ServerProcess): Promise<LoadReport> {
  const { runLoadTest } = await learnerModule<LoadtestModule>(loadtestFile, ['runLoadTest']);
  return withTimeout(
    crashAware(runLoadTest({ ...load, port: server.port }), server),
    load.durationMs + 10_000,
    `Your load tester did not finish a ${load.durationMs} ms run within ${load.durationMs / 1000 + 10} s.`,
    {
      where: `runLoadTest in ${shown(loadtestFile)}`,
      fix: 'Stop sending when durationMs has passed and resolve once every connection has closed (day 4).',
    },
  );
}

/** Far apart: measures once more with both tools before calling it over-reporting (the machine may have been busy):
 *  the grader's generator before and after your load tester, and the better of its two runs counts, so that whatever
 *  the server left behind from one run (a backlog of log lines, say) weighs on both tools. */
export async function expectAgreement(port: number, graderBest: number, learnerBest: number): Promise<void> {
  const { runLoadTest } = await learnerModule<LoadtestModule>(loadtestFile, ['runLoadTest']);
  const before = (await runLoad({ ...load, port, replies: 'text' })).opsPerSec;
  const yours = (await runLoadTest({ ...load, port })).opsPerSec;
  const ours = Math.max(before, (await runLoad({ ...load, port, replies: 'text' })).opsPerSec);
  if (yours <= agreement * ours) return;
  throw new CheckError(
    `Your load tester reported ${(yours / ours).toFixed(2)}× what the grader's own load generator measured against the same server, twice.`,
    {
      expected: `a figure within ${agreement}× of the grader's: ${ops(graderBest)} ops/s, then ${ops(ours)} ops/s`,
      received: `${ops(learnerBest)} ops/s, then ${ops(yours)} ops/s from your load tester`,
      where: `runLoadTest in ${shown(loadtestFile)}`,
      fix: 'Count an operation only when its reply has arrived, once, and divide by the time the run really took. `npm run check day4` checks the counting in detail.',
      cause: { kind: 'over-reports', title: "the load tester reports well above what the grader's own generator measured against the same server" },
    },
  );
}

/** However much the machine slows during a check, the gate stays at or above this share of the run's first calibration. */
export const floorShare = gates.load.fallback.floorShare;
/** The share of real Redis the gate falls back to where Redis cannot reach `gate / redisShare`. */
const { redisShare } = gates.load.fallback;

let held: Promise<HeldGate> | undefined;
let first: HeldGate | undefined;
/** Real Redis at this run's first calibration, ops/s (undefined without Redis). */
let firstRedis: number | undefined;

// Real Redis right now, alone (harness/redis-gate.ts); undefined without it.
async function redisFigure(runs: number): Promise<number | undefined> {
  return (await measureRedis(runs))?.opsPerSec;
}

let paired: Promise<SideBySide> | undefined;

/** This run's side-by-side rounds (side-by-side.ts) against the learner's server, measured once and shared by the gate,
 *  the cross-check and the figures beside Redis. A server that does not start fails here at once. */
export function sideBySideRun(): Promise<SideBySide> {
  paired ??= (async () => {
    const server = await learnerServer();
    return crashAware(
      sideBySide(server, (result) => {
        if (result.errors > 0) throw serverErrors(result, server);
      }),
      server,
    );
  })();
  return paired;
}

/**
 * The gate this run holds the learner's load tester to: the guide's (course/gates.ts), unless real Redis, measured side
 * by side with the learner's server (sideBySideRun, the day's plain load), cannot reach twice that on this machine right
 * now: then half of what Redis reached. Without redis-server: half of what the workbook's own reference server reached,
 * side by side in the same way, so the gate is one the reference clears on this machine.
 */
export function heldGate(): Promise<HeldGate> {
  held ??= sideBySideRun()
    .then((run) => {
      if (run.reference === 'solution') return referenceGate(run.theirsPlain);
      firstRedis = run.theirsPlain;
      return calibrate(run.theirsPlain);
    })
    .then((calibrated) => (first ??= calibrated));
  return held;
}

/** Without redis-server: half of the workbook's reference server, measured side by side with the learner's. */
export function referenceGate(referencePlain: number): HeldGate {
  return {
    value: Math.round(referencePlain * redisShare),
    why: `half of the workbook's reference server on this machine (solutions/05-performance/server.ts reached ${ops(referencePlain)} ops/s under the same generator, side by side with yours): redis-server is missing, so the guide's figure for real Redis could not be checked here`,
  };
}

/**
 * The gate after Redis was measured again at `redisNow` ops/s: half of that when the machine has slowed since `current`
 * was set, but never below `floorShare` of the run's first calibration `firstGate` (a learner's server that burns CPU
 * slows Redis too, and must not lower its own gate). Undefined when the gate stays as it is.
 */
export function lowerGate(firstGate: HeldGate, current: HeldGate, redisNow: number): HeldGate | undefined {
  const floor = Math.round(firstGate.value * floorShare);
  const value = Math.max(Math.round(redisNow * redisShare), floor);
  if (value >= current.value) return undefined;
  const floorNote = `never below ${ops(floor)} ops/s, ${floorShare * 100}% of the first calibration of this run (${ops(firstGate.value)} ops/s)`;
  return {
    value,
    why: `half of real Redis measured again after your runs: the machine slowed during the check (${current.why}; Redis reached ${ops(redisNow)} ops/s just now); ${floorNote}`,
  };
}

/**
 * After a miss: real Redis measured again, and the gate lowered (see lowerGate) when the machine has slowed since the
 * calibration (the learner's runs were measured on the slower machine). Later checks of this run use the new gate.
 */
export async function recheckGate(): Promise<{ gate: HeldGate; redisNow?: number }> {
  const before = await heldGate();
  const now = await redisFigure(1);
  const lowered = now === undefined ? undefined : lowerGate(first ?? before, before, now);
  if (!lowered) return { gate: before, redisNow: now };
  held = Promise.resolve(lowered);
  return { gate: lowered, redisNow: now };
}

/** A sentence about Redis's figure right now, for a failure message ('' without Redis). */
export function machineNote(redisNow: number | undefined, redisFirst = firstRedis): string {
  if (redisNow === undefined) return '';
  const scale = `\nFor scale: real Redis reached ${ops(redisNow)} ops/s under the same generator just now`;
  if (redisFirst === undefined) return `${scale}.`;
  if (redisNow < 0.8 * redisFirst)
    return `${scale}, down from ${ops(redisFirst)} at the start of this check: the machine got busier meanwhile — close other programs or wait for other jobs, then check again.`;
  return `${scale} (${ops(redisFirst)} at the start of this check), so the machine did not slow down: the shortfall is your server's.`;
}

/** The failure for a server that answered the grader's requests with errors or dropped them. */
export function serverErrors(result: LoadResult, server: ServerProcess): CheckError {
  return new CheckError(
    `Your server answered ${result.errors} of the grader's requests with an error or a dropped connection.${server.crash() ? `\n${server.crash()}` : ''}`,
    {
      expected: 'OK for every SET, a value or (nil) for every GET',
      received: result.firstError,
      where: `the connection handler in ${shown(serverFile)}`,
      fix: 'Run `npm run loadtest` against it and watch for errors; check that a batch of lines in one chunk gets every reply, in order.',
    },
  );
}

/** The protocol session of the first requirement. */
export async function session(client: TcpClient, key: string, other: string, fix: string): Promise<void> {
  await client.expectReply(`SET ${key} first`, 'OK', { fix });
  await client.expectReply(`GET ${key}`, 'first', { fix });
  await client.expectReply(`GET ${other}`, '(nil)', { fix });
  await client.send(`SET ${other} 2\nGET ${other}\nDEL ${other}\nGET ${other}\n`);
  for (const expected of ['OK', '2', 'OK', '(nil)'])
    client.expectLine(await client.readLine(), expected, 'Four commands sent in one write got the wrong replies.', { fix });
  await client.sendInPieces(`GET ${key}\r\n`, [2], 30);
  client.expectLine(await client.readLine(), 'first', 'A GET split across two writes (mid-word) got the wrong reply.', { fix });
}

/** `run`, whose failure is told by what the learner's server died of when it died meanwhile (see withCrash). */
export function crashAware<T>(run: Promise<T>, server: ServerProcess): Promise<T> {
  return run.catch(async (error: unknown) => Promise.reject(await withCrash(error, server)));
}

/** `error`, with the server's own last words appended when its process died meanwhile. */
export async function withCrash(error: unknown, server: ServerProcess): Promise<unknown> {
  const crash = await server.crashWithin(1000);
  if (!crash || !(error instanceof Error)) return error;
  // The error the server died of (its last "SomeError: message" line) is the cause: every requirement the same crash
  // breaks folds under the first, with the guide's entry for it.
  const thrown = [...crash.matchAll(/\[your_server\]\s+(?:Uncaught\s+)?(\w*Error)(?: \[\w+\])?: (.*)$/gm)].at(-1);
  if (!thrown) return new CheckError(`${error.message}\n${crash}`);
  const cause = crashCause({ name: thrown[1], message: thrown[2] });
  const fix =
    cause.kind === 'connection-reset'
      ? "Listen for 'error' on every accepted socket (socket.on('error', () => socket.destroy())): a client that hangs up mid-reply is normal under load, and an unheard socket error ends the whole process."
      : undefined;
  return new CheckError(`${error.message}\n${crash}`, { where: `the connection handler in ${shown(serverFile)}`, ...(fix && { fix }), cause });
}
