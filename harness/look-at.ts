// What a failure points at ("Look at:  Cache.get in days/01-cache/cache.ts"), read back from its message: `npm run ask`
// quotes that code, and the UI's "look at" note names the line that declares it.
import { readFileSync } from 'node:fs';
import { declarationLine } from './source/extract.ts';
import { parse } from './source/parse.ts';

/** What a failure message points at: a file, and a function name or a line in it. */
export interface Pointer {
  path: string;
  line?: number;
  name?: string;
  owner?: string;
}

/** The first place a failure message points at, if it names one. */
export function pointerIn(message: string): Pointer | undefined {
  for (const raw of message.split('\n')) {
    const line = raw.trim();
    const body = /^Look at:\s+(.+)$/.exec(line)?.[1] ?? /not implemented yet: (.+)$/.exec(line)?.[1];
    if (!body) continue;
    const split = body.lastIndexOf(' in ');
    const what = split >= 0 ? body.slice(0, split).trim() : '';
    const where = /^(\S+?\.[cm]?[jt]s)(?::(\d+)(?::\d+)?)?\b/.exec((split >= 0 ? body.slice(split + 4) : body).trim());
    if (!where) continue;
    const pointer: Pointer = { path: where[1]! };
    if (where[2]) pointer.line = Number(where[2]);
    // `Cache.get`, `handleLine`, `the 'data' handler (serveConnection)`, `close() returned by startServer`
    const method = /^(?:([A-Za-z_$][\w$]*)\.)?(#?[A-Za-z_$][\w$]*)(?:\(\))?$/.exec(what);
    const named = /\((#?[A-Za-z_$][\w$]*)\)$/.exec(what) ?? /\b(?:returned by|inside|of)\s+(#?[A-Za-z_$][\w$]*)(?:\(\))?$/.exec(what);
    if (method) {
      pointer.name = method[2]!;
      if (method[1]) pointer.owner = method[1];
    } else if (named) pointer.name = named[1]!;
    return pointer;
  }
  return undefined;
}

/** `where` (a Look at line's text) with the line that declares the function it names:
 *  `the 'data' handler (serveConnection) in days/02-server/server.ts` → `days/02-server/server.ts:45 (the 'data' handler
 *  (serveConnection))`; a place with a line already, or whose function the file does not declare, comes back as it was. */
export function withLine(where: string): string {
  const pointer = pointerIn(`Look at:  ${where}`);
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
