// Day 6 (06-docs): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { code, whenItFails, type Day } from '../day.ts';

/** The "When it fails" entries of days/06-docs/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  failsTypeErrors: 'Step 1 fails: type errors',
  failsEarlierDay: 'Step 2 or 3 fails: an earlier day no longer passes',
  failsBenchmarksRun: 'Step 4 fails: the benchmarks do not run',
  failsServerStart: 'Step 5 or 6 fails: the server does not start or does not answer',
  failsUnderLoad: 'Step 7 fails: under the load gate',
  failsFormattingLint: 'Step 8 or 9 fails: formatting or lint findings',
  readmeQuestionsUnanswered: 'Your README does not answer the four questions',
  readmeFiguresUncheckable: "The README's figures cannot be held against this machine",
  exampleFails: 'An example does not run or prints something else',
  reflectionQuestionsUnanswered: '`REFLECTION.md` does not answer the four questions',
});

export const day6: Day = {
  id: 'day6',
  slug: '06-docs',
  title: 'Documentation & validation',
  files: ['06-docs/project/README.md', '06-docs/project/examples/library.ts', '06-docs/project/examples/server.ts', '06-docs/project/REFLECTION.md'],
  checkpoints: ['checkpoints/day6/checklist.test.ts'],
  typecheck: false, // step 1 of its checklist is tsc over every file
  rechecks: 'days 1–5',
  // Steps 2 and 3 read the results of days 1–5: the grader runs them first (unchanged, passing days are reused,
  // like `go test`'s cache) and hands them in.
  earlier: ['day1', 'day2', 'day3', 'day4', 'day5'],
  cascade: ['tests', 'race', 'load'],
  // Steps 2–4 read the learner's own tests (every *.test.ts of the tree) and benchmarks, also run by the grader first.
  learnerRuns: [
    { name: 'own-tests', mode: 'test', config: 'checkpoints/day6/own-tests.config.ts', limitMs: 120_000 },
    { name: 'bench', mode: 'bench', config: 'checkpoints/day3/bench.config.ts', needs: '03-testing/cache.bench.ts', limitMs: 120_000 },
  ],
  testTimeoutMs: 240_000,
  timeLimitSec: 600,
  hints: [
    'Which four questions must your README answer? What does the cache do, how do I run it, how do I test it, and how fast is it? For the ' +
      'last one, quote the figures the grader measured (`npm run grade` prints them under each day), not the ones you hope for, and say which ' +
      'machine printed them. Ratios travel better than absolute figures: "0.9× of real Redis on the same machine" is true on a laptop and ' +
      "on a classroom's runner alike.",
    'A step of the checklist shows ✗ and you want more detail? Every line ends with the command that shows it: run that command by hand (`npm ' +
      'run typecheck`, `npx prettier --check "days/**/*.ts"`, `npm run check day3`, `npm start`). What does it print that the one-line summary ' +
      'leaves out?',
    'Prettier says a file is not formatted? Run `npx prettier --write` on the file it names, then look at `git diff`: what did it change? ' +
      'Formatting is not taste here; it is the same rule for everyone, like `go fmt`.',
    'The lint found a `console.log` in library code or an export nothing uses? Who reads that line: the user of your library, or you while ' +
      'debugging? A library should stay quiet; printing belongs in `main.ts` or an example. An export nothing imports and the checkpoint ' +
      'does not require is not part of your API: drop the `export`, or the code.',
    'Does an example say what it prints? Put the lines it should print under a `// Expected output:` comment at its end, run it with `node ' +
      '--import tsx days/06-docs/project/examples/library.ts`, and compare. Does it also end by itself, closing the server it started?',
    'Stuck on the reflection? Think back to the moment you were most stuck this week: what was the question you could not answer, and what ' +
      'answered it? That is your "hardest", and often your "learned". What did you expect to be slow that was fast, or simple that was not?',
  ],
  hintFor: {
    'readme-questions': 0,
    format: 2,
    vet: 3,
    'example-library': 4,
    'example-server': 4,
    reflection: 5,
  },
  explain: {
    build: guide.failsTypeErrors,
    tests: guide.failsEarlierDay,
    race: guide.failsEarlierDay,
    bench: guide.failsBenchmarksRun,
    server: guide.failsServerStart,
    connect: guide.failsServerStart,
    load: guide.failsUnderLoad,
    format: guide.failsFormattingLint,
    vet: guide.failsFormattingLint,
    'readme-questions': guide.readmeQuestionsUnanswered,
    'readme-figures': guide.readmeFiguresUncheckable,
    'example-library': guide.exampleFails,
    'example-server': guide.exampleFails,
    reflection: guide.reflectionQuestionsUnanswered,
  },
};
