// What the class view says about a whole class: per day, who passes, who has not started, who waits on an earlier
// day, and the first failures grouped by the cause the terminal showed, each learner with their file.
import { days as manifest } from '../../course/days.ts';
import type { Cause } from './cause.ts';
import { loadFigures, type Learner } from './learner.ts';
import { isShared, type SharedFailure } from './standing.ts';

/** Learners whose first failure of a day has the same cause, each with the file it points at. */
export interface CauseGroup {
  cause: Cause;
  learners: { name: string; lookAt?: string }[];
  /** The failing requirements behind it, most frequent first. */
  requirements: { name: string; count: number }[];
}

/** One day across the class. */
export interface DaySummary {
  id: string;
  title: string;
  /** Learners who reached the day (it passes or fails on its own), and of them those it passes for. */
  graded: number;
  passed: number;
  /** Learners who have not begun the day (a `// TODO:` left, an untouched README). */
  notStarted: string[];
  /** Learners an earlier day holds back (its files, day 6's cascade), shown as one line. */
  waiting: string[];
  groups: CauseGroup[];
}

/** One learner's day-5 figures, for the chart: their server and Redis from the same run. */
export interface LoadPoint {
  name: string;
  /** The day's verdict, as the report gives it. */
  passed: boolean;
  yours: number;
  redis: number;
  /** yours / redis, and the gate / redis (the share of Redis the gate asked for). */
  ratio: number;
  gateRatio?: number;
}

/** The ids of every day some learner was graded on, in manifest order (unknown ids last). */
export function dayIds(learners: Learner[]): string[] {
  const ids = new Set(learners.flatMap((learner) => learner.days.map((day) => day.id)));
  const known = manifest.map((day) => day.id).filter((id) => ids.has(id));
  return [...known, ...[...ids].filter((id) => !known.includes(id)).sort()];
}

/** Pass counts and grouped first failures of each day; the failure every report shares is left to the banner. */
export function summarizeDays(learners: Learner[], shared?: SharedFailure): DaySummary[] {
  return dayIds(learners).map((id) => {
    const graded = learners.flatMap((learner) => learner.days.filter((day) => day.id === id).map((day) => ({ learner, day })));
    const groups = new Map<string, CauseGroup>();
    const reached = graded.filter(({ day }) => day.state === 'passing' || day.state === 'failing').length;
    const summary: DaySummary = {
      id,
      title: manifest.find((day) => day.id === id)?.title ?? id,
      graded: reached,
      passed: 0,
      notStarted: [],
      waiting: [],
      groups: [],
    };
    for (const { learner, day } of graded) {
      if (day.state === 'passing') summary.passed += 1;
      if (day.state === 'not-started') summary.notStarted.push(learner.name);
      if (day.state === 'not-reached') summary.waiting.push(learner.name);
      if (day.state !== 'failing' || !day.firstFailure || isShared(shared, day)) continue;
      const { cause, name, lookAt } = day.firstFailure;
      const group = groups.get(cause.kind) ?? { cause, learners: [], requirements: [] };
      group.learners.push({ name: learner.name, ...(lookAt ? { lookAt } : {}) });
      const requirement = group.requirements.find((entry) => entry.name === name);
      if (requirement) requirement.count += 1;
      else if (name) group.requirements.push({ name, count: 1 });
      groups.set(cause.kind, group);
    }
    summary.groups = [...groups.values()].sort((a, b) => b.learners.length - a.learners.length || a.cause.title.localeCompare(b.cause.title));
    for (const group of summary.groups) group.requirements.sort((a, b) => b.count - a.count);
    return summary;
  });
}

/** Every learner whose day 5 measured their server and Redis in the same run, best ratio first. */
export function loadPoints(learners: Learner[]): LoadPoint[] {
  const points: LoadPoint[] = [];
  for (const learner of learners) {
    const day = learner.days.find((entry) => entry.id === 'day5');
    const { yours, gate, redis } = loadFigures(day);
    if (!day || yours === undefined || !redis) continue;
    points.push({ name: learner.name, passed: day.passed, yours, redis, ratio: yours / redis, ...(gate !== undefined && { gateRatio: gate / redis }) });
  }
  return points.sort((a, b) => b.ratio - a.ratio);
}
