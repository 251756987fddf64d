// vitest's sequencer for the checkpoints: files run in the manifest's order (each day's checkpoints, then its bonus
// suites), so a precondition runs before its dependents in the grader and in the UI alike.
import { days } from '../course/days.ts';

/** The checkpoint files of every day, in the order the manifest lists them. */
const order = days.flatMap((day) => [...day.checkpoints, ...(day.bonus ?? [])]);

/** The part of vitest's test specification the order reads. */
interface Spec {
  moduleId: string;
}

/** A file's place in the manifest (files it does not list come last, in the order given). */
function rank(spec: Spec): number {
  const index = order.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
  return index === -1 ? order.length : index;
}

/** Sorts by the manifest, not by cached durations; shards nothing (the checkpoints run on one machine). */
export class ManifestOrder {
  async sort<T extends Spec>(files: T[]): Promise<T[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }

  async shard<T extends Spec>(files: T[]): Promise<T[]> {
    return files;
  }
}
