// A timer or listener that outlives its purpose: setInterval with no clearInterval, a 'data' listener added per request.
import { enclosing, functionsAround } from '../source.ts';
import { findingAt, type Finding, type LearnerFile, type ReviewCheck } from './types.ts';

/** setInterval in a file without clearInterval; `.on('data'|…)` inside a Promise executor or a loop in a file that never removes listeners. */
export const listenerNeverRemoved: ReviewCheck = {
  id: 'listener-never-removed',
  title: 'a listener or timer never removed',
  run(file: LearnerFile): Finding[] {
    const { source } = file;
    const findings: Finding[] = [];
    if (!/\b(?:clearInterval|unref)\s*\(/.test(source.code)) {
      for (const match of source.code.matchAll(/\bsetInterval\s*\(/g)) {
        findings.push(
          findingAt(
            this,
            file,
            match.index,
            'This setInterval is never cleared (the file has no clearInterval).',
            'The timer keeps running after its work is done and keeps the process alive: the server cannot shut down cleanly, and a test that starts it never exits. Keep the handle and clearInterval it in close(), or call `.unref()` if it should not hold the process open.',
          ),
        );
      }
    }
    if (/\.(?:off|removeListener|removeAllListeners)\s*\(/.test(source.code)) return findings;
    for (const match of source.plain.matchAll(/([\w$.#]+)\.on\(\s*(['"])(data|line|readable|message|end|close)\2/g)) {
      const receiver = match[1]!;
      const owns = (from: number, to: number) => declares(source.code.slice(from, to), receiver);
      const promise = functionsAround(source, match.index).find((fn) => /\bnew\s+Promise\b/.test(fn.header));
      const loop = enclosing(source, match.index).find((block) => /^(?:\}\s*)?(?:for|while|do)\b/.test(block.header));
      // A socket created right there gets one listener per socket: that is fine.
      const perCall = promise !== undefined && !owns(promise.start, promise.close);
      const inLoop = loop !== undefined && !owns(loop.open, loop.close);
      if (!perCall && !inLoop) continue;
      findings.push(
        findingAt(
          this,
          file,
          match.index,
          `A '${match[3]}' listener is added on \`${receiver}\` ${perCall ? 'inside `new Promise(…)`, so once per call' : 'inside a loop'}, and none is ever removed (no .off / .removeListener in the file).`,
          'Listeners pile up on the same socket: after 11 Node warns "MaxListenersExceededWarning: Possible EventEmitter memory leak", and every old listener still runs on each chunk, so one reply can resolve a stale request. Add one listener per socket and match replies to a queue of waiting requests, or remove the listener once its reply arrived (`.once`, or `.off` in the handler).',
        ),
      );
    }
    return findings;
  },
};

/** Whether `code` declares or creates `receiver` (`const socket = connect(…)`, `socket = new Socket()`). */
function declares(code: string, receiver: string): boolean {
  if (receiver.includes('.')) return false; // a field such as this.socket outlives the call
  const name = receiver.replace(/\$/g, '\\$');
  return new RegExp(`\\b(?:const|let|var)\\s+${name}\\b|\\b${name}\\s*=\\s*(?:await\\s+)?(?:net\\.)?(?:connect|createConnection|new\\s+Socket)\\b`).test(code);
}
