// Small wording shared by the page and the markdown summary: day cells and the day-5 figure (figures are written by
// course/gates.ts's `figure`, as everywhere else).
import { figure } from '../../course/gates.ts';
import { loadFigures, type LearnerDay } from './learner.ts';

/** What a day's cell says: `✓ 14/14` passing, `✗ 9/14` failing, `· not started`, `↩ day1` (not reached: that
 *  earlier day holds it back), `—` not graded. */
export function dayCell(day: LearnerDay | undefined): string {
  if (!day) return '—';
  if (day.state === 'not-started') return '· not started';
  if (day.state === 'not-reached') return `↩ ${day.blockedBy ?? 'an earlier day'}`;
  return `${day.state === 'passing' ? '✓' : '✗'} ${day.held}/${day.total}`;
}

/** The cell's class on the page: pass (green), fail (red), none (grey: not started, not graded), wait (an earlier day). */
export function cellClass(day: LearnerDay | undefined): 'pass' | 'fail' | 'none' | 'wait' {
  if (!day || day.state === 'not-started') return 'none';
  return day.state === 'passing' ? 'pass' : day.state === 'not-reached' ? 'wait' : 'fail';
}

/** `0.62× Redis (31,800 ops/s)`: day 5 as a share of Redis in the same run, or the bare figure, or `—`. */
export function loadCell(day: LearnerDay | undefined): string {
  const { yours, redis } = loadFigures(day);
  if (yours === undefined) return '—';
  return redis ? `${(yours / redis).toFixed(2)}× Redis (${figure(yours)} ops/s)` : `${figure(yours)} ops/s (no Redis figure)`;
}
