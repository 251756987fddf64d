// Day 2 · The text protocol: turn one command line into one reply, using your day-1 Cache.
// Check it: npm run check day2 · Guide: days/02-server/README.md, "Requirements" (the protocol table) and "Design decisions"
import type { Cache } from '../01-cache/cache.ts';

/** Runs one command line against `cache` and returns the reply without its newline; null for a blank line. */
export function handleLine(line: string, cache: Cache): string | null {
  // TODO: Split the line into words on spaces; return null when there are none.
  // TODO: Compare the command name case-insensitively and answer SET (OK), GET (the value or "(nil)"), DEL (OK).
  // TODO: Answer anything else with one line starting "ERR " — never throw: a throw here takes the server down.
  throw new Error('not implemented yet: handleLine in days/02-server/protocol.ts');
}
