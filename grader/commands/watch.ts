// `npm run watch [day1] [--manual] [--target DIR]`: re-check a day on every save; `r` re-runs, `q` quits.
import { createInterface } from 'node:readline';
import chalk from 'chalk';
import { flag, requireDay, requireTarget, type Args } from '../args.ts';
import { nextDay, type Day } from '../../course/days.ts';
import { display } from '../paths.ts';
import { firstUnfinishedDay, recordProgress } from '../progress.ts';
import { renderDay } from '../render.ts';
import { runDay } from '../run-day.ts';
import { runSeed } from '../seed.ts';
import { watchSaves, type Saves } from '../watch/saves.ts';

/** Watches the tree and re-checks `day` until `q`; exit 0. */
export async function watch(args: Args): Promise<number> {
  const target = requireTarget(flag(args, 'target'), []);
  let day: Day = args.positionals[0] ? requireDay(args.positionals[0]) : firstUnfinishedDay(display(target));
  requireTarget(flag(args, 'target'), [day]);
  let manual = args.flags.has('manual');
  let controller: AbortController | undefined;
  let runs = 0;
  let lastPassed = false;

  const run = async (reason: string) => {
    controller?.abort();
    const mine = (controller = new AbortController());
    runs += 1;
    // A dumb terminal (TERM=dumb: an editor's shell, a CI log) would print the escape codes as text.
    if (process.stdout.isTTY && process.env.TERM !== 'dumb') process.stdout.write('\x1B[2J\x1B[3J\x1B[H');
    console.log(chalk.dim(`[watch] run ${runs} — ${reason} · ${new Date().toTimeString().slice(0, 8)}`));
    const seed = runSeed();
    const result = await runDay(day, { target, seed, signal: mine.signal });
    if (mine.signal.aborted) return;
    console.log(renderDay(day, result, { target, seed }));
    recordProgress(target, [result]);
    lastPassed = result.passed;
    const keys = [manual ? 'r + Enter: check again' : `watching ${display(target)}/ for saves · r + Enter: check again`, 'q + Enter: quit'];
    if (result.passed && nextDay(day)) keys.splice(1, 0, `n + Enter: go on to ${nextDay(day)!.id}`);
    console.log(chalk.dim(`\n[watch] ${keys.join(' · ')}`));
  };

  let saves: Saves | undefined;
  if (!manual) {
    try {
      saves = watchSaves(
        target,
        (file) => void run(`saved ${file}`),
        () => fallBack(),
      );
    } catch {
      fallBack();
    }
  }
  function fallBack() {
    void saves?.close();
    manual = true;
    console.log(chalk.yellow('[watch] This file system does not report saves, so watch is in manual mode: press r + Enter after each save.'));
  }

  void run(manual ? 'manual mode (press r + Enter to check again)' : 'start');
  await new Promise<void>((quit) => {
    const keys = createInterface({ input: process.stdin, terminal: false });
    keys.on('line', (line) => {
      const key = line.trim().toLowerCase();
      if (key === 'q') {
        keys.close();
        quit();
      } else if (key === 'r' || key === '') {
        void run('you pressed r');
      } else if (key === 'n' && lastPassed && nextDay(day)) {
        day = nextDay(day)!;
        void run(`on to ${day.id}`);
      }
    });
  });
  controller?.abort();
  await saves?.close();
  process.stdin.destroy();
  console.log('[watch] bye.');
  return 0;
}
