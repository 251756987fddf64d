// The one list of the grader's commands (`npm run <name>` runs `node --import ./grader/temp-folder.mjs --import tsx grader/cli.ts <name>`), and of the
// other npm scripts with what each is for. package.json's scripts must agree with it (npm run lint:course checks).
import type { Args } from './args.ts';

/** A command's entry point. */
export type Command = (args: Args) => Promise<number>;

/** Every command of the grader, loaded only when used. */
export const commands: Record<string, { about: string; load: () => Promise<Command> }> = {
  check: { about: "run one day's checkpoint", load: async () => (await import('./commands/check.ts')).check },
  grade: { about: 'run every day and print a report card', load: async () => (await import('./commands/grade.ts')).grade },
  hint: { about: 'show the next hint of a day', load: async () => (await import('./commands/hint.ts')).hint },
  status: { about: 'which days pass, from the last runs', load: async () => (await import('./commands/status.ts')).status },
  reset: { about: "put a day's scaffold back (keeps a backup)", load: async () => (await import('./commands/reset.ts')).reset },
  'skip-to': {
    about: 'start at a later day: the days before it from the solutions (keeps a backup)',
    load: async () => (await import('./commands/skip-to.ts')).skipTo,
  },
  diff: { about: 'after a pass: your files beside the solution', load: async () => (await import('./commands/diff.ts')).diff },
  watch: { about: 're-check a day on every save (r: again, q: quit)', load: async () => (await import('./commands/watch.ts')).watch },
  ui: { about: "the vitest UI on a day's checkpoint, until Ctrl-C", load: async () => (await import('./commands/ui.ts')).ui },
  ask: { about: 'write a good question about the first failing requirement', load: async () => (await import('./commands/ask.ts')).ask },
  review: { about: "review a passing day's code: concrete points with file:line", load: async () => (await import('./commands/review.ts')).review },
  share: { about: 'write a markdown file of your week to share', load: async () => (await import('./commands/share.ts')).share },
  class: { about: "mentors: a class's reports (a folder) as one page", load: async () => (await import('./commands/class.ts')).classView },
};

/** The npm script of command `name`, as package.json must spell it. */
export function commandScript(name: string): string {
  return `node --import ./grader/temp-folder.mjs --import tsx grader/cli.ts ${name}`;
}

/** The npm scripts that are not grader commands: the learner's own programs, tools and maintainers' scripts. */
export const otherScripts: Record<string, string> = {
  start: "the learner's day-2 server",
  'start:day5': "the learner's tuned day-5 server",
  client: 'a tiny interactive client',
  loadtest: "the learner's day-4 load tester",
  gate: "real Redis under the grader's generator, and the day-5 gate it gives",
  compare: 'maintainers: load clients side by side against the solution and Redis',
  typecheck: 'tsc over the whole workbook',
  test: "maintainers: the workbook's own tests (type check, lints, dead code, every test file)",
  'test:unit': 'maintainers: the fast tier, the in-process tests that start no grader, vitest or server (under a minute)',
  lint: "maintainers: oxlint with type-aware rules (floating and misused promises) over the workbook's code",
  knip: 'maintainers: dead files, exports and dependencies',
  format: 'maintainers: prettier over the workbook',
  'format:check': 'maintainers: whether prettier would change a file',
  'lint:course': 'maintainers: guides, scaffolds, manifest, gates, commands and checksums agree',
  'new-day': "maintainers: lay out a new day's skeleton that lints clean (docs/authoring.md)",
};
