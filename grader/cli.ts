// The grader's command line: `node --import tsx grader/cli.ts <command> [day] [--options]`.
// Only the preflight and the list of commands (grader/registry.ts) load eagerly; a command loads when used, so the grader starts quickly.
import { basicProblems } from './preflight.ts';
import { commands } from './registry.ts';

/** What each option does, for `--help`. */
const options = [
  ['--target DIR', 'check another tree laid out like days/ (check, grade, status, watch, ui, share, …)'],
  ['--json FILE', 'also write the machine-readable report (check, grade)'],
  ['--only TEXT', 'check: run only the requirements whose name contains TEXT'],
  ['--repeat N', 'check: run N times and report the pass rate (a flakiness meter)'],
  ['--debug', 'check: show what your code prints, as [your_code] lines'],
  ['--format F', 'check, grade: report (default), classroom or exercism'],
  ['--roster FILE', 'class: one learner per line; each without a report keeps a row'],
  ['--all', 'hint: show every hint up to the current one'],
  ['--manual', 'watch: check again on r + Enter instead of on save'],
  ['--yes', 'reset: do not ask before restoring the scaffold'],
  ['--port P', 'ui: serve the UI on this port'],
];

function usage(): string {
  const list = Object.entries(commands)
    .map(([key, value]) => `  npm run ${key.padEnd(7)} ${value.about}`)
    .join('\n');
  const flags = options.map(([name, about]) => `  ${name!.padEnd(13)} ${about}`).join('\n');
  return `Commands:\n${list}\n\nOptions (after --, e.g. npm run check day2 -- --only "one byte"):\n${flags}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (argv.some((word) => word === '--help' || word === '-h') || name === 'help') {
    console.log(usage());
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`${name ? `Unknown command "${name}".` : 'Which command?'} ${usage()}`);
    return 2;
  }
  const { parseArgs } = await import('./args.ts');
  const args = parseArgs(rest);
  (await import('./strays.ts')).rejectStrays(name!, args);
  return (await command.load())(args);
}

// Ends every run and what it started; returns the pids that would not end.
async function stopRuns(): Promise<number[]> {
  const { killAllGroups } = await import('./process-group.ts');
  return killAllGroups();
}

// NO_COLOR (https://no-color.org): no colour from the grader (chalk reads FORCE_COLOR when first loaded, below) nor
// from anything it starts.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
const problem = basicProblems();
if (problem) {
  console.error(problem);
  process.exitCode = 1;
} else {
  process.on('SIGINT', () => {
    void stopRuns().then((alive) => {
      console.error(
        alive.length === 0
          ? '\nStopped. Everything the check started has been shut down.'
          : `\nStopped, but ${alive.length} process(es) the check started would not end: kill ${alive.join(' ')}`,
      );
      process.exit(130);
    });
  });
  for (const signal of ['SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stopRuns().then(() => process.exit(128 + (signal === 'SIGTERM' ? 15 : 1))));
  // A closed pipe (`npm run check day1 | head`) must not leave the check running either.
  process.stdout.on('error', () => void stopRuns().then(() => process.exit(1)));
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    await stopRuns();
    const { UsageError } = await import('./args.ts');
    const { default: chalk } = await import('chalk');
    if (error instanceof UsageError) {
      console.error(chalk.red(error.message));
      process.exitCode = 2;
    } else {
      console.error(chalk.red('The grader itself failed. This is a bug in cachelings, not in your code; please report it with the text below.'));
      console.error(error);
      process.exitCode = 1;
    }
  }
}
