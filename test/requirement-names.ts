// Tests name requirements by id; their sentences come from the checkpoints themselves (collected once per test
// file), so rewording a requirement never breaks a test or leaves one selecting nothing.
import { collectRequirements, type Listed } from '../grader/tools/lint/requirements.ts';

let collected: Promise<Listed[]> | undefined;

// Every requirement of every day, collected once; CACHELINGS_TARGET is left as it was.
function listed(): Promise<Listed[]> {
  collected ??= (async () => {
    const before = process.env.CACHELINGS_TARGET;
    try {
      return await collectRequirements();
    } finally {
      if (before === undefined) delete process.env.CACHELINGS_TARGET;
      else process.env.CACHELINGS_TARGET = before;
    }
  })();
  return collected;
}

/** The sentence of requirement `id` of `day` (day1, …), as the grader prints it. */
export async function requirementName(day: string, id: string): Promise<string> {
  const all = await listed();
  const found = all.find((test) => test.day === day && test.id === id);
  if (!found)
    throw new Error(
      `${day} declares no requirement "${id}"; its ids are: ${all
        .filter((test) => test.day === day)
        .map((test) => test.id)
        .join(', ')}`,
    );
  return found.name;
}

/** The `--only` text that selects requirements `ids` of `day`: the start their sentences share. */
export async function onlyText(day: string, ids: string[]): Promise<string> {
  const names = await Promise.all(ids.map((id) => requirementName(day, id)));
  let shared = names[0]!;
  for (const name of names) while (!name.startsWith(shared)) shared = shared.slice(0, -1);
  if (shared.trim() === '') throw new Error(`the requirements ${ids.join(', ')} of ${day} share no start of a name for --only to select them by`);
  return shared.trim();
}

/** Requirement `id` of `day`'s sentence as a regular-expression source, to match it in what the grader prints. */
export async function requirementPattern(day: string, id: string): Promise<string> {
  return (await requirementName(day, id)).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
