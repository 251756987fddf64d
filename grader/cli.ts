// The grader's command line: `node --import tsx grader/cli.ts <command> [day] [--options]`.
import chalk from 'chalk';
import { parseArgs, UsageError, type Args } from './args.ts';
import { killAllRuns } from './run-day.ts';

type Command = (args: Args) => Promise<number>;

/** Every command, loaded only when used so the grader starts quickly. */
const commands: Record<string, { about: string; load: () => Promise<Command> }> = {
  check: { about: "run one day's checkpoint", load: async () => (await import('./commands/check.ts')).check },
  grade: { about: 'run every day and print a report card', load: async () => (await import('./commands/grade.ts')).grade },
  hint: { about: 'show the next hint of a day', load: async () => (await import('./commands/hint.ts')).hint },
  status: { about: 'which days pass, from the last runs', load: async () => (await import('./commands/status.ts')).status },
  share: { about: 'write a markdown file of your week to share', load: async () => (await import('./commands/share.ts')).share },
  // @commands: later commands (watch, ui, reset, diff, ask, review, share) are registered here, one line each.
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands).map(([key, value]) => `  npm run ${key.padEnd(7)} ${value.about}`).join('\n');
    console.error(`${name ? `Unknown command "${name}".` : 'Which command?'} Commands:\n${list}`);
    return 2;
  }
  return (await command.load())(parseArgs(rest));
}

process.on('SIGINT', () => {
  killAllRuns();
  console.error('\nStopped. Everything the check started has been shut down.');
  process.exit(130);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  killAllRuns();
  if (error instanceof UsageError) {
    console.error(chalk.red(error.message));
    process.exitCode = 2;
  } else {
    console.error(chalk.red('The grader itself failed. This is a bug in cachelings, not in your code; please report it with the text below.'));
    console.error(error);
    process.exitCode = 1;
  }
}
