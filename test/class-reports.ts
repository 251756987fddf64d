// Generates a class of learners' JSON reports from the manifest: passing, stuck at different days and causes, malformed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { days, type Day } from '../course/days.ts';
import { gates } from '../course/gates.ts';
import { HANG_KEY } from '../grader/explain.ts';
import { toClassroom } from '../grader/classroom.ts';
import type { DayResult, Report, TestResult } from '../grader/results.ts';

/** What the generator decided for one learner: the truth the class view is checked against. */
export interface Planned {
  name: string;
  /** Index of the first day that fails (days.length when every day passes). */
  stuck: number;
  /** The requirement that fails first on that day, and the anchor of its guide entry. */
  failing?: string;
  anchor?: string;
  /** The `cause` carried in the report (as the grader's root-cause field), when any. */
  carried?: { kind: string; title: string; guide?: string };
  load?: { yours: number; gate: number; redis: number };
}

const first = [
  'Ada',
  'Bram',
  'Chen',
  'Dara',
  'Emeka',
  'Fatma',
  'Goran',
  'Hana',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tova',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Arjun',
  'Bea',
  'Cyril',
  'Dilan',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A root cause as the grader's report may carry it (`cause` on a failed requirement), its guide a bare anchor. */
export const portTaken = {
  kind: 'port-in-use',
  title: 'The server could not listen: the port is already taken',
  guide: 'eaddrinuse-the-port-is-already-taken',
};

/** The requirements of `day` as the manifest names them (by id, here also their name); entries explained as 'none'
 *  are stretch (bonus) ones. */
function requirements(day: Day): { name: string; anchor?: string; bonus: boolean }[] {
  return Object.entries(day.explain ?? {})
    .filter(([name]) => name !== HANG_KEY)
    .map(([name, entry]) => (entry === 'none' ? { name, bonus: true } : { name, anchor: entry.anchor, bonus: false }));
}

function test(name: string, status: TestResult['status'], message = '', bonus = false): TestResult {
  return { group: 'Requirements', name, id: name, status, message, durationMs: 12, ...(bonus ? { bonus: true } : {}) };
}

function dayResult(day: Day, index: number, plan: Planned): DayResult {
  const list = requirements(day);
  let tests: TestResult[];
  if (index < plan.stuck) tests = list.map((entry) => test(entry.name, 'passed', '', entry.bonus));
  else if (index > plan.stuck) tests = list.map((entry) => test(entry.name, 'failed', `not implemented yet: see days/${day.slug}`, entry.bonus));
  else {
    const at = list.findIndex((entry) => entry.name === plan.failing);
    tests = list.map((entry, i) => {
      if (i < at || entry.bonus) return test(entry.name, 'passed', '', entry.bonus);
      if (i > at) return test(entry.name, 'skipped', `not run — needs: ${plan.failing}`);
      return {
        ...test(entry.name, 'failed', `Expected: the requirement to hold\nReceived: something else\nLook at: days/${day.slug}`),
        ...(plan.carried ? { cause: plan.carried } : {}),
      };
    });
  }
  const metrics: DayResult['metrics'] = {};
  if (day.id === 'day5' && plan.load) {
    metrics['load.opsPerSec'] = { value: plan.load.yours, gate: { op: '>', value: plan.load.gate } };
    metrics['load.gate'] = { value: plan.load.gate };
    metrics['redis.load.opsPerSec'] = { value: plan.load.redis };
  }
  const passed = tests.every((entry) => entry.bonus || entry.status === 'passed');
  return { id: day.id, title: day.title, passed, durationMs: 900, tests, metrics };
}

/** Plans `count` learners: about a fifth pass everything, the rest stop at a day with one of its first few causes. */
export function planClass(count: number, seed = 17): Planned[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const name = index < first.length ? first[index]! : `learner-${index + 1}`;
    const stuck = next() < 0.2 ? days.length : Math.floor(next() * days.length);
    const plan: Planned = { name, stuck };
    if (stuck < days.length) {
      const causes = requirements(days[stuck]!).filter((entry) => !entry.bonus);
      const picked = causes[Math.floor(next() * next() * Math.min(causes.length, 6))]!;
      Object.assign(plan, { failing: picked.name, anchor: picked.anchor });
      // The grader's root-cause field, when it names one: the view groups by its kind, not by the requirement.
      if (stuck === 1 && index % 2 === 0) Object.assign(plan, { failing: causes[0]!.name, anchor: 'eaddrinuse-the-port-is-already-taken', carried: portTaken });
      if (stuck === 4 && next() < 0.6) Object.assign(plan, { failing: causes[1]!.name, anchor: causes[1]!.anchor });
    }
    if (stuck >= 4) {
      const { value, fallback } = gates.load;
      const redis = Math.round((value / fallback.redisShare) * (0.7 + next() * 0.5)); // around the Redis figure the gate assumes
      const gate = redis >= value / fallback.redisShare ? value : Math.round(redis * fallback.redisShare);
      const under = stuck === 4 && plan.failing === requirements(days[4]!)[1]!.name;
      if (stuck > 4 || under) plan.load = { yours: Math.round(under ? gate * (0.45 + next() * 0.5) : gate * (1.05 + next() * 0.8)), gate, redis };
    }
    return plan;
  });
}

