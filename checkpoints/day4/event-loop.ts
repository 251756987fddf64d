// Day 4 checkpoint helpers: whether the learner's code held the event loop during a run (a timer of the grader's that
// stops firing), and the one failure, with one cause, every requirement then reports.
import { performance } from 'node:perf_hooks';
import type { Cause } from '../../harness/cause.ts';
import { CheckError } from '../../harness/check.ts';
import type { Statement } from './statements.ts';
import { count } from './story.ts';

/** The longest stretch in which no timer of this process fired (none of the server's own stalls), once stopped. */
export function heartbeat(): { stop(stalls: number[]): { from: number; to: number } | undefined } {
  let last = performance.now();
  let longest: { from: number; to: number } | undefined;
  const gaps: { from: number; to: number }[] = [];
  const beat = () => {
    const now = performance.now();
    if (now - last > 100) gaps.push({ from: last, to: now });
    last = now;
  };
  const timer = setInterval(beat, 10);
  return {
    stop(stalls) {
      clearInterval(timer);
      beat();
      for (const gap of gaps.filter((one) => !stalls.some((at) => at >= one.from && at <= one.to))) {
        if (!longest || gap.to - gap.from > longest.to - longest.from) longest = gap;
      }
      return longest;
    },
  };
}

/** The cause of a tester that waits in a loop which never awaits; its title names the function, the same in every
 *  requirement (so the failures fold into one ✗). */
export function loopBlocked(spin: Statement): Cause {
  return { kind: 'event-loop-blocked', title: `${spin.fn} holds the event loop: it waits in a loop that never awaits, so no reply or timer can run` };
}

/** The failure of a run in which the learner's code held the event loop for the stretch `held`, with the loop on the
 *  clock `spin` that never awaits (a busy machine can stall a process too: without such a loop, no blame). */
export function loopHeld(held: { from: number; to: number }, spin: Statement, startedAt: number, durationMs: number, lines: string[]): CheckError {
  const ms = held.to - held.from;
  return new CheckError(
    `While runLoadTest ran, the event loop was held for ${count(ms)} ms of a ${count(durationMs)} ms run: no reply, timer or socket of this process got a turn.`,
    {
      expected: 'the event loop free while the run waits: each wait an await (a reply, a timer, Promise.all of the loops)',
      received: [
        `no timer fired from ${count(held.from - startedAt)} ms to ${count(held.to - startedAt)} ms after runLoadTest was called; ${spin.fn} has a loop on the clock with no await in it (line ${spin.line})`,
        ...lines,
      ].join('\n'),
      where: spin.where,
      fix: "Node runs your loops, your sockets and the grader's server on one thread: a loop that never awaits stops all of them. Wait by awaiting: let each connection loop check the deadline before it sends and `await Promise.all(loops)`, or `await new Promise((done) => setTimeout(done, durationMs))`.",
      cause: loopBlocked(spin),
    },
  );
}
