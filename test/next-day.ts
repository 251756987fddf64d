// The day after the manifest's last one, for tests that add a day: they read the manifest's length, so adding a
// real day never breaks them.
import { dayNumber, days, type Day } from '../course/days.ts';

const last = days.at(-1)!;

/** The number, id, folder name and title `npm run new-day` would give the next day ("Key expiry"). */
export const nextDay = (() => {
  const number = dayNumber(last) + 1;
  return { number, id: `day${number}`, slug: `${String(number).padStart(2, '0')}-expiry`, title: 'Key expiry' };
})();

/** The manifest's last day, whose number `new-day` refuses. */
export const lastDay: Day = last;

/** A two-digit day number above every day in the manifest (10 while there are fewer than ten days). */
export const twoDigitNumber = Math.max(10, nextDay.number + 1);
