// `npm run ask day2 [--target DIR]`: checks the day, then writes a good question about its first failing requirement.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flag, requireDay, requireTarget, UsageError, type Args } from '../args.ts';
import { codeFor, pointerOf } from '../ask/locate.ts';
import { buildQuestion, missionOf } from '../ask/question.ts';
import { whyLine } from '../explain.ts';
import { display, root } from '../paths.ts';
import { recordProgress } from '../progress.ts';
import { runDay } from '../run-day.ts';
import { runSeed } from '../seed.ts';
import { stateDir } from '../state.ts';
import { hintsShown } from './hint.ts';

function stamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** Runs the day; when a requirement fails, writes .cachelings/questions/<day>-<time>.md and prints its path (exit 0 either way). */
export async function ask(args: Args): Promise<number> {
  const day = requireDay(args.positionals[0]);
  const target = requireTarget(flag(args, 'target'), [day]);
  if (resolve(target) === resolve(root, 'solutions'))
    throw new UsageError('ask writes a question about your own code; solutions/ is the answer key. Run it on days/ (the default) or your own tree.');
  const seed = runSeed();
  console.log(`Checking ${day.id} on ${display(target)}/ first…`);
  const result = await runDay(day, { target, seed });
  recordProgress(target, [result]);
  // A required failure first; a bonus one (which never fails the day) only when nothing else fails.
  const failed = result.tests.filter((test) => test.status === 'failed');
  const failing = failed.find((test) => !test.bonus) ?? failed[0];
  if (!failing) {
    console.log(`✓ ${day.id} passes: there is no failing requirement to ask about. For feedback on the code itself: npm run review ${day.id}`);
    return 0;
  }
  const guide = resolve(root, 'days', day.slug, 'README.md');
  const pointer = pointerOf(failing);
  const at = new Date();
  const text = buildQuestion({
    day,
    result,
    failing,
    mission: existsSync(guide) ? missionOf(readFileSync(guide, 'utf8')) : undefined,
    code: pointer ? codeFor(target, pointer) : undefined,
    why: whyLine(day.id, failing),
    hintsSeen: hintsShown(day).map((index) => ({ number: index + 1, text: day.hints[index]! })),
    at,
  });
  const folder = resolve(stateDir(), 'questions');
  mkdirSync(folder, { recursive: true });
  const file = resolve(folder, `${day.id}-${stamp(at)}.md`);
  writeFileSync(file, text);
  console.log(`✗ "${failing.name}" fails. Your question is ready: ${display(file)}`);
  console.log('  Open it, fill in "What I tried" and "My question", then paste it wherever you ask for help.');
  return 0;
}
