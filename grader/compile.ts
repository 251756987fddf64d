// The compile step of a check: the TypeScript compiler over the day's files (and what they import), as the seed's Go
// build would. Each error is shown as file:line with the compiler's text, and a plain-words line for the common ones.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Day } from '../course/days.ts';
import { adviceLines } from '../harness/check.ts';
import { runTsc, workbookTsc, type TscDidNotRun } from '../harness/tsc.ts';
import { display, root } from './paths.ts';
import type { TestResult } from './results.ts';

/** One type error in the learner's tree. */
export interface CompileError {
  file: string;
  line: number;
  code: string;
  text: string;
}

/** The name of the requirement a day gets when its files do not compile. */
export const compileRequirement = 'your files compile: tsc finds no type errors';
/** Its id in the report (the checkpoints' requirements declare theirs in their `it()`). */
export const compileRequirementId = 'compiles';

// The packages package.json declares: present after npm install, wherever the tree lies (harness/any-tree.ts).
const declared = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
const workbookPackages = new Set([...Object.keys(declared.dependencies ?? {}), ...Object.keys(declared.devDependencies ?? {})]);

// Plain words for the errors learners meet most, by the compiler's code.
const plain: Record<string, string> = {
  TS2305: 'A missing export: the file imports a name the other file does not export. Check the spelling and the `export` keyword.',
  TS2724: 'A missing export: the file imports a name the other file does not export. Check the spelling and the `export` keyword.',
  TS2614: 'A missing export: the file imports a name the other file does not export. Check the spelling and the `export` keyword.',
  TS2322: 'A value of the wrong type: what is assigned or returned here does not match the type declared for it.',
  TS2345: 'An argument of the wrong type: the function was declared to take something else.',
  TS2355: 'A wrong return type: the function says it returns a value, but some way through it returns nothing.',
  TS2366: 'A wrong return type: the function says it returns a value, but some way through it returns nothing.',
  TS2339: 'A property that does not exist on that type: a typo, or a field the class never declared.',
  TS2304: 'A name the compiler cannot find: a missing import, or a typo.',
  TS2307:
    "A module that cannot be found: a relative path with a typo (relative imports end in .ts), or a package that is neither in your tree's node_modules nor among the workbook's (package.json): install it there, or do without it.",
  TS2532: 'A possibly-undefined value is used as if it were there: check it first (if (x === undefined) …) or give a default (x ?? …).',
  TS18048: 'A possibly-undefined value is used as if it were there: check it first (if (x === undefined) …) or give a default (x ?? …).',
  TS18047: 'A possibly-null value is used as if it were there: check it first, or give a default (x ?? …).',
  TS2531: 'A possibly-null value is used as if it were there: check it first, or give a default (x ?? …).',
  TS2741: 'An object is missing a property its type requires.',
  TS2739: 'An object is missing properties its type requires.',
  TS1005:
    'A syntax error: something is missing where the compiler stopped, often a bracket or brace opened further up and never closed (look above this line too).',
  TS1128: 'A syntax error: the compiler expected a new statement here, often after a brace too many or a bracket never closed further up.',
  TS7006: 'A parameter without a type: write its type (strict mode does not guess `any`).',
};

// `let pending = Buffer.alloc(0)` makes pending a Buffer<ArrayBuffer>; a socket's chunk is a Buffer<ArrayBufferLike>.
const bufferGeneric = /Buffer<ArrayBufferLike>' is not assignable to type 'Buffer<ArrayBuffer>'|'SharedArrayBuffer' is not assignable to type 'ArrayBuffer'/;
const bufferWords =
  'Buffer.alloc(0) and Buffer.concat give a Buffer<ArrayBuffer>, and TypeScript took that narrower type for your variable; a chunk from a socket is a Buffer<ArrayBufferLike> (its bytes may live in shared memory), so it does not fit. Declare the variable as a plain Buffer, which takes either: let pending: Buffer = Buffer.alloc(0);';
// `map.get(key)` is `V | undefined`: the key may be missing.
const mapGetWords =
  "Map.get gives undefined for a key that is not there, so its type is string | undefined, not string. Say what happens then: return it as is from a method declared `: string | undefined` (the cache's get), or check it first (const value = map.get(key); if (value === undefined) …). A `!` after get() only silences the compiler.";

/** The plain-words line for `error`, if the compiler's text has a common meaning a learner can act on; `source` is
 *  the code it points at, when known (a possibly-undefined value read from `Map.get` gets words of its own). */
export function plainWords(error: Pick<CompileError, 'code' | 'text'>, source = ''): string | undefined {
  if (bufferGeneric.test(error.text)) return bufferWords;
  const possiblyUndefined =
    ['TS2532', 'TS18048'].includes(error.code) || (['TS2322', 'TS2345'].includes(error.code) && /'[^']*\| undefined' is not assignable/.test(error.text));
  if (possiblyUndefined && /\.get\(/.test(source)) return mapGetWords;
  const onUnion = /^Property '([^']+)' does not exist on type '([^']*\|[^']*)'/.exec(error.text);
  if (error.code === 'TS2339' && onUnion) {
    const [, property, union] = onUnion;
    const address = /\bAddressInfo\b/.test(union!)
      ? ` server.address() says string | AddressInfo | null (a pipe's name, or nothing before listen): once listening on a port it is an AddressInfo, so write (server.address() as AddressInfo).${property} with import { type AddressInfo } from 'node:net' (the cast also settles a "possibly 'null'" on that line).`
      : ` Check which one it is first (typeof x === 'string', 'key' in x, x instanceof …), or declare the narrower type where the value is made.`;
    return `The value can be one of several types (${union}) and '${property}' exists on only some of them, so TypeScript will not let you read it yet.${address}`;
  }
  return plain[error.code];
}

