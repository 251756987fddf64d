// The files `npm run new-day` writes for a day: a skeleton with one requirement that lints clean, every spot the
// author fills marked TODO. Each template takes the day's names (NewDay) and returns the file's text.
import { githubAnchor } from '../../explain.ts';
import { hintsMarker } from '../lint/guides.ts';

/** The names of a new day, all derived from its folder name and title. */
export interface NewDay {
  /** `7` */
  number: number;
  /** `day7` */
  id: string;
  /** `07-expiry` */
  slug: string;
  /** `Key expiry` */
  title: string;
  /** The learner file, relative to the tree: `07-expiry/expiry.ts`. */
  file: string;
  /** Its one export: a function (`expiry`), or a class when capitalized (`ExpiringCache`). */
  name: string;
  /** What the stub is called in its "not implemented yet" line (`expiry`, `ExpiringCache.status`), and how a
   *  checkpoint calls it (`expiry()`, `new ExpiringCache().status()`). */
  member: string;
  call: string;
  /** The first requirement's id, sentence and describe group. */
  requirement: { id: string; sentence: string; group: string };
  /** The "When it fails" entry the requirement links to, and the one hint. */
  failure: string;
  hint: string;
  /** The first planted bug's folder name. */
  bug: string;
}

/** The names for folder `slug` (`07-expiry`), `title`, and the export (default: the folder's words, `expiry`). */
export function namesOf(slug: string, title: string, exported?: string): NewDay {
  const number = Number.parseInt(slug, 10);
  const stem = slug.replace(/^\d+-/, '');
  const name = exported ?? stem.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
  const isClass = /^[A-Z]/.test(name);
  const call = isClass ? `new ${name}().status()` : `${name}()`;
  return {
    number,
    id: `day${number}`,
    slug,
    title,
    file: `${slug}/${stem}.ts`,
    name,
    member: isClass ? `${name}.status` : name,
    call,
    requirement: { id: 'answers-ready', sentence: `${call} answers "ready"`, group: title },
    failure: `\`${name}\` answers something else`,
    hint: `What does \`${call}\` return before you start? TODO: a question-style hint, shown by npm run hint ${number} and folded in the guide.`,
    bug: 'wrong-answer',
  };
}

/** The export's declaration around `body` (its lines, indented for a function): a function, or a class with a method. */
function declaration(day: NewDay, body: string[]): string {
  if (day.member === day.name)
    return [`/** TODO: what it does. */`, `export function ${day.name}(): string {`, ...body.map((line) => `  ${line}`), '}'].join('\n');
  return [
    `/** TODO: what it is. */`,
    `export class ${day.name} {`,
    '  /** TODO: what it does. */',
    '  status(): string {',
    ...body.map((line) => `    ${line}`),
    '  }',
    '}',
  ].join('\n');
}

/** days/<slug>/<stem>.ts: the scaffold, a stub that throws "not implemented yet". */
export const scaffold = (day: NewDay) => `// Day ${day.number} · ${day.title}: TODO say in one line what to build.
// Check it: npm run check ${day.id} · Guide: days/${day.slug}/README.md, "Your mission"

${declaration(day, ['// TODO: Return "ready" (replace this with the day\'s first task).', `throw new Error('not implemented yet: ${day.member} in days/${day.file}');`])}
`;

/** solutions/<slug>/<stem>.ts: the clearest correct version. */
export const solution = (day: NewDay) => `// Day ${day.number} solution: TODO say what it shows.

${declaration(day, ["return 'ready';"])}
`;

/** checkpoints/day<N>/<stem>.test.ts: the checkpoint, one requirement with its id. */
export const checkpoint = (day: NewDay) => `// Day ${day.number} checkpoint: TODO say what it holds the learner's code to.
import { describe, it } from '../support/requirement.ts';
import { expectEqual } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';

const file = '${day.file}';

describe('${day.requirement.group}', () => {
  it('${day.requirement.sentence}', { meta: { id: '${day.requirement.id}' } }, async () => {
    const { ${day.name} } = await learnerModule<typeof import('@learner/${day.file}')>(file, ['${day.name}']);
    expectEqual(${day.call}, 'ready', '${day.call} did not answer "ready".', { where: \`${day.member} in \${shown(file)}\`, fix: 'Return the string "ready".' });
  });
});
`;

