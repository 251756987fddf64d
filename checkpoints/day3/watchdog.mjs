// Watchdog thread of the run of the learner's race tests (started by blocked.ts): when the test thread's counter stops
// ticking for `blockedAfterMs`, it pauses that thread through the inspector, finds the first frame in the learner's
// files (mapped back to the source line), writes it to `report` and kills the run's process. Plain JavaScript: a
// worker thread does not get the TypeScript loader. It writes with writeFileSync: console output would go through the
// blocked thread.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { ticks, blockedAfterMs, report, target } = workerData;
let current = { test: undefined, line: undefined };
let collected = [];
parentPort.on('message', (message) => {
  if (message.collected) collected = message.collected;
  else current = message;
});

let last = -1;
let since = Date.now();
let quiet = 0; // checks of this thread in a row that saw no tick: a machine too busy to run either thread adds none
const checkMs = 100;
const timer = setInterval(() => {
  const now = Atomics.load(ticks, 0);
  if (now !== last) {
    last = now;
    since = Date.now();
    quiet = 0;
    return;
  }
  quiet += 1;
  if (Date.now() - since < blockedAfterMs || quiet * checkMs < blockedAfterMs) return;
  clearInterval(timer);
  const blockedMs = Date.now() - since;
  const stop = (at) => {
    writeFileSync(
      report,
      JSON.stringify({ test: current.test ?? '(outside any test)', ...(current.line && { line: current.line }), ...(at && { at }), blockedMs, collected }),
    );
    process.kill(process.pid, 'SIGKILL');
  };
  setTimeout(() => stop(undefined), 2_000).unref(); // the pause did not answer: report without the statement
  pauseAndLocate().then(stop, () => stop(undefined));
}, checkMs);

/** The path of a script's URL (a file URL or a plain path), or undefined. */
function pathOf(url) {
  if (!url) return undefined;
  if (url.startsWith('file://')) return fileURLToPath(url);
  return url.startsWith('/') ? url.split('?')[0] : undefined;
}

/** Pauses the test thread and resolves to its first frame in the learner's tree: `{ file, line }` (file relative). */
function pauseAndLocate() {
  return new Promise((done, fail) => {
    const session = new Session();
    session.connectToMainThread();
    const scripts = new Map();
    session.on('Debugger.scriptParsed', ({ params }) => scripts.set(params.scriptId, params));
    session.on('Debugger.paused', ({ params }) => {
      for (const frame of params.callFrames) {
        const script = scripts.get(frame.location.scriptId);
        const file = pathOf(script?.url ?? frame.url);
        if (!file || !file.startsWith(`${target}/`) || file.includes('/node_modules/')) continue;
        done({ file: file.slice(target.length + 1), line: sourceLine(script, frame.location) });
        return;
      }
      done(undefined);
    });
    session.post('Debugger.enable', (error) => (error ? fail(error) : session.post('Debugger.pause')));
  });
}

/** The source line (from 1) of a paused location, through the script's inline source map when it has one. */
function sourceLine(script, location) {
  const generated = location.lineNumber + 1;
  const url = script?.sourceMapURL;
  if (!url?.startsWith('data:application/json')) return generated;
  try {
    const payload = JSON.parse(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8'));
    const entry = new SourceMap(payload).findEntry(location.lineNumber, location.columnNumber ?? 0);
    return typeof entry?.originalLine === 'number' ? entry.originalLine + 1 : generated;
  } catch {
    return generated;
  }
}
