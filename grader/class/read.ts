// Reads a folder of learners' reports: one file per learner (or one folder per learner, as artifacts download).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { days as manifest } from '../../course/days.ts';
import { integrityNotes } from './integrity.ts';
import type { Learner } from './learner.ts';
import { readClassroom, readReport, shapeOf } from './shapes.ts';

/** A file that could not be read, and why, in one line. */
export interface Problem {
  file: string;
  reason: string;
}

/** What a folder of reports holds. */
export interface ClassInput {
  learners: Learner[];
  problems: Problem[];
}

const order = (id: string) => {
  const index = manifest.findIndex((day) => day.id === id);
  return index === -1 ? manifest.length : index;
};

/** A stat that never throws (a dangling link or a folder we may not read is a problem line, not a crash). */
function kind(path: string): 'file' | 'folder' | 'other' {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'other';
  }
}

// The `.json` files of the folder `path` and of its direct subfolders (one per graded run), full reports before
// Classroom results; a Classroom result beside a full report is the same run's, and is not read twice.
function inFolder(path: string, entry: string, problems: Problem[]): string[] {
  let inside: string[];
  try {
    inside = readdirSync(path).sort((a, b) => a.localeCompare(b));
  } catch (error) {
    problems.push({ file: `${entry}/`, reason: `cannot be listed (${(error as NodeJS.ErrnoException).code ?? 'error'}): left out` });
    return [];
  }
  const files = inside.filter((file) => file.endsWith('.json') && kind(join(path, file)) === 'file');
  const full = files.filter((file) => !/classroom/.test(file));
  const runs = inside
    .filter((sub) => kind(join(path, sub)) === 'folder')
    .flatMap((sub) => inFolder(join(path, sub), `${entry}/${sub}`, problems).map((file) => `${sub}/${file}`));
  return [...(full.length ? full : files), ...runs];
}

/** The `.json` files of `dir` and of its subfolders (a folder per learner, a folder per run in it), each with the
 *  learner name its place suggests. */
function candidates(dir: string, problems: Problem[]): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const entry of readdirSync(dir).sort((a, b) => a.localeCompare(b))) {
    const path = join(dir, entry);
    const type = kind(path);
    if (type === 'file' && entry.endsWith('.json')) out.push({ path, name: entry.replace(/\.json$/, '') });
    if (type === 'other' && entry.endsWith('.json')) problems.push({ file: entry, reason: 'cannot be opened (a broken link, or no permission): left out' });
    if (type === 'folder') for (const file of inFolder(path, entry, problems)) out.push({ path: join(path, file), name: entry });
  }
  return out;
}

/** A learner whose report was cut short or whose grade crashed: the row stays, marked with `why`. */
function brokenRow(name: string, shown: string, why: string): Learner {
  return { name, file: shown, days: [], notes: [], broken: why };
}

/** Reads one file: a learner (a broken report keeps its row, marked), or the one-line reason it is left out. */
export function readLearner(path: string, fallbackName: string, shown: string): Learner | Problem {
  let data: unknown;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { file: shown, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): left out` };
  }
  try {
    data = JSON.parse(text);
  } catch (error) {
    // A report cut short (the grade was killed while writing, an upload stopped): its learner is still in the class.
    const named = /"(?:learner|name)"\s*:\s*"([^"]+)"/.exec(text)?.[1]?.trim();
    if (/^\s*\{/.test(text)) return brokenRow(named || fallbackName, shown, `report cut short: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    return { file: shown, reason: `not readable as JSON (${(error as Error).message.split('\n')[0]}): left out` };
  }
  const shape = shapeOf(data);
  if (!shape) return { file: shown, reason: 'not a cachelings report (neither a `days` list nor a Classroom `tests` list): left out' };
  const record = data as Record<string, unknown>;
  const field = [record.learner, record.name].find((value) => typeof value === 'string' && value.trim());
  const name = typeof field === 'string' ? field.trim() : fallbackName;
  const notes: string[] = integrityNotes(record);
  const days = shape === 'report' ? readReport(record, notes) : readClassroom(record, notes);
  if (days.length === 0)
    return brokenRow(name, shown, `no graded day: the grade stopped before it reported one${notes.length ? ` (${notes.join('; ')})` : ''}`);
  const commit = typeof record.commit === 'object' && record.commit !== null ? (record.commit as { sha?: unknown }).sha : record.commit;
  return {
    name,
    file: shown,
    days: days.sort((a, b) => order(a.id) - order(b.id)),
    notes,
    ...(typeof commit === 'string' && commit ? { commit: commit.slice(0, 7) } : {}),
    ...(typeof record.at === 'string' && !Number.isNaN(Date.parse(record.at)) ? { at: record.at } : {}),
  };
}

// The days `learner` passed, for the history of a later report.
const passedDays = (learner: Learner) => learner.days.filter((day) => day.state === 'passing').map((day) => day.id);

/** One learner per name: of several reports that all say when they were made, the newest is the learner's row and
 *  the others their history (a regression is only a day that passed there); reports without a time keep rows apart. */
function withHistory(read: Learner[]): Learner[] {
  const byName = new Map<string, Learner[]>();
  for (const learner of read) byName.set(learner.name, [...(byName.get(learner.name) ?? []), learner]);
  const out: Learner[] = [];
  for (const [name, reports] of byName) {
    if (reports.length === 1) out.push(reports[0]!);
    else if (reports.every((report) => report.at && !report.broken)) {
      const sorted = [...reports].sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
      const current = sorted.at(-1)!;
      const history = sorted.slice(0, -1).map((report) => ({ at: report.at, passed: passedDays(report) }));
      out.push({
        ...current,
        history,
        notes: [
          ...current.notes,
          `${history.length} earlier report(s) read as history: ${sorted
            .slice(0, -1)
            .map((report) => report.file)
            .join(', ')}`,
        ],
      });
    } else {
      for (const [index, learner] of reports.entries()) {
        if (index === 0) out.push(learner);
        else
          out.push({
            ...learner,
            name: `${name} (${learner.file})`,
            notes: [...learner.notes, `the name "${name}" is also another file's: shown as "${name} (${learner.file})"`],
          });
      }
    }
  }
  return out;
}

/** Every learner of `dir`, with a problem line for each file left out; never throws for a bad file. */
export function readClass(dir: string): ClassInput {
  const read: Learner[] = [];
  const problems: Problem[] = [];
  for (const { path, name } of candidates(dir, problems)) {
    const shown = relative(dir, path) || basename(path);
    const learner = readLearner(path, name, shown);
    if ('reason' in learner) problems.push(learner);
    else read.push(learner);
  }
  return { learners: withHistory(read), problems };
}
