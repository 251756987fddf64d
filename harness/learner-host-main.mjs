// The learner host: a separate Node process that loads the learner's bundled modules and answers the checkpoint
// over IPC. The verdict is decided in the checkpoint's process; this one only runs the learner's code and reports.
const modules = new Map(); // bundle path → its module namespace (or the error it threw)
const handles = new Map(); // handle number → an object the learner's code made
let next = 1;

/** A value as it crosses back: objects the structured clone cannot carry become handles. */
function out(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return { value };
  // What a plain object used as a store answers for "__proto__" and "constructor": named, so the checkpoint can say so.
  if (value === Object.prototype) return { known: 'Object.prototype' };
  if (value === Object) return { known: 'Object' };
  try {
    structuredClone(value);
    if (Object.getPrototypeOf(value) === Object.prototype || Array.isArray(value)) return { value };
    if (Object.getPrototypeOf(value) === null) return { value: { ...value }, known: 'null-prototype' };
  } catch {}
  const handle = next++;
  handles.set(handle, value);
  return { handle };
}

/** An argument as the learner's code sees it: `{ $handle: n }` is the object that handle names. */
function into(arg) {
  return arg && typeof arg === 'object' && typeof arg.$handle === 'number' ? handles.get(arg.$handle) : arg;
}

function thrown(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack, fields: fieldsOf(error) };
  return { name: 'Thrown', message: `a non-Error value was thrown: ${String(error)}`, value: safe(error) };
}

function fieldsOf(error) {
  const fields = {};
  for (const key of Object.keys(error)) fields[key] = safe(error[key]);
  return fields;
}

function safe(value) {
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

async function load(bundle) {
  if (!modules.has(bundle)) modules.set(bundle, import(bundle));
  return modules.get(bundle);
}

async function answer(request) {
  const args = (request.args ?? []).map(into);
  switch (request.op) {
    case 'load': {
      const mod = await load(request.bundle);
      return { value: Object.keys(mod) };
    }
    case 'new': {
      const mod = await load(request.bundle);
      const handle = next++;
      handles.set(handle, new mod[request.name](...args));
      return { handle };
    }
    case 'call': {
      const target = request.handle === undefined ? await load(request.bundle) : handles.get(request.handle);
      return out(await target[request.name](...args));
    }
    case 'probe': {
      const learner = Object.fromEntries(await Promise.all(Object.entries(request.learner).map(async ([file, bundle]) => [file, await load(bundle)])));
      const probes = await load(request.bundle);
      return { value: await probes[request.name](learner, ...args) };
    }
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

process.on('message', (request) => {
  answer(request).then(
    (reply) => process.send({ id: request.id, ...reply }),
    (error) => process.send({ id: request.id, error: thrown(error) }),
  );
});
// A promise the learner's code rejected and nobody awaited: reported, as vitest would, not fatal here.
process.on('unhandledRejection', () => {});
process.on('disconnect', () => process.exit(0));
