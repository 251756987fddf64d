// A failed requirement, diagnosed as the terminal check reads it: its cause, where to look, what to try and the guide
// entry, each a note (vitest annotation) in the UI's report panel; the run's first failure says "start here".
import type { TestContext } from 'vitest';
import type { Day } from '../../course/days.ts';
import { explanationFor } from '../../course/explain.ts';
import { fillTheTodo, frameIn, todoCause, type Cause } from '../../harness/cause.ts';
import type { Advice } from '../../harness/check.ts';
import { guideEntry } from '../../harness/guide.ts';
import { withLine } from '../../harness/look-at.ts';
import { recordPrecondition, recordShown, shownFailures } from './ledger.ts';
import { drawPicture, picturesOf } from './pictures.ts';

/** A failure as the diagnosis reads it. */
interface Failure {
  message: string;
  cause?: Cause;
  where?: string;
  fix?: string;
}

/** What a thrown value says: a CheckError's advice, or the learner's own error with its first frame in their tree. */
function readFailure(error: unknown): Failure {
  const thrown = (error ?? {}) as { name?: string; message?: string; stack?: string; advice?: Advice; failure?: Cause };
  if (thrown.name === 'CheckError' && thrown.advice) {
    return { message: thrown.message ?? '', where: thrown.advice.where, fix: thrown.advice.fix, ...(thrown.failure && { cause: thrown.failure }) };
  }
  const message = String(thrown.message ?? error);
  const where = frameIn(thrown.stack, process.env.CACHELINGS_TARGET ?? '');
  const todo = todoCause(message);
  if (todo) return { message, where, fix: fillTheTodo, cause: todo };
  return { message: `Your code threw ${thrown.name ?? 'Error'}: ${message}`, where };
}

/** Markdown's bold and italic marks dropped (a note shows plain text); code marks stay, they name code. */
function unmarked(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1$2');
}

/** A guide entry as notes: each paragraph led by a bold phrase ("**Confirm it.**") is a note named by it, and the
 *  folded "way out" is one named by its summary; markdown marks other than code are dropped. */
function guideNotes(markdown: string): [type: string, message: string][] {
  const notes: [string, string][] = [];
  const folded = /<details>\s*<summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/g;
  for (const paragraph of markdown.replace(folded, '').split(/\n\s*\n/)) {
    const text = paragraph.trim();
    if (!text) continue;
    const lead = /^\*\*([^*]+?)\.?\*\*\s*/.exec(text);
    if (lead) notes.push([lead[1]!.toLowerCase(), unmarked(text.slice(lead[0].length))]);
    else if (notes.length > 0) notes.at(-1)![1] += `\n\n${unmarked(text)}`;
    else notes.push(['in the guide', unmarked(text)]);
  }
  for (const [, summary, body] of markdown.matchAll(folded)) notes.push([summary!.trim().toLowerCase(), unmarked(body!).trim()]);
  return notes;
}

/** `text` with every line longer than `width` broken at spaces, continuing under the text after its label
 *  ("Try:      …"): the UI's error panel does not wrap, and cuts long lines at its edge. */
function wrapLines(text: string, width = 96): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const pad = ' '.repeat(/^(\w[\w ]*:\s+|\s+)/.exec(line)?.[0].length ?? 0);
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= pad.length) break;
        out.push(rest.slice(0, cut));
        rest = pad + rest.slice(cut + 1);
      }
      return [...out, rest].join('\n');
    })
    .join('\n');
}

/** What to try, as a note: the advice before any listing it introduces (a line ending in ":" such as the schedule,
 *  shown in the error above and in the timeline). */
function tryNote(fix: string): string {
  const lines = fix.split('\n');
  const listing = lines.findIndex((line) => /:\s*$/.test(line));
  return (listing === -1 ? lines : lines.slice(0, listing)).join('\n');
}

/** Whether a failure of a cause already shown becomes a skip that says so: in the UI and a plain vitest, where no
 *  grader folds the report; the grader (CACHELINGS_EVENTS_FD) keeps every failure and folds when it prints. */
const folds = () => !process.env.CACHELINGS_EVENTS_FD;

/** Diagnoses the failure `error` of requirement `id` of `day` (running in `context`): folds it under an earlier one
 *  of the same cause, or attaches its notes. */
export async function diagnose(context: TestContext, error: unknown, day: Day, id: string, bonus: boolean): Promise<void> {
  const task = context.task;
  const failure = readFailure(error);
  const key = failure.cause && !bonus ? `${failure.cause.kind}\0${failure.cause.title}` : undefined;
  const shown = shownFailures();
  const earlier = key ? shown.find((one) => one.key === key) : undefined;
  if (earlier && folds()) {
    // A skip fires no onTestFailed (run-setup.ts): a folded precondition is noted here, so its dependents still skip.
    if (day.preconditions?.some((pre) => pre.requirement === id)) recordPrecondition(id);
    await context.annotate(
      `This requirement failed too, from the same cause as ✗ "${earlier.name}" (${failure.cause!.title}). Fix that one first: npm run check lists this one under it.`,
      'same cause',
    );
    context.skip(`same cause as ✗ "${earlier.name}": ${failure.cause!.title}`);
  }
  recordShown({ name: task.name, ...(key && { key }), ...(bonus && { bonus }) });
  const notes: [type: string, message: string][] = [];
  if (!bonus && !shown.some((one) => !one.bonus)) {
    const seed = process.env.GRADER_SEED;
    notes.push([
      'start here',
      `The first ✗ of npm run check ${day.id}: fix it first, then run again. What fails after it may be the same bug.${seed ? `\nRandom data of this run: GRADER_SEED=${seed} (npm run check ${day.id} with it replays them).` : ''}`,
    ]);
  }
  if (bonus) notes.push(['bonus', 'bonus — not required to pass the day']);
  if (failure.cause) notes.push(['cause', failure.cause.title]);
  if (failure.where) notes.push(['look at', withLine(failure.where)]);
  if (failure.fix) notes.push(['try', tryNote(failure.fix)]);
  const explanation = explanationFor(day, { id, message: failure.message, ...(failure.cause && { cause: failure.cause }) });
  const entry = explanation && guideEntry(day.slug, explanation.anchor);
  if (explanation)
    notes.push(['why this happens', `${explanation.title} — days/${day.slug}/README.md#${explanation.anchor}`], ...(entry ? guideNotes(entry.body) : []));
  for (const [type, message] of notes) await context.annotate(message, type);
  // The grader prints neither wrapped messages nor pictures: it keeps the message as the report has it, and its CPU.
  if (!folds()) return;
  if (error instanceof Error) error.message = wrapLines(error.message);
  for (const picture of picturesOf(error))
    await context.annotate(picture.caption, picture.type, { contentType: 'image/svg+xml', body: new TextEncoder().encode(await drawPicture(picture)) });
}
