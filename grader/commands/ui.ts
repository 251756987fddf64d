// `npm run ui [day1] [--target DIR] [--port N]`: the vitest UI on a day's checkpoint, on 127.0.0.1, until Ctrl-C.
import { freePort } from '../../harness/ports.ts';
import { createInterface } from 'node:readline';
import chalk from 'chalk';
import { flag, requireDay, requireTarget, UsageError, type Args } from '../args.ts';
import { childNodeFlags, display, vitestBin } from '../paths.ts';
import { firstUnfinishedDay } from '../progress.ts';
import { needsHandIn, removeHandIn } from '../hand-in.ts';
import { writeHandIn } from '../run-day.ts';
import { startGroup } from '../process-group.ts';
import { runSeed } from '../seed.ts';

/** Whether a browser window can be opened here: not in CI or over SSH, and on Linux only with a display. */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (env.CI || env.SSH_CONNECTION || env.CACHELINGS_NO_BROWSER) return false;
  return platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Starts vitest's UI in watch mode on the day's checkpoint files and keeps it running; the exit code is vitest's. */
export async function ui(args: Args): Promise<number> {
  const target = requireTarget(flag(args, 'target'), []);
  const day = args.positionals[0] ? requireDay(args.positionals[0]) : firstUnfinishedDay(display(target));
  requireTarget(flag(args, 'target'), [day]);
  const given = flag(args, 'port');
  if (given !== undefined && !/^\d+$/.test(given)) throw new UsageError(`--port needs a number such as 51204, got "${given}".`);
  const port = given ? Number(given) : await freePort();
  const seed = runSeed();
  // Days 3 and 6 judge runs of your own tests (and day 6 the earlier days), made by the grader before the checkpoint.
  const handedIn = needsHandIn(day);
  if (handedIn) console.log(chalk.dim(`Running what ${day.id} judges first (your own tests${day.earlier?.length ? ', the earlier days' : ''})…`));
  const handIn = await writeHandIn(day, target, seed);
  const open = canOpenBrowser();
  const vitestArgs = [
    '--config',
    'checkpoints/vitest.config.ts',
    '--ui',
    '--watch',
    `--open=${open}`,
    `--api.host=127.0.0.1`,
    `--api.port=${port}`,
    '--api.strictPort',
    '--reporter=dot',
    ...day.checkpoints,
    ...(day.bonus ?? []),
  ];
  const { child, closed } = startGroup({
    args: [...childNodeFlags, vitestBin, ...vitestArgs],
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      CACHELINGS_TARGET: target,
      GRADER_SEED: String(seed),
      CACHELINGS_TEST_TIMEOUT: String(day.testTimeoutMs),
      ...(handIn ? { CACHELINGS_HAND_IN: handIn } : {}),
    },
  });
  const address = `http://127.0.0.1:${port}/__vitest__/`;
  let announced = false;
  const show = (line: string) => {
    if (!announced && /UI started at|__vitest__/.test(line)) {
      announced = true;
      console.log(chalk.bold(`\ncachelings · vitest UI for ${day.id} — ${day.title}, on ${display(target)}/${day.slug}`));
      console.log(`  ${open ? 'Opening' : 'Open'} ${chalk.cyan(address)} in your browser. It re-runs when you save. Ctrl-C stops it.`);
      if (handedIn)
        console.log(
          chalk.dim(`  The runs of your own tests were made when the UI started: to judge a change to them, stop it and run npm run ui ${day.id} again.`),
        );
      console.log('');
      return;
    }
    // vitest's own failure output repeats what the UI shows; keep its summary lines (all with --debug).
    if (args.flags.has('debug') || /^\s*(Test Files|Tests)\s|Watching for file changes|Startup Error|already in use/.test(line))
      console.log(chalk.dim(`  ${line.trim()}`));
  };
  createInterface({ input: child.stdout! }).on('line', show);
  createInterface({ input: child.stderr! }).on('line', show);
  const code = await closed;
  removeHandIn(handIn);
  if (!announced) console.error(`The vitest UI did not start (exit code ${code}). If port ${port} is taken, try: npm run ui ${day.id} -- --port ${port + 1}`);
  return code ?? 1;
}