/** days/<slug>/README.md: the guide, with the sections the lint and the grader read. */
export const guide = (day: NewDay) => `# Day ${day.number} — ${day.title}

## Your mission
TODO: what the learner builds today, and why.

## Requirements
- \`${day.call}\` answers "ready" (TODO: the day's real requirements).

## Checkpoint: how to know you're done
**Command to run:** \`npm run check ${day.id}\`.
**Expected output:** every line ✓, then \`✓ day ${day.number} passed\`. The exact requirements are in
[CHECKPOINT.md](CHECKPOINT.md).

## When it fails

Each entry below is one way day ${day.number} goes wrong.

### ${day.failure}
TODO: what the message means, how to confirm it, and the way out.

## Hints (only look if stuck)
\`npm run hint ${day.id}\` shows them one at a time; they are the same text as below.
${hintsMarker}

<details>
<summary>Hint 1: ${/^[^?]*[?]/.exec(day.hint)![0]}</summary>

${day.hint}

</details>
`;

/** days/<slug>/CHECKPOINT.md: the spec; its requirement table is written by the lint. */
export const spec = (day: NewDay) => `# Day ${day.number} checkpoint — ${day.title}

Run it with \`npm run check ${day.id}\`. The grader imports your \`days/${day.file}\` and runs the suites in
\`checkpoints/${day.id}/\`.

## Tests
TODO: each requirement in words, with the inputs it uses.

## Required exports
- \`days/${day.file}\`: \`export ${day.member === day.name ? `function ${day.name}(): string` : `class ${day.name} { status(): string }`}\`

## Completion criteria
| call | result |
| --- | --- |
| \`${day.call}\` | \`"ready"\` |

\`npm run check ${day.id}\` prints \`✓ day ${day.number} passed\` and exits 0.
`;

const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The day's own manifest file, course/days/<slug>.ts (the manifest split one file per day). */
export const dayFile = (
  day: NewDay,
) => `// Day ${day.number} (${day.slug}): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { whenItFails, type Day } from '../day.ts';

/** The "When it fails" entries of days/${day.slug}/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  answersElse: ${quoted(day.failure)},
});

export const ${day.id}: Day = {
  id: '${day.id}',
  slug: '${day.slug}',
  title: ${quoted(day.title)},
  files: ['${day.file}'],
  exports: { '${day.file}': ['${day.name}'] },
  checkpoints: ['checkpoints/${day.id}/${day.file.split('/')[1]!.replace(/\.ts$/, '.test.ts')}'],
  testTimeoutMs: 5_000,
  timeLimitSec: 60,
  hints: [${quoted(day.hint)}],
  explain: {
    '${day.requirement.id}': guide.answersElse,
  },
};
`;

/** The manifest entry (course/days.ts, one file for every day), indented as an element of `days`. */
export const manifestEntry = (day: NewDay) => `  {
    id: '${day.id}',
    slug: '${day.slug}',
    title: '${day.title.replace(/'/g, "\\'")}',
    files: ['${day.file}'],
    exports: { '${day.file}': ['${day.name}'] },
    checkpoints: ['checkpoints/${day.id}/${day.file.split('/')[1]!.replace(/\.ts$/, '.test.ts')}'],
    testTimeoutMs: 5_000,
    timeLimitSec: 60,
    hints: ['${day.hint.replace(/'/g, "\\'")}'],
    explain: {
      '${day.requirement.id}': { anchor: '${githubAnchor(day.failure)}', title: '${day.failure.replace(/'/g, "\\'")}' },
    },
  },
`;

/** test/fixtures/day<N>/<bug>/bug.patch: the planted bug, a diff against the solution; its first line names the
 *  requirement that must catch it (test/planted.test.ts). */
export const bugPatch = (day: NewDay) => {
  const before = solution(day).trimEnd().split('\n');
  const after = before.map((line, i) =>
    i === 0 ? `// Planted bug (${day.bug}): ${day.call} answers "not ready".` : line.replace("return 'ready';", "return 'not ready'; // BUG: the wrong answer"),
  );
  const lines = before.flatMap((line, i) => (line === after[i] ? [` ${line}`] : [`-${line}`, `+${after[i]}`]));
  return [`Caught by: ${day.requirement.id}`, `--- a/${day.file}`, `+++ b/${day.file}`, `@@ -1,${before.length} +1,${after.length} @@`, ...lines, ''].join(
    '\n',
  );
};
