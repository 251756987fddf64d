// Eight learners as a teaching assistant meets them, written as the grader writes their reports (grader/report.ts
// adds `why`, `lookAt` and who-and-what): two done, three stuck on day 2 with different bugs, one whose day 1 broke
// after finishing day 6 (with her morning's report, when it passed), one load tester that divides by the requested
// duration, one not started on day 5; and a ninth whose report was cut short.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { days, type Day } from '../course/days.ts';
import { gates } from '../course/gates.ts';
import { buildReport } from '../grader/report.ts';
import type { FailureAdvice } from '../grader/advice.ts';
import type { DayResult, MetricResult, TestResult } from '../grader/results.ts';
import { adviceLines } from '../harness/check.ts';

/** One planted failure: the requirement id, the headline and advice the check gave, and the root cause it observed. */
interface Bug {
  id: string;
  headline: string;
  advice: FailureAdvice;
  cause?: { kind: string; title: string };
}

// A bug's message and advice as the check gives them, its paths in the learner's tree `home`.
function told(bug: Bug, home: string): Pick<TestResult, 'message' | 'advice'> {
  const advice = Object.fromEntries(Object.entries(bug.advice).map(([field, text]) => [field, text.replaceAll('HOME', home)]));
  return { message: [bug.headline, ...adviceLines(advice)].join('\n'), advice };
}

/** How a learner's week went: per day index, passing, a bug, or not started (every day past the list); the day-5
 *  figures; when. */
interface Week {
  name: string;
  home: string;
  at: string;
  days: ('pass' | 'todo' | 'cascade' | Bug)[];
  load?: { yours: number; redis: number };
}

const ids = (day: Day) => Object.keys(day.explain ?? {}).filter((id) => !id.startsWith('('));
const pass = (id: string): TestResult => ({ group: 'Requirements', name: `requirement ${id}`, id, status: 'passed', message: '', durationMs: 5 });

function dayOf(day: Day, plan: Week['days'][number], week: Week): DayResult {
  const tests = ids(day).map((id): TestResult => {
    if (plan === 'pass') return pass(id);
    if (plan === 'todo')
      return { ...pass(id), status: 'failed', message: `not implemented yet: startServer in days/${day.slug}/server.ts\nTry:      fill the TODO` };
    if (plan === 'cascade')
      return (day.cascade ?? []).includes(id)
        ? { ...pass(id), status: 'failed', message: 'an earlier day no longer passes: day1\nLook at:  npm run check day1' }
        : pass(id);
    return id === plan.id ? { ...pass(id), status: 'failed', ...told(plan, week.home), ...(plan.cause && { cause: plan.cause }) } : pass(id);
  });
  if (plan === 'todo' && day.id === 'day6')
    tests.find((test) => test.id === 'readme-questions')!.message =
      'days/06-docs/project/README.md does not answer any of the four questions yet: "## What it does" … are missing or still empty.';
  const metrics: Record<string, MetricResult> = {};
  if (day.id === 'day5' && week.load) {
    // The gate as the grader sets it: its value where Redis reaches value / redisShare in the same run, else that share.
    const { value, fallback } = gates.load;
    const gate = week.load.redis >= value / fallback.redisShare ? value : Math.round(week.load.redis * fallback.redisShare);
    metrics['load.opsPerSec'] = { value: week.load.yours, gate: { op: '>', value: gate } };
    metrics['load.gate'] = { value: gate };
    metrics['redis.load.opsPerSec'] = { value: week.load.redis };
  }
  return { id: day.id, title: day.title, passed: plan === 'pass', durationMs: 900, tests, metrics };
}

// The plan for the day at `index`: a day the list does not reach (one added after the week was written) is not started.
const planOf = (plans: Week['days'], index: number) => plans[index] ?? 'todo';

// The state `grade` gives a day its scaffold still holds (these trees lie on the learners' machines, not here).
const stated = (report: ReturnType<typeof buildReport>, plans: Week['days']) => ({
  ...report,
  days: report.days.map((day, index) => (planOf(plans, index) === 'todo' ? { ...day, state: 'not-started' as const } : day)),
});

const at = (hours: number) => new Date(Date.UTC(2026, 11, 4, 8 + hours)).toISOString();
const done = (): Week['days'] => days.map(() => 'pass');

