// Lists other code used to keep by hand, derived from the manifest (days.ts) and the gates (gates.ts): adding a day
// or an export changes them without another edit.
import { days as allDays, type Day } from './days.ts';
import { gates, type Gate } from './gates.ts';

/** Whether `day` is graded alone by `npm run grade`: it holds a speed gate (its timings need the machine to itself),
 *  or it reads the results of earlier days (it runs after them). Every other day is graded side by side. */
export function gradedAlone(day: Day): boolean {
  return (day.earlier?.length ?? 0) > 0 || Object.values(gates as Record<string, Gate>).some((gate) => gate.day === day.id);
}

/** The ids of the days `npm run grade` runs side by side: day1, day2, day4 today. */
export function besideEachOther(days: Day[] = allDays): string[] {
  return days.filter((day) => !gradedAlone(day)).map((day) => day.id);
}

/** Every export the checkpoints load, file (relative to the tree) → names, over every day. */
export function gradedExports(days: Day[] = allDays): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const day of days) for (const [file, names] of Object.entries(day.exports ?? {})) found.set(file, [...(found.get(file) ?? []), ...names]);
  return found;
}

/** Library code: the files whose exports a checkpoint loads. Day 6 holds that they print nothing, and that they
 *  export nothing that is neither imported nor graded. */
export function libraryFiles(days: Day[] = allDays): string[] {
  return [...gradedExports(days).keys()];
}

/** `1, 2 and 4`: day numbers as the guides write a list of them. */
export function numberList(numbers: number[]): string {
  return numbers.length < 2 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}
