// What actually went wrong, as the support code observed it: a stable kind, a one-line title and the place it was seen.
import { relative } from 'node:path';
import type { Cause } from './cause-kind.ts';
import { fromReadline } from './crashes.ts';

export type { Cause } from './cause-kind.ts';

/** What to try when the code stopped at a TODO ("not implemented yet: …"). */
export const fillTheTodo = "fill in the TODO there; the day's guide shows what it should do.";

/** The cause of an error thrown by a TODO left in place ("not implemented yet: …" on its first line), if it is one. */
export function todoCause(message: string): Cause | undefined {
  const first = message.split('\n')[0]!;
  return first.startsWith('not implemented yet') ? { kind: 'not-implemented', title: first } : undefined;
}

/** An uncaught error as a cause: a socket error nobody listened for, or an exception the code let escape. */
export function crashCause(error: { name?: string; message?: string; code?: unknown }): Cause {
  const code = typeof error.code === 'string' ? error.code : /\b(ECONNRESET|EPIPE)\b/.exec(error.message ?? '')?.[1];
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    const readline = error instanceof Error && fromReadline(error);
    return {
      kind: 'connection-reset',
      title: readline
        ? `a socket error (${code}) re-emitted by node:readline reached no 'error' listener`
        : `a socket error (${code}) reached no 'error' listener`,
    };
  }
  const message = (error.message ?? '').split('\n')[0]!;
  const todo = todoCause(message);
  if (todo) return todo;
  return { kind: 'server-crashed', title: `the server's code threw ${error.name ?? 'Error'}: ${message}` };
}

/** The first frame of `stack` inside `dir` (the learner's tree), as `path:line` the way the learner reads it, if any. */
export function frameIn(stack: string | undefined, dir: string): string | undefined {
  for (const line of (stack ?? '').split('\n')) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    const file = match?.[1]!.replace(/^file:\/\//, '');
    if (file?.startsWith(`${dir}/`)) return `${relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file)}:${match![2]}`;
  }
  return undefined;
}
