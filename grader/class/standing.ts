// Who needs a mentor first: each learner's standing (the earliest day not passed, a regression), the class sorted by
// how stuck, and a failure every report shares (the grading setup, not the learners' code) found once.
import { days as manifest } from '../../course/days.ts';
import { notImplemented, type Cause } from './cause.ts';
import type { Learner, LearnerDay } from './learner.ts';

/** Where one learner stands. */
export interface Standing {
  /** The earliest day not passed (not started, failing or not reached), if any. */
  stuck?: LearnerDay;
  /** A day that fails now and passed in one of the learner's earlier reports: `day3 fails; it passed on 2026-12-03 09:00`. */
  regression?: string;
}

const rank = (id: string) => {
  const index = manifest.findIndex((day) => day.id === id);
  return index === -1 ? manifest.length : index;
};

/** The learner's standing: the first day not passed, and a regression only where their history shows the day passed. */
export function standingOf(learner: Learner): Standing {
  const ordered = [...learner.days].sort((a, b) => rank(a.id) - rank(b.id));
  const stuck = ordered.find((day) => day.state !== 'passing');
  const earlier = (id: string) => (learner.history ?? []).find((report) => report.passed.includes(id));
  const broke = ordered.find((day) => day.state === 'failing' && earlier(day.id));
  const when = broke && earlier(broke.id)!.at;
  return {
    ...(stuck && { stuck }),
    ...(broke && { regression: `${broke.id} fails; it passed ${when ? `on ${when.slice(0, 16).replace('T', ' ')}` : 'in an earlier report'}` }),
  };
}

/** The learners, most stuck first: no report at all, a broken report, then by earliest day not passed, then oldest
 *  report, then name. */
export function byStuck(learners: Learner[]): Learner[] {
  const key = (learner: Learner) => {
    const stuck = standingOf(learner).stuck;
    return learner.noReport ? -2 : learner.broken ? -1 : stuck ? rank(stuck.id) : manifest.length + 1;
  };
  const time = (learner: Learner) => (learner.at ? Date.parse(learner.at) : Number.POSITIVE_INFINITY);
  return [...learners].sort((a, b) => key(a) - key(b) || time(a) - time(b) || a.name.localeCompare(b.name));
}

/** A failure every report shares: the grading setup, shown once as a banner rather than as everyone's bug. */
export interface SharedFailure {
  day: string;
  cause: Cause;
  example: string;
}

/** The cause that every readable report (at least three) fails with on some day, if there is one. */
export function sharedFailure(learners: Learner[]): SharedFailure | undefined {
  const readable = learners.filter((learner) => !learner.broken && !learner.noReport);
  if (readable.length < 3) return undefined;
  const first = readable[0]!;
  for (const day of first.days) {
    const failure = day.firstFailure;
    if (!failure || failure.cause.kind === notImplemented || day.state === 'passing') continue;
    const everyone = readable.every((learner) => learner.days.some((other) => other.id === day.id && other.firstFailure?.cause.kind === failure.cause.kind));
    if (everyone) return { day: day.id, cause: failure.cause, example: failure.message.split('\n').find((line) => line.trim()) ?? '' };
  }
  return undefined;
}

/** Whether `day`'s failure is the shared one (shown in the banner, not in the day's groups). */
export function isShared(shared: SharedFailure | undefined, day: LearnerDay): boolean {
  return !!shared && shared.day === day.id && day.firstFailure?.cause.kind === shared.cause.kind;
}
