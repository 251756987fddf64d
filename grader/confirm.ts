// Asking the learner a yes/no question on the terminal (or on piped stdin, for scripts and tests).
import { createInterface } from 'node:readline';

/** Prints `question` and resolves true only for an answer starting with y; end of input counts as no. */
export async function confirm(question: string): Promise<boolean> {
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  process.stdout.write(`${question} [y/N] `);
  const answer = await new Promise<string>((done) => {
    lines.once('line', done);
    lines.once('close', () => done(''));
  });
  lines.close();
  if (!process.stdin.isTTY) process.stdout.write(`${answer}\n`);
  return /^y/i.test(answer.trim());
}
