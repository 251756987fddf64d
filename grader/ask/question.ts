// Writes a question in the guide's "Even better" shape: what I build, what fails, expected vs actual, my code, what I tried.
import { dayNumber, type Day } from '../../course/days.ts';
import type { DayResult, TestResult } from '../results.ts';
import type { Code } from './locate.ts';

/** Everything a question is made of. */
export interface QuestionParts {
  day: Day;
  result: DayResult;
  failing: TestResult;
  /** The first paragraph of the guide's "Your mission", if any. */
  mission?: string;
  code?: Code;
  /** The "Why this happens" line for the failure, if any. */
  why?: string;
  /** The hints the learner has already revealed with `npm run hint`, in the order shown, with the guide's numbers. */
  hintsSeen: { number: number; text: string }[];
  at: Date;
}

/** The first paragraph under "## Your mission" of a guide. */
export function missionOf(guide: string): string | undefined {
  const match = /^## Your mission\s*\n+([\s\S]*?)(?:\n\s*\n|\n#)/m.exec(guide);
  return match?.[1]?.trim() || undefined;
}

function fence(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

const span = (extract: { startLine: number; endLine: number }) =>
  extract.startLine === extract.endLine ? `line ${extract.startLine}` : `lines ${extract.startLine}–${extract.endLine}`;

const label = (extract: { name: string }) => (extract.name === 'the whole file' || extract.name.startsWith('line ') ? extract.name : `\`${extract.name}\``);

/** The question as markdown. */
export function buildQuestion(parts: QuestionParts): string {
  const { day, result, failing, code } = parts;
  const number = dayNumber(day);
  const required = result.tests.filter((test) => !test.bonus || test === failing);
  const passed = required.filter((test) => test.status === 'passed');
  const failed = required.filter((test) => test.status === 'failed');
  const advice = failing.message.split('\n').filter((line) => /^(Try|Hint):/.test(line.trim()));
  const out = [
    `# Day ${number} (${day.title}): "${failing.name}" fails`,
    '',
    `> Written by \`npm run ask ${day.id}\` on ${parts.at.toISOString().slice(0, 16).replace('T', ' ')} UTC. Fill in "What I tried" and "My question", then share it.`,
    '',
    "## What I'm building",
    '',
    `Day ${number} of cachelings: ${day.title}.${parts.mission ? `\n\n${parts.mission}` : ''}`,
    '',
    '## What works and what does not',
    '',
    `${passed.length} of ${required.length} requirements hold${passed.length > 0 ? `, for example "${passed[0]!.name}"` : ''}.`,
    `This one does not: **${failing.name}**${failing.group ? ` (${failing.group})` : ''}.`,
  ];
  const others = failed.filter((test) => test !== failing).map((test) => `"${test.name}"`);
  if (others.length > 0)
    out.push(
      `${others.length === 1 ? 'One other requirement fails' : `${others.length} other requirements fail`} too: ${others.slice(0, 3).join(', ')}${others.length > 3 ? `, and ${others.length - 3} more` : ''}.`,
    );
  out.push(
    '',
    '## Expected vs actual',
    '',
    `What \`npm run check ${day.id}\` printed for it${/\[client\]/.test(failing.message) ? ' (with the conversation between the grader and my server)' : ''}:`,
    '',
    fence(failing.message),
    '',
  );
  out.push('## My code', '');
  if (code) {
    const { extract, line } = code;
    const marked =
      line && extract.startLine <= line && line <= extract.endLine && !extract.name.startsWith('line ') ? `; line ${line} is the one the failure names` : '';
    out.push(`\`${code.file}\`, ${span(extract)} (${label(extract)}${marked}):`, '', fence(extract.text, 'ts'), '');
    for (const { extract: more, why } of code.also) out.push(`And ${span(more)} (${label(more)}: ${why}):`, '', fence(more.text, 'ts'), '');
  } else {
    out.push('<!-- The failure does not point at one function. Paste the function you suspect here (only your own code from days/). -->', '');
  }
  out.push('## What the grader suggested', '');
  for (const line of advice) out.push(`- ${line.trim().replace(/^(Try|Hint):\s+/, '$1: ')}`);
  if (parts.why) out.push(`- ${parts.why}`);
  if (parts.hintsSeen.length > 0) {
    out.push(`- Hints I have read (\`npm run hint ${day.id}\`):`);
    for (const { number, text } of parts.hintsSeen) out.push(`  - Hint ${number}: ${text}`);
  } else out.push(`- I have not read any hint of this day yet (\`npm run hint ${day.id}\`).`);
  out.push('', '## What I tried', '', '<!-- What did you change, what did you expect, and what happened instead? -->', '');
  out.push(
    '## My question',
    '',
    '<!-- One question, with your guess. For example: "I think it is a buffering issue — am I reading from the connection correctly?" -->',
    '',
  );
  return out.join('\n');
}