/** Whether `day` has the compile step: TypeScript files, and no checklist of its own that runs tsc (day 6). */
export function typechecks(day: Day): boolean {
  return day.typecheck !== false && day.files.some((file) => file.endsWith('.ts'));
}

/** The compile step as a requirement that held, or that `--only` left out: it is counted on every run of a day that
 *  has it, so the count `check` prints does not move when a type error comes or goes. */
export function compileStep(status: 'passed' | 'skipped', message = ''): TestResult {
  return { group: '', name: compileRequirement, id: compileRequirementId, status, message, durationMs: 0 };
}

/** Runs tsc over `day`'s TypeScript files in `target`: the errors inside `target`, or why tsc did not run (never throws). */
export async function typeErrors(day: Day, target: string, tsc = workbookTsc): Promise<CompileError[] | TscDidNotRun> {
  const files = day.files.filter((file) => file.endsWith('.ts')).map((file) => resolve(target, file));
  if (!typechecks(day)) return [];
  const run = await runTsc({ files, include: [] }, tsc);
  return run.ran ? parse(run.output, target) : run;
}

// `path(line,col): error TS1234: text`, continuation lines indented under it; only files inside the target count.
function parse(output: string, target: string): CompileError[] {
  const errors: CompileError[] = [];
  let last: CompileError | undefined;
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      const file = resolve(root, match[1]!);
      // A workbook package that cannot be found is the preflight's business (npm install), not a type error of the
      // learner; one the workbook does not have is theirs to install or drop (a tree anywhere finds only these).
      const missingPackage = match[3] === 'TS2307' && workbookPackages.has(/^Cannot find module '((?:@[^/']+\/)?[^/']+)/.exec(match[4]!)?.[1] ?? '');
      last = file.startsWith(resolve(target) + sep) && !missingPackage ? { file, line: Number(match[2]), code: match[3]!, text: match[4]! } : undefined;
      if (last) errors.push(last);
      continue;
    }
    if (last && /^\s+\S/.test(line)) last.text += `\n${line.trimEnd()}`;
  }
  return errors;
}

/** The line of code `error` points at, and for "'x' is possibly 'undefined'" the line that declares x too ('' when
 *  the file cannot be read). */
function codeAt(error: CompileError): string {
  let text: string;
  try {
    text = readFileSync(error.file, 'utf8');
  } catch {
    return '';
  }
  const line = text.split('\n')[error.line - 1] ?? '';
  const name = /^'([\w$]+)' is possibly 'undefined'/.exec(error.text)?.[1];
  const declared = name ? new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\b[^;\\n]*`).exec(text)?.[0] : undefined;
  return declared ? `${declared}\n${line}` : line;
}

/** The failed requirement that lists `errors` (or says tsc did not run), to put first in the day's result; undefined
 *  when the files compile. */
export function compileFailure(found: CompileError[] | TscDidNotRun): TestResult | undefined {
  if (!Array.isArray(found)) {
    const advice = { received: found.tail, where: found.where, fix: found.fix };
    return {
      group: '',
      name: compileRequirement,
      id: compileRequirementId,
      status: 'failed',
      message: [found.headline, ...adviceLines(advice)].join('\n'),
      advice,
      durationMs: 0,
    };
  }
  const errors = found;
  if (errors.length === 0) return undefined;
  // server.address() is both possibly null and a union: one cast answers the two errors of its line.
  const addressLines = new Set(
    errors.filter((error) => error.code === 'TS2339' && /\bAddressInfo\b/.test(error.text)).map((error) => `${error.file}:${error.line}`),
  );
  const nullish = ['TS2531', 'TS18047', 'TS18048'];
  const shown = errors.slice(0, 8).map((error) => {
    const address = nullish.includes(error.code) && addressLines.has(`${error.file}:${error.line}`);
    const words = address
      ? 'server.address() is null until listen() has finished; the cast of the next error, (server.address() as AddressInfo), answers this one too.'
      : plainWords(error, codeAt(error));
    return [
      `${display(error.file)}:${error.line}  ${error.code}: ${error.text.split('\n').join('\n    ')}`,
      ...(words ? [`    In plain words: ${words}`] : []),
    ].join('\n');
  });
  const more = errors.length > 8 ? [`… and ${errors.length - 8} more (npm run typecheck lists them all)`] : [];
  const first = errors[0]!;
  const advice = {
    where: `${display(first.file)}:${first.line}`,
    fix: 'fix the first error, then run npm run typecheck (or check again); one error often causes the next ones.',
  };
  const message = [
    `tsc found ${errors.length} type error${errors.length === 1 ? '' : 's'} in your files; the day does not pass until they compile.`,
    ...shown,
    ...more,
    ...adviceLines(advice),
  ].join('\n');
  const cause = { kind: 'type-error', title: `tsc: ${first.code} at ${display(first.file)}:${first.line}` };
  return {
    group: '',
    name: compileRequirement,
    id: compileRequirementId,
    status: 'failed',
    message,
    advice,
    durationMs: 0,
    cause,
    lookAt: { file: first.file, line: first.line },
  };
}
