// Words the grader would otherwise ignore: extra positionals, and grader options that npm kept for itself.
// `npm run check day1 --json out.json` (no `--`) hands `--json` to npm, which sets npm_config_json and passes
// only `day1 out.json` on; without this check the run would pass and write nothing. `--only` is the one option npm
// swallows whole, value included and with no npm_config_only left behind, so it cannot be noticed (the README says so).
import { UsageError, type Args } from './args.ts';
import { findDay } from '../course/days.ts';

/** How many positional words each command takes (a day, for most: 1); any more are strays. */
const positionals: Record<string, number> = { grade: 0, status: 0, share: 0, class: 2 };

/** Every grader option, and whether it takes a value (npm turns the value into a stray word). */
const graderOptions: Record<string, boolean> = {
  target: true,
  json: true,
  repeat: true,
  format: true,
  port: true,
  only: true,
  roster: true,
  debug: false,
  yes: false,
  manual: false,
  all: false,
};

/** Grader options npm swallowed: npm_config_<name> is set while npm runs this very script (`npm run <command>`). */
export function swallowedOptions(command: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.npm_lifecycle_event !== command) return [];
  return Object.keys(graderOptions).filter((name) => env[`npm_config_${name}`] !== undefined && env[`npm_config_${name}`] !== '');
}

function corrected(command: string, day: string | undefined, swallowed: string[], strays: string[]): string {
  const valued = swallowed.filter((name) => graderOptions[name]);
  const pairOne = valued.length === 1 && strays.length === 1;
  const options = swallowed.map((name) => {
    if (!graderOptions[name]) return `--${name}`;
    return `--${name} ${pairOne ? quoted(strays[0]!) : name === 'json' ? 'FILE' : name === 'target' ? 'DIR' : '…'}`;
  });
  return ['npm run', command, day, options.length > 0 ? `-- ${options.join(' ')}` : undefined].filter(Boolean).join(' ');
}

function quoted(word: string): string {
  return /^[\w./:@=-]+$/.test(word) ? word : `"${word.replaceAll('"', '\\"')}"`;
}

/** Throws a one-line UsageError (exit 2) naming the stray words or swallowed options and the command to run instead. */
export function rejectStrays(command: string, args: Args, env: NodeJS.ProcessEnv = process.env): void {
  const limit = positionals[command] ?? 1;
  const day = limit > 0 ? args.positionals.slice(0, limit).join(' ') || undefined : undefined;
  const strays = args.positionals.slice(limit);
  // `npm run check day 2`: the day was typed in two words; name it as one in the command to run instead.
  const joined = limit === 1 && strays.length === 1 ? `${day}${strays[0]}` : undefined;
  if (joined && findDay(joined)) {
    const parts = args.positionals.join(' ');
    throw new UsageError(
      `npm run ${command} takes the day as one word; "${parts}" is two, so nothing was run. Did you mean: ${corrected(command, joined, swallowedOptions(command, env), [])}`,
    );
  }
  const swallowed = swallowedOptions(command, env);
  if (strays.length === 0 && swallowed.length === 0) return;
  const fix = corrected(command, day, swallowed, strays);
  if (swallowed.length > 0) {
    const names = swallowed.map((name) => `--${name}`).join(', ');
    const lost =
      strays.length > 0 ? ` and passed ${strays.map((word) => `"${word}"`).join(', ')} on as ${strays.length === 1 ? 'a stray word' : 'stray words'}` : '';
    // npm, told --json, answers any exit code but 0 with its own {"error": {"code": 2, …}} block after this line.
    const block = swallowed.includes('json') ? ' (the {"error": …} block npm prints after this line only repeats its exit code, 2)' : '';
    throw new UsageError(`npm kept ${names} for itself (options before -- belong to npm)${lost}; nothing was run${block}. Put grader options after --: ${fix}`);
  }
  const takes = limit === 0 ? 'takes no day or other word' : limit === 1 ? 'takes one day' : `takes at most ${limit} words`;
  throw new UsageError(`npm run ${command} ${takes}; ${strays.map((word) => `"${word}"`).join(', ')} is not used, so nothing was run. Did you mean: ${fix}`);
}
