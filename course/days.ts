// The manifest: every day of the workbook, in order. The CLI, the tests, CI and the docs read only this; each day's
// entry is in course/days/<slug>.ts, its fields described in course/day.ts.
import type { Day, Precondition } from './day.ts';
import { day1 } from './days/01-cache.ts';
import { day2 } from './days/02-server.ts';
import { day3 } from './days/03-testing.ts';
import { day4 } from './days/04-loadtest.ts';
import { day5 } from './days/05-performance.ts';
import { day6 } from './days/06-docs.ts';

export type { Day, LearnerRun, Precondition } from './day.ts';

/** Every day of the workbook, in order. */
export const days: Day[] = [day1, day2, day3, day4, day5, day6];

/** Finds a day by `day1`, `1`, `01` or `01-cache`; undefined when nothing matches. */
export function findDay(name: string): Day | undefined {
  const wanted = name.trim().toLowerCase();
  return days.find((day) => {
    const number = String(dayNumber(day));
    return [day.id, day.slug, number, number.padStart(2, '0')].includes(wanted);
  });
}

/** The day after `day`, if any. */
export function nextDay(day: Day): Day | undefined {
  return days[days.indexOf(day) + 1];
}

/** The day's number, read from its folder name (`01-cache` is day 1). */
export function dayNumber(day: Day): number {
  return Number.parseInt(day.slug, 10);
}

/** The preconditions of `day` that requirement `id` (in checkpoint `file`, describe `group`) depends on. */
export function preconditionsOf(day: Day, test: { file: string; group: string; id?: string }): Precondition[] {
  return (day.preconditions ?? []).filter((pre) => {
    if (pre.requirement === test.id) return false;
    if (pre.files && !pre.files.includes(test.file)) return false;
    return !(pre.exceptGroups ?? []).includes(test.group);
  });
}
