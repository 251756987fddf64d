// Loads the learner's modules from the tree being graded (CACHELINGS_TARGET, default days/).
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckError } from './check.ts';
import { BundleError } from './learner-bundle.ts';
import { HostEnded, learnerHost, type Reply, type Thrown } from './learner-host.ts';

/** Absolute path of the tree being graded. */
export const targetDir = resolve(process.env.CACHELINGS_TARGET ?? 'days');

/** How a file of the tree is shown to the learner: `days/01-cache/cache.ts`. */
export function shown(file: string): string {
  const path = relative(process.cwd(), resolve(targetDir, file)) || '.';
  return path.startsWith('..') ? resolve(targetDir, file) : path;
}

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/** Imports `file` (relative to the tree) through the `@learner` alias and checks that it exports `names`. */
export async function learnerModule<T>(file: string, names: string[]): Promise<T> {
  if (!existsSync(resolve(targetDir, file))) {
    throw new CheckError(`${shown(file)} does not exist.`, {
      fix: `Create it (the scaffold in days/ shows its shape), or run \`npm run reset ${file.split('/')[0]}\`.`,
    });
  }
  if (!loaded.has(file)) loaded.set(file, import(/* @vite-ignore */ `@learner/${file}`));
  let mod: Record<string, unknown>;
  try {
    mod = await loaded.get(file)!;
  } catch (error) {
    throw new CheckError(`Could not load ${shown(file)}: ${(error as Error).message}`, {
      fix: 'Fix that error first; `npm run typecheck` shows type errors with line numbers.',
      // The grader folds this under its compile step when tsc found errors too: one bug, one problem.
      cause: { kind: 'module-not-loaded', title: `${shown(file)} does not load` },
    });
  }
  for (const name of names) {
    if (mod[name] === undefined) {
      throw new CheckError(`${shown(file)} has no export named ${name}.`, {
        fix: `Export it: \`export class ${name} …\` or \`export function ${name} …\`.`,
      });
    }
  }
  return mod as T;
}

/** An object of the learner's that lives in the learner host: each method call is a round trip and returns a promise. */
export type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** A learner module loaded in the learner host: `construct` makes an instance there, `call` calls an export. */
export interface RemoteModule<M> {
  construct<K extends keyof M>(name: K, ...args: unknown[]): Promise<Remote<M[K] extends abstract new (...args: never[]) => infer I ? I : never>>;
  call<K extends keyof M>(name: K, ...args: unknown[]): Promise<M[K] extends (...args: never[]) => infer R ? Awaited<R> : never>;
}

const handles = new WeakMap<object, number>();

/** An error the learner's code threw in the host, rebuilt here with its own stack (its frames name the learner's .ts). */
function rebuilt(thrown: Thrown): Error {
  const denied =
    thrown.fields?.code === 'ERR_ACCESS_DENIED'
      ? ` (your code tried to use ${String(thrown.fields.permission ?? 'a restricted API')}${thrown.fields.resource ? ` on ${String(thrown.fields.resource)}` : ''}: a library day's code may not start processes or threads, nor write outside its tree)`
      : '';
  const error = new Error(`${thrown.message}${denied}`);
  error.name = thrown.name;
  if (thrown.stack) error.stack = thrown.stack;
  Object.assign(error, thrown.fields);
  return error;
}

/** What the host answered, as the checkpoint uses it; the host's end as a CheckError that says what ended it. */
async function asked(request: Record<string, unknown>, what: string): Promise<Reply> {
  let reply: Reply;
  try {
    reply = await learnerHost(targetDir).ask(request);
  } catch (error) {
    if (!(error instanceof HostEnded)) throw error;
    throw new CheckError(`The process running your code ended during ${what}: ${error.message}.`, {
      fix: 'Do not exit, kill or crash the process from library code: a library returns or throws, and its caller decides.',
      cause: { kind: 'learner-exited', title: `the process running your code ended (${error.message})` },
    });
  }
  if (reply.error) throw rebuilt(reply.error);
  return reply;
}

function remote<T>(handle: number, owner: string): Remote<T> {
  const proxy = new Proxy(
    {},
    {
      get: (_, name) =>
        name === 'then' || typeof name !== 'string'
          ? undefined
          : async (...args: unknown[]) => valueOf(await asked({ op: 'call', handle, name, args: args.map(wire) }, `${owner}.${name}`)),
    },
  );
  handles.set(proxy, handle);
  return proxy as Remote<T>;
}

