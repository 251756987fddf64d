// Command-line parsing for the grader: positionals, --flags, and usage errors that say what is valid.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { days, findDay, type Day } from '../course/days.ts';
import { display, root } from './paths.ts';

/** A mistake in how the grader was called; printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Parsed arguments: words, and `--name value` / `--name` flags. */
export interface Args {
  positionals: string[];
  flags: Map<string, string | true>;
}

const valued = new Set(['target', 'json', 'repeat', 'format', 'port', 'only', 'learner', 'roster']);
const switches = new Set(['debug', 'yes', 'manual', 'all']);

/** Splits argv into positionals and flags; unknown flags are usage errors. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i]!;
    if (word === '--') continue; // npm's separator, when the grader is run without npm
    if (!word.startsWith('--')) {
      args.positionals.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split('=', 2) as [string, string | undefined];
    if (switches.has(name)) {
      args.flags.set(name, true);
      continue;
    }
    if (!valued.has(name))
      throw new UsageError(
        `Unknown option --${name}. Valid options: ${[...valued, ...switches].map((flag) => `--${flag}`).join(', ')} (npm run check -- --help says what each does).`,
      );
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`--${name} needs a value, e.g. --${name} ${name === 'target' ? 'solutions' : name === 'json' ? 'report.json' : '…'}.`);
    args.flags.set(name, value);
  }
  return args;
}

/** The string value of `--name`, if given. */
export function flag(args: Args, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Resolves a path the learner typed, relative to where they ran npm. */
export function fromUser(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** The tree `--target` names (relative to where the learner ran npm), or without one the workbook's own days/, from
 *  whichever folder of the workbook the command was run. */
export function targetPath(path: string | undefined): string {
  return path === undefined ? resolve(root, 'days') : fromUser(path);
}

/** The day named by `name`, or a usage error listing the valid names. */
export function requireDay(name: string | undefined): Day {
  const valid = days.map((day) => `${day.id} (${day.slug})`).join(', ');
  if (!name) throw new UsageError(`Which day? Give one of: ${valid}. Example: npm run check day1`);
  const day = findDay(name);
  if (!day) throw new UsageError(`There is no day "${name}". Valid days: ${valid}.`);
  return day;
}

/** The tree to grade (default days/), checked to exist and to hold each of `needed`'s folders. */
export function requireTarget(path: string | undefined, needed: Day[]): string {
  const target = targetPath(path);
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(
      `${path === undefined ? target : `--target ${path}`}: no such folder. Give a folder laid out like days/ (for example days or solutions).`,
    );
  }
  // Anywhere else the grader reads the tree as ES modules with the workbook's packages (harness/any-tree.ts); files
  // under node_modules are packages, which it leaves to Node as they are.
  if (target.split(sep).includes('node_modules')) {
    throw new UsageError(
      `--target ${path} lies inside a node_modules folder, where your files would be read as a package's: copy the tree anywhere else (outside node_modules) and grade that.`,
    );
  }
  for (const day of needed) {
    if (!existsSync(resolve(target, day.slug))) {
      throw new UsageError(`${path ?? display(target)} has no ${day.slug}/ folder, so ${day.id} cannot be checked there. Give a folder laid out like days/.`);
    }
  }
  return target;
}

/** `--learner NAME`: the name the reports carry (grader/identity.ts reads it from CACHELINGS_LEARNER). */
export function useLearnerName(args: Args): void {
  const name = flag(args, 'learner');
  if (name !== undefined) process.env.CACHELINGS_LEARNER = name;
}

/** The file `--json` should write, checked to be writable-looking before any work is done. */
export function requireJsonPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const file = fromUser(path);
  if (!existsSync(dirname(file))) throw new UsageError(`--json ${path}: the folder ${dirname(file)} does not exist.`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--json ${path} is a folder; give a file name such as report.json.`);
  return file;
}
