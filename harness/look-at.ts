// What a failure points at (its advice's `where`: "Cache.get in days/01-cache/cache.ts"), as a file and a function or
// line: `npm run ask` quotes that code, and the UI's "look at" note names the line that declares it.
import { readFileSync } from 'node:fs';
import type { Advice } from './check.ts';
import { declarationLine } from './source/extract.ts';
import { parse } from './source/parse.ts';

/** What a failure message points at: a file, and a function name or a line in it. */
export interface Pointer {
  path: string;
  line?: number;
  name?: string;
  owner?: string;
}

/** The place a failure's advice points at (its `where`: `Cache.get in days/01-cache/cache.ts`,
 *  `days/02-server/server.ts:12:7`), if it names a file. */
export function pointerAt(where: string): Pointer | undefined {
  const body = where.trim();
  const split = body.lastIndexOf(' in ');
  const what = split >= 0 ? body.slice(0, split).trim() : '';
  const place = /^(\S+?\.[cm]?[jt]s)(?::(\d+)(?::\d+)?)?\b/.exec((split >= 0 ? body.slice(split + 4) : body).trim());
  if (!place) return undefined;
  const pointer: Pointer = { path: place[1]! };
  if (place[2]) pointer.line = Number(place[2]);
  // `Cache.get`, `handleLine`, `the 'data' handler (serveConnection)`, `close() returned by startServer`
  const method = /^(?:([A-Za-z_$][\w$]*)\.)?(#?[A-Za-z_$][\w$]*)(?:\(\))?$/.exec(what);
  const named = /\((#?[A-Za-z_$][\w$]*)\)$/.exec(what) ?? /\b(?:returned by|inside|of)\s+(#?[A-Za-z_$][\w$]*)(?:\(\))?$/.exec(what);
  if (method) {
    pointer.name = method[2]!;
    if (method[1]) pointer.owner = method[1];
  } else if (named) pointer.name = named[1]!;
  return pointer;
}

/** Where a failure points: its advice's `where`, else the TODO it stopped at (the scaffold's own
 *  "not implemented yet: Cache.get in days/01-cache/cache.ts", which the learner's code threw). */
export function pointerOf(failure: { advice?: Advice; message: string }): Pointer | undefined {
  const where = failure.advice?.where;
  if (where) return pointerAt(where);
  const todo = /not implemented yet: (.+)$/m.exec(failure.message)?.[1];
  return todo ? pointerAt(todo) : undefined;
}

/** `where` (a failure's advice) with the line that declares the function it names:
 *  `the 'data' handler (serveConnection) in days/02-server/server.ts` → `days/02-server/server.ts:45 (the 'data' handler
 *  (serveConnection))`; a place with a line already, or whose function the file does not declare, comes back as it was. */
export function withLine(where: string): string {
  const pointer = pointerAt(where);
  if (!pointer?.name || pointer.line !== undefined) return where;
  let text: string;
  try {
    text = readFileSync(pointer.path, 'utf8');
  } catch {
    return where;
  }
  const line = declarationLine(parse(text), pointer.name, pointer.owner);
  return line === undefined ? where : `${pointer.path}:${line} (${where.slice(0, where.lastIndexOf(' in '))})`;
}
