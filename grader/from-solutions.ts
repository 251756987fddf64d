// Which days of which tree `npm run skip-to` brought from solutions/: every report says so (`fromSolutions: true`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { display } from './paths.ts';
import { generatedNote, stateFile } from './state.ts';

/** The file: per tree (as shown, e.g. `days`), the ids of the days taken from the solutions. */
interface FromSolutionsFile {
  _: string;
  targets: Record<string, string[]>;
}

function read(): FromSolutionsFile {
  try {
    return JSON.parse(readFileSync(stateFile('from-solutions.json'), 'utf8')) as FromSolutionsFile;
  } catch {
    return { _: generatedNote, targets: {} };
  }
}

// Written whole, then renamed, as the progress file is.
function write(file: FromSolutionsFile): void {
  const path = stateFile('from-solutions.json');
  writeFileSync(`${path}.${process.pid}.part`, `${JSON.stringify({ ...file, _: generatedNote }, null, 2)}\n`);
  renameSync(`${path}.${process.pid}.part`, path);
}

/** Whether day `dayId` of `target` was brought from the solutions (and not reset since). */
export function fromSolutions(target: string, dayId: string): boolean {
  return read().targets[display(target)]?.includes(dayId) ?? false;
}

/** Records (`taken` true) or forgets that day `dayId` of `target` came from the solutions. */
export function markFromSolutions(target: string, dayId: string, taken: boolean): void {
  const file = read();
  const ids = new Set(file.targets[display(target)] ?? []);
  if (taken) ids.add(dayId);
  else ids.delete(dayId);
  file.targets[display(target)] = [...ids];
  write(file);
}
