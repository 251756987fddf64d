// What the class view says about a whole class: per day, who passes and the causes behind the first failures.
import { days as manifest } from '../../course/days.ts';
import { notImplemented, type Cause } from './cause.ts';
import { loadFigures, type Learner } from './learner.ts';

/** Learners whose first failure of a day has the same cause. */
export interface CauseGroup {
  cause: Cause;
  learners: string[];
  /** The failing requirements behind it, most frequent first. */
  requirements: { name: string; count: number }[];
}

/** One day across the class. */
export interface DaySummary {
  id: string;
  title: string;
  graded: number;
  passed: number;
  /** Learners whose first failure on this day is a `// TODO:` left: not started, nothing to explain yet. */
  notStarted: string[];
  groups: CauseGroup[];
}

/** One learner's day-5 figures, for the chart. */
export interface LoadPoint {
  name: string;
  yours: number;
  gate?: number;
  redis?: number;
}

/** The ids of every day some learner was graded on, in manifest order (unknown ids last). */
export function dayIds(learners: Learner[]): string[] {
  const ids = new Set(learners.flatMap((learner) => learner.days.map((day) => day.id)));
  const known = manifest.map((day) => day.id).filter((id) => ids.has(id));
  return [...known, ...[...ids].filter((id) => !known.includes(id)).sort()];
}

/** Pass counts and grouped first failures of each day. */
export function summarizeDays(learners: Learner[]): DaySummary[] {
  return dayIds(learners).map((id) => {
    const graded = learners.flatMap((learner) => learner.days.filter((day) => day.id === id).map((day) => ({ learner, day })));
    const groups = new Map<string, CauseGroup>();
    const notStarted: string[] = [];
    for (const { learner, day } of graded) {
      if (day.passed || !day.firstFailure) continue;
      const { cause, name } = day.firstFailure;
      if (cause.kind === notImplemented) {
        notStarted.push(learner.name);
        continue;
      }
      const group = groups.get(cause.kind) ?? { cause, learners: [], requirements: [] };
      group.learners.push(learner.name);
      const requirement = group.requirements.find((entry) => entry.name === name);
      if (requirement) requirement.count += 1;
      else if (name) group.requirements.push({ name, count: 1 });
      groups.set(cause.kind, group);
    }
    const sorted = [...groups.values()].sort((a, b) => b.learners.length - a.learners.length || a.cause.title.localeCompare(b.cause.title));
    for (const group of sorted) group.requirements.sort((a, b) => b.count - a.count);
    const title = manifest.find((day) => day.id === id)?.title ?? id;
    return { id, title, graded: graded.length, passed: graded.filter(({ day }) => day.passed).length, notStarted, groups: sorted };
  });
}

/** Every learner with a day-5 load figure, fastest first. */
export function loadPoints(learners: Learner[]): LoadPoint[] {
  const points: LoadPoint[] = [];
  for (const learner of learners) {
    const figures = loadFigures(learner.days.find((day) => day.id === 'day5'));
    if (figures.yours !== undefined) points.push({ name: learner.name, yours: figures.yours, gate: figures.gate, redis: figures.redis });
  }
  return points.sort((a, b) => b.yours - a.yours);
}

/** The first day a learner did not pass, if any. */
export function firstUnpassed(learner: Learner) {
  return learner.days.find((day) => !day.passed);
}