/** A reply's value as the checkpoint shows it: a named intrinsic as this realm's own (show() says what it is). */
function valueOf(reply: Reply): unknown {
  if (reply.known === 'Object.prototype') return Object.prototype;
  if (reply.known === 'Object') return Object;
  if (reply.known === 'null-prototype') return Object.assign(Object.create(null) as object, reply.value);
  return reply.value;
}

/** An argument as it crosses to the host: a remote object as its handle. */
function wire(arg: unknown): unknown {
  return typeof arg === 'object' && arg !== null && handles.has(arg) ? { $handle: handles.get(arg) } : arg;
}

/** Starts the learner host and bundles `files` (relative to the tree) and `scenarios` now, as a checkpoint file loads,
 *  so that neither counts against a test's time on a busy machine; a file that does not bundle fails when a test asks. */
export function startLearnerHost(files: string[], scenarios?: URL): void {
  const host = learnerHost(targetDir);
  for (const file of files) if (existsSync(resolve(targetDir, file))) host.bundleOf(resolve(targetDir, file), targetDir).catch(() => {});
  if (scenarios) host.bundleOf(fileURLToPath(scenarios), targetDir).catch(() => {});
}

/** The learner's `file` (relative to the tree) loaded in the learner host, checked to export `names`. Fails as
 *  learnerModule does: a missing file, a file that does not load (an import that leaves the tree included), a missing export. */
export async function remoteModule<M>(file: string, names: string[]): Promise<RemoteModule<M>> {
  const bundle = await bundled(file);
  let exported: string[];
  try {
    exported = (await asked({ op: 'load', bundle }, `loading ${shown(file)}`)).value as string[];
  } catch (error) {
    if (error instanceof CheckError) throw error;
    throw notLoaded(file, (error as Error).message);
  }
  for (const name of names) {
    if (!exported.includes(name)) {
      throw new CheckError(`${shown(file)} has no export named ${name}.`, { fix: `Export it: \`export class ${name} …\` or \`export function ${name} …\`.` });
    }
  }
  return {
    construct: async (name, ...args) => remote((await asked({ op: 'new', bundle, name, args: args.map(wire) }, `new ${String(name)}()`)).handle!, String(name)),
    call: async (name, ...args) => valueOf(await asked({ op: 'call', bundle, name, args: args.map(wire) }, `${String(name)}()`)) as never,
  };
}

/** Runs `name` of the scenario module `scenarios` in the learner host, beside the learner's `files` (relative to the
 *  tree, loaded there and passed to it by file), and resolves with the data it reports; the checkpoint judges it. */
export async function probe<R>(scenarios: URL, name: string, files: string[], ...args: unknown[]): Promise<R> {
  const learner: Record<string, string> = {};
  for (const file of files) learner[file] = await bundled(file);
  const bundle = await learnerHost(targetDir).bundleOf(fileURLToPath(scenarios), targetDir);
  return (await asked({ op: 'probe', bundle, name, learner, args }, name)).value as R;
}

async function bundled(file: string): Promise<string> {
  if (!existsSync(resolve(targetDir, file))) {
    throw new CheckError(`${shown(file)} does not exist.`, {
      fix: `Create it (the scaffold in days/ shows its shape), or run \`npm run reset ${file.split('/')[0]}\`.`,
    });
  }
  try {
    return await learnerHost(targetDir).bundleOf(resolve(targetDir, file), targetDir);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    if (error.leaves) {
      throw new CheckError(error.message, {
        fix: `Import your own ${error.leaves.folder === 'solutions' ? 'file' : 'code'} (a relative path inside your tree); an editor's auto-import may have picked the workbook's copy.`,
        cause: { kind: 'import-leaves-tree', title: `${error.leaves.importer} imports from the workbook's ${error.leaves.folder}/` },
      });
    }
    throw notLoaded(file, error.message);
  }
}

function notLoaded(file: string, message: string): CheckError {
  return new CheckError(`Could not load ${shown(file)}: ${message}`, {
    fix: 'Fix that error first; `npm run typecheck` shows type errors with line numbers.',
    cause: { kind: 'module-not-loaded', title: `${shown(file)} does not load` },
  });
}
