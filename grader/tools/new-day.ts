// Maintainers: `npm run new-day -- 07-expiry "Key expiry" [--export ExpiringCache]` (rustlings' `dev new`) lays out a
// new day that lints clean: the scaffold, the guide and CHECKPOINT.md, the solution, a checkpoint with one requirement,
// the manifest entry, one planted bug (a patch naming the requirement that catches it), the front page's row and the contract's line; then it
// rewrites what is derived (the requirement table, the grade order, the checksums). Every spot to fill is marked TODO.
// Steps and couplings: docs/authoring.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { days } from '../../course/days.ts';
import { root } from '../paths.ts';
import { bugPatch, checkpoint, dayFile, guide, manifestEntry, namesOf, scaffold, solution, spec, type NewDay } from './new-day/templates.ts';

/** Why `slug` and `title` cannot name a new day, or undefined. */
export function refusal(slug: string | undefined, title: string | undefined): string | undefined {
  if (!slug || !title) return 'Give the folder name and the title: npm run new-day -- 07-expiry "Key expiry"';
  if (!/^\d{2}-[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(slug)) return `"${slug}" is not a day folder name: two digits, a hyphen, lowercase words (07-expiry).`;
  const day = namesOf(slug, title);
  const taken = days.find((other) => other.id === day.id || other.slug === slug);
  if (taken) return `${day.id} exists already (days/${taken.slug}, "${taken.title}"): pick the next number.`;
  return undefined;
}

// Writes `text` to repo-relative `path`, refusing to overwrite anything.
function create(path: string, text: string): string {
  const full = resolve(root, path);
  if (existsSync(full)) throw new Error(`${path} exists already; new-day writes only new files.`);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  return path;
}

// Inserts `text` into repo-relative `path` at the offset `where` finds in its text.
function insert(path: string, where: (text: string) => number, text: string): string {
  const full = resolve(root, path);
  const before = readFileSync(full, 'utf8');
  const index = where(before);
  if (index < 0) throw new Error(`${path} has no place for the new day; add it by hand (docs/authoring.md).`);
  writeFileSync(full, `${before.slice(0, index)}${text}${before.slice(index)}`);
  return path;
}

/** Just after the last row of the front page's table of days. */
const afterLastDayRow = (text: string) => Math.max(-1, ...[...text.matchAll(/^\| \d+ \| `days\/[^\n]*\n/gm)].map((row) => row.index + row[0].length));

/** At the end of docs/architecture.md's list of learner-facing modules. */
function endOfModules(text: string): number {
  const section = text.indexOf('### Learner-facing modules');
  const end = section < 0 ? -1 : text.indexOf('\n\n', section);
  return end < 0 ? -1 : end + 1;
}

/** The manifest entry: its own file and two lines of course/days.ts when the manifest is one file per day, else an
 *  element appended to course/days.ts's list. */
function addToManifest(day: NewDay): string[] {
  if (!existsSync(resolve(root, 'course/days'))) return [insert('course/days.ts', (text) => text.search(/^\];\n/m), manifestEntry(day))];
  const imports = (text: string) =>
    Math.max(-1, ...[...text.matchAll(/^import \{ \w+ \} from '\.\/days\/[^']+';\n/gm)].map((line) => line.index + line[0].length));
  const listEnd = (text: string) => {
    const opening = 'export const days: Day[] = [';
    const start = text.indexOf(opening);
    return start < 0 ? -1 : text.indexOf(']', start + opening.length);
  };
  create(`course/days/${day.slug}.ts`, dayFile(day));
  insert('course/days.ts', imports, `import { ${day.id} } from './days/${day.slug}.ts';\n`);
  const text = readFileSync(resolve(root, 'course/days.ts'), 'utf8');
  const multiline = text.slice(0, listEnd(text)).endsWith('\n');
  insert('course/days.ts', multiline ? (t) => t.lastIndexOf('\n', listEnd(t)) + 1 : listEnd, multiline ? `  ${day.id},\n` : `, ${day.id}`);
  return [`course/days/${day.slug}.ts`, 'course/days.ts'];
}

/** Lays out `day` in the repo; returns the files it wrote or changed. */
export function newDay(day: NewDay): string[] {
  const test = day.file.split('/')[1]!.replace(/\.ts$/, '.test.ts');
  return [
    create(`days/${day.file}`, scaffold(day)),
    create(`solutions/${day.file}`, solution(day)),
    create(`days/${day.slug}/README.md`, guide(day)),
    create(`days/${day.slug}/CHECKPOINT.md`, spec(day)),
    create(`checkpoints/${day.id}/${test}`, checkpoint(day)),
    create(`test/fixtures/${day.id}/${day.bug}/bug.patch`, bugPatch(day)),
    ...addToManifest(day),
    insert('README.md', afterLastDayRow, `| ${day.number} | \`days/${day.slug}\` | ${day.title} |\n`),
    insert('docs/architecture.md', endOfModules, `- \`${day.file}\`: \`${day.name}\`, as \`days/${day.slug}/CHECKPOINT.md\`'s "Required exports" states it.\n`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const exportAt = args.indexOf('--export');
  const exported = exportAt < 0 ? undefined : args.splice(exportAt, 2)[1];
  const [slug, title] = args.filter((arg) => !arg.startsWith('--'));
  const refused =
    refusal(slug, title) ??
    (exported !== undefined && !/^[A-Za-z_]\w*$/.test(exported)
      ? `--export "${exported}" is not a name: a function (expiry) or a class (ExpiringCache).`
      : undefined);
  if (refused) {
    console.error(refused);
    process.exit(2);
  }
  const day = namesOf(slug!, title!, exported);
  console.log(`Laid out ${day.id} — ${day.title}:\n  ${newDay(day).join('\n  ')}`);
  // What is derived from the manifest (the CHECKPOINT.md table, the grade order, the checksums), then the whole lint.
  const lint = spawnSync(process.execPath, ['--import', 'tsx', 'grader/tools/lint-course.ts', '--write'], { cwd: root, stdio: 'inherit' });
  process.exitCode = lint.status ?? 1;
  console.log(
    `Next: fill the TODOs (grep -rn TODO days/${day.slug} solutions/${day.slug} checkpoints/${day.id}), then npm run lint:course and npm run check ${day.id} -- --target solutions.`,
  );
}