/** Day 2's three bugs, day 1's regression and day 4's wrong duration, as the checks word them. */
export const bugs = {
  sharedBuffer: {
    id: 'two-clients',
    headline: 'Client B got "OKSET k" where "OK" was due.',
    advice: { expected: 'OK', received: 'OKSET k', where: 'the data handler in HOME/02-server/server.ts:14', fix: 'keep one pending buffer per connection.' },
    cause: { kind: 'shared-buffer', title: "one client's half line was glued to another's" },
  },
  perConnection: {
    id: 'shared-cache',
    headline: 'GET k on a second connection returned (nil) after SET k v on the first.',
    advice: {
      expected: 'v',
      received: '(nil)',
      where: 'startServer in HOME/02-server/server.ts:9',
      fix: 'make the Cache once, outside the connection handler.',
    },
    cause: { kind: 'protocol-mismatch', title: 'a reply differs from the protocol table' },
  },
  lineLimit: {
    id: 'line-limit',
    headline: 'A 70 KiB line got no reply.',
    advice: {
      expected: 'ERR line too long, then the connection closed',
      received: 'nothing within 2000 ms',
      where: 'HOME/02-server/server.ts:22',
      fix: 'count the bytes you keep without a newline.',
    },
    cause: { kind: 'no-line-limit', title: 'a line over 64 KiB was kept' },
  },
  deleteBroke: {
    id: 'delete-forgets',
    headline: 'cache.get("k3") still returned a value after delete.',
    advice: { expected: 'undefined', received: "'v3'", where: 'Cache.delete in HOME/01-cache/cache.ts:20', fix: 'remove the key from the same store.' },
  },
  wrongDuration: {
    id: 'exact-count',
    headline: 'Your report says 4,000 ops/s; the server counted 8,000 ops/s.',
    advice: {
      expected: 'the same figure within 10%',
      received: '4,000 ops/s',
      where: 'runLoadTest in HOME/04-loadtest/loadtest.ts:61',
      fix: 'divide by the time the run really took.',
    },
    cause: { kind: 'wrong-duration', title: 'the run lasted 0.5 × the 2 s asked' },
  },
} satisfies Record<string, Bug>;

/** The eight learners, and what the view must make of them. */
export const week: Week[] = [
  { name: 'Ada', home: '/home/ada/cachelings/days', at: at(9), days: done(), load: { yours: 56_344, redis: 101_000 } },
  { name: 'Bram', home: '/tmp/bram/days', at: at(8), days: done(), load: { yours: 32_593, redis: 58_500 } },
  { name: 'Chen', home: '/home/chen/days', at: at(3), days: ['pass', bugs.sharedBuffer, 'todo', 'todo', 'todo', 'todo'] },
  { name: 'Dara', home: '/home/dara/days', at: at(2), days: ['pass', bugs.perConnection, 'todo', 'todo', 'todo', 'todo'] },
  { name: 'Emeka', home: '/home/emeka/days', at: at(4), days: ['pass', bugs.lineLimit, 'todo', 'todo', 'todo', 'todo'] },
  {
    name: 'Fatma',
    home: '/home/fatma/days',
    at: at(7),
    days: [bugs.deleteBroke, 'pass', 'pass', 'pass', 'pass', 'cascade'],
    load: { yours: 48_000, redis: 80_000 },
  },
  { name: 'Goran', home: '/home/goran/days', at: at(5), days: ['pass', 'pass', 'pass', bugs.wrongDuration, 'todo', 'todo'] },
  { name: 'Hana', home: '/home/hana/days', at: at(6), days: ['pass', 'pass', 'pass', 'pass', 'todo', 'todo'] },
];

/** The learners' reports as the grader writes them (`npm run grade -- --json`), into `dir`, plus Ines's cut short. */
export function writeWeek(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const learner of week) {
    const results = days.map((day, index) => dayOf(day, planOf(learner.days, index), learner));
    const report = {
      ...stated(buildReport(learner.home, 4242, results), learner.days),
      learner: learner.name,
      at: learner.at,
      commit: { sha: `${learner.name.toLowerCase()}0c0ffee1234`, dirty: false },
    };
    writeFileSync(join(dir, `${learner.name.toLowerCase()}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
  // Fatma's report of the morning, when day 1 still passed: the history that makes today's day 1 a regression.
  const morning = {
    ...buildReport(
      '/home/fatma/days',
      4242,
      days.map((day) => dayOf(day, 'pass', week[5]!)),
    ),
    learner: 'Fatma',
    at: at(1),
  };
  writeFileSync(join(dir, 'fatma-morning.json'), `${JSON.stringify(morning, null, 2)}\n`);
  const ines = JSON.stringify(
    {
      ...buildReport(
        '/home/ines/days',
        1,
        days.map((day) => dayOf(day, 'pass', week[0]!)),
      ),
      learner: 'Ines',
    },
    null,
    2,
  );
  writeFileSync(join(dir, 'ines.json'), ines.slice(0, 700));
}