/** The JSON report of one planned learner. */
export function reportOf(plan: Planned): Report {
  const results = days.map((day, index) => dayResult(day, index, plan));
  return { version: 1, target: 'days', seed: 4242, passed: results.every((result) => result.passed), days: results };
}

/** Writes the class to `dir`: one `NAME.json` per planned learner, and returns the plans. */
export function writeClass(dir: string, plans: Planned[]): void {
  mkdirSync(dir, { recursive: true });
  for (const plan of plans) writeFileSync(join(dir, `${plan.name}.json`), `${JSON.stringify(reportOf(plan), null, 2)}\n`);
}

/** The files a mentor's folder also holds: each bad in its own way, or from another version or shape. */
export const oddFiles = {
  unreadable: ['notes.json'],
  /** Reports cut short or with no graded day: their learners keep a row, marked (named by the file). */
  broken: ['broken', 'empty'],
  /** Learners read from odd files, by the name the view should give them. */
  readable: ['Old Olga', 'future', 'dana'],
};

/** Writes `plans` to `dir` plus the odd files: truncated JSON, not a report, no day, an older report, a newer one, a Classroom result. */
export function writeMixedClass(dir: string, plans: Planned[]): void {
  writeClass(dir, plans);
  writeFileSync(join(dir, 'broken.json'), '{"version": 1, "days": [{"id": "day1", ');
  writeFileSync(join(dir, 'notes.json'), '{"hello": "this is not a report"}\n');
  writeFileSync(join(dir, 'empty.json'), '{"version": 1, "target": "days", "seed": 1, "passed": false, "days": []}\n');
  writeFileSync(join(dir, 'README.txt'), 'not JSON, and not read\n');
  // An older workbook: no version, a `passed` boolean per test, figures as bare numbers, a field this view never knew.
  const older = (day: Day) => ({
    id: day.id,
    title: day.title,
    passed: true,
    tests: requirements(day).map((entry) => ({ name: entry.name, passed: true })),
    metrics: { 'cache.get.opsPerSec': 1_234_567 },
  });
  writeFileSync(join(dir, 'old.json'), JSON.stringify({ learner: 'Old Olga', target: 'days', generatedAt: '2025-10-01', days: days.slice(0, 2).map(older) }));
  // A newer workbook: version 2 with fields this view does not know yet.
  const newer = reportOf({ name: 'future', stuck: days.length, load: { yours: 70_000, gate: gates.load.value, redis: 104_000 } });
  writeFileSync(
    join(dir, 'future.json'),
    JSON.stringify({ ...newer, version: 2, machine: { cores: 2 }, days: newer.days.map((day) => ({ ...day, retries: 0 })) }),
  );
  // A Classroom result in a folder of its own, as `gh run download` leaves it.
  mkdirSync(join(dir, 'dana'));
  writeFileSync(join(dir, 'dana', 'classroom-result.json'), JSON.stringify(toClassroom(reportOf({ name: 'dana', stuck: days.length }))));
}
