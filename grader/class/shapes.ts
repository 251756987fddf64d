// Reads one parsed report of any shape the view knows: the JSON report (version 1, older or newer) or the Classroom result.
import { findDay } from '../../course/days.ts';
import type { MetricResult } from '../results.ts';
import { summarizeDay, type LearnerDay, type Reported, type Requirement } from './learner.ts';

const known = {
  report: ['version', 'target', 'seed', 'passed', 'days', 'learner', 'name', 'commit', 'at', 'grader', 'integrity'],
  day: ['id', 'title', 'passed', 'durationMs', 'tests', 'metrics', 'state', 'blockedBy', 'fromSolutions'],
  test: ['group', 'name', 'id', 'status', 'passed', 'message', 'durationMs', 'bonus', 'cause', 'file', 'advice', 'lookAt', 'why'],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A status of any known spelling, or undefined. */
function statusOf(test: Json): Requirement['status'] | undefined {
  const status = test.status;
  if (status === 'passed' || status === 'pass') return 'passed';
  if (status === 'failed' || status === 'fail' || status === 'error') return 'failed';
  if (status === 'skipped' || status === 'skip' || status === 'todo') return 'skipped';
  if (typeof test.passed === 'boolean') return test.passed ? 'passed' : 'failed';
  return undefined;
}

function requirement(test: unknown): Requirement | undefined {
  if (!isObject(test) || typeof test.name !== 'string') return undefined;
  const status = statusOf(test);
  if (!status) return undefined;
  const message = typeof test.message === 'string' ? test.message : '';
  return {
    group: typeof test.group === 'string' ? test.group : '',
    name: test.name,
    ...(typeof test.id === 'string' ? { id: test.id } : {}),
    status,
    message,
    ...(test.bonus === true ? { bonus: true } : {}),
    ...(test.cause ? { cause: test.cause } : {}),
    ...lookAtOf(test.lookAt),
    ...(test.why ? { why: test.why } : {}),
  };
}

// A Look at as text (`01-cache/cache.ts:12`): a report's `{ file, line? }`, or an older report's string.
function lookAtOf(value: unknown): { lookAt?: string } {
  if (typeof value === 'string' && value) return { lookAt: value };
  if (!isObject(value) || typeof value.file !== 'string') return {};
  return { lookAt: typeof value.line === 'number' ? `${value.file}:${value.line}` : value.file };
}

const reportedStates = ['passed', 'failing', 'not-started', 'not-reached'];

// The state a report gives a day, and the earlier day that blocks it, where it gives one.
function reportedOf(entry: Json): Reported {
  const state = typeof entry.state === 'string' && reportedStates.includes(entry.state) ? (entry.state as Reported['state']) : undefined;
  return {
    ...(typeof entry.passed === 'boolean' && { passed: entry.passed }),
    ...(state && { state }),
    ...(typeof entry.blockedBy === 'string' && { blockedBy: entry.blockedBy }),
  };
}

function metric(value: unknown): MetricResult | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  if (!isObject(value) || typeof value.value !== 'number' || !Number.isFinite(value.value)) return undefined;
  const gate = value.gate;
  if (isObject(gate) && (gate.op === '>' || gate.op === '<') && typeof gate.value === 'number')
    return { value: value.value, gate: { op: gate.op, value: gate.value } };
  return { value: value.value };
}

function unknownFields(object: Json, allowed: string[], where: string, into: Set<string>): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) into.add(`${where}${key}`);
}

// A day not reached that does not say what holds it back (an older report): the first earlier day that does not pass.
function blocked(days: LearnerDay[]): LearnerDay[] {
  return days.map((day, index) =>
    day.state === 'not-reached' && !day.blockedBy
      ? { ...day, blockedBy: days.slice(0, index).find((other) => other.state !== 'passing')?.id ?? 'an earlier day' }
      : day,
  );
}

/** The days of a JSON report (`{ version, days: [...] }`), with a note for every part left out or not understood. */
export function readReport(data: Json, notes: string[]): LearnerDay[] {
  if (data.version === undefined) notes.push('no version field: read as a report of an older workbook');
  else if (data.version !== 1)
    notes.push(`version ${JSON.stringify(data.version)} is not the version this view knows (1): read the parts that match version 1`);
  const unknown = new Set<string>();
  unknownFields(data, known.report, '', unknown);
  const out: LearnerDay[] = [];
  (data.days as unknown[]).forEach((entry, index) => {
    const id = isObject(entry) && typeof entry.id === 'string' ? (findDay(entry.id)?.id ?? entry.id) : undefined;
    if (!isObject(entry) || !id) return void notes.push(`day #${index + 1} has no id: left out`);
    unknownFields(entry, known.day, 'day.', unknown);
    const raw = Array.isArray(entry.tests) ? entry.tests : [];
    if (!Array.isArray(entry.tests)) notes.push(`${id}: no list of requirements`);
    const tests = raw.map(requirement).filter((test): test is Requirement => test !== undefined);
    if (tests.length < raw.length) notes.push(`${id}: ${raw.length - tests.length} requirement(s) without a name or a status: left out`);
    for (const test of raw) if (isObject(test)) unknownFields(test, known.test, 'test.', unknown);
    const metrics: Record<string, MetricResult> = {};
    for (const [name, value] of Object.entries(isObject(entry.metrics) ? entry.metrics : {})) {
      const read = metric(value);
      if (read) metrics[name] = read;
      else notes.push(`${id}: figure ${name} is not a number: left out`);
    }
    out.push(summarizeDay(id, reportedOf(entry), tests, metrics));
  });
  if (unknown.size > 0) notes.push(`unknown fields, ignored: ${[...unknown].join(', ')}`);
  return blocked(out);
}

/** The days of a GitHub Classroom result (`--format classroom`): tests named "day1 · Group › requirement", no figures. */
export function readClassroom(data: Json, notes: string[]): LearnerDay[] {
  notes.push('GitHub Classroom result: requirements only, no measured figures');
  const byDay = new Map<string, Requirement[]>();
  let unread = 0;
  for (const test of data.tests as unknown[]) {
    const match = isObject(test) && typeof test.name === 'string' ? /^(\S+) · (?:(.*?) › )?(.*)$/s.exec(test.name) : null;
    const status = isObject(test) ? statusOf(test) : undefined;
    if (!match || !status) {
      unread += 1;
      continue;
    }
    const id = findDay(match[1]!)?.id ?? match[1]!;
    const message = isObject(test) && typeof test.message === 'string' ? test.message : '';
    const file = isObject(test) && typeof test.filename === 'string' ? /(\d\d-[\w-]+\/.+)$/.exec(test.filename)?.[1] : undefined;
    const line = isObject(test) && typeof test.line_no === 'number' && test.line_no > 0 ? `:${test.line_no}` : '';
    byDay.set(id, [...(byDay.get(id) ?? []), { group: match[2] ?? '', name: match[3]!, status, message, ...(file && { lookAt: `${file}${line}` }) }]);
  }
  if (unread > 0) notes.push(`${unread} test(s) not named "dayN · …" or without a status: left out`);
  return blocked([...byDay].map(([id, tests]) => summarizeDay(id, {}, tests, {})));
}

/** Which shape `data` has, if any the view reads. */
export function shapeOf(data: unknown): 'report' | 'classroom' | undefined {
  if (!isObject(data)) return undefined;
  if (Array.isArray(data.days)) return 'report';
  if (Array.isArray(data.tests)) return 'classroom';
  return undefined;
}
