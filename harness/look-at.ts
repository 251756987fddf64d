// "Look at" with a line: `startServer in days/02-server/server.ts` becomes `days/02-server/server.ts:31 (startServer)`.
import { readFileSync } from 'node:fs';

/** The 1-based line of `text` that declares function, method or variable `name`, if one does. */
export function declarationLine(text: string, name: string): number | undefined {
  const escaped = name.replace(/[$]/g, '\\$');
  const declares = new RegExp(`^\\s*(export\\s+)?((async|static|public|private|protected|function\\*?)\\s+)*#?${escaped}\\s*(<[^>]*>)?\\s*\\(|^\\s*(export\\s+)?(const|let|var|class)\\s+${escaped}\\b`);
  // A call at the start of a line (`serveConnection(socket, cache);`) is not its declaration: that line ends in `;`.
  const index = text.split('\n').findIndex((line) => declares.test(line) && !/[;,]\s*(\/\/.*)?$/.test(line));
  return index === -1 ? undefined : index + 1;
}

/** `where` as a file and line the learner can open: `NAME in FILE` (or `the 'data' handler (NAME) in FILE`) gets the
 *  line that declares NAME (for `Class.method`, the method); anything else comes back as it was. */
export function withLine(where: string): string {
  const match = /^(.*?) in (\S+\.ts)$/.exec(where);
  if (!match) return where;
  const [, what, file] = match as unknown as [string, string, string];
  const qualified = /\((\w+)\)/.exec(what)?.[1] ?? (/^\S+$/.test(what) ? what : undefined);
  if (!qualified) return where;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return where;
  }
  const line = declarationLine(text, qualified.split('.').at(-1)!.replace(/\(\)$/, ''));
  return line === undefined ? where : `${file}:${line} (${what})`;
}
