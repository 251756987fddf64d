// Reads the learner's GET benchmark and tells when every `get` in it names one fixed key: such a benchmark measures
// one hot key (about four times faster than varied keys) rather than the cache, which the guide warns against.
import { benchSource, getCalls, sameKeyEveryCall } from './bench-source.ts';

/** A note for the report when the GET benchmark reads only one key on every call, else undefined. */
export function fixedKeyNote(source: string): string | undefined {
  const body = benchSource(source, /get/);
  if (!body) return undefined;
  const calls = getCalls(body);
  if (calls.length === 0 || calls.some((call) => !sameKeyEveryCall(call.argument, body))) return undefined;
  const keys = new Set(calls.map((call) => (/^['"`]/.test(call.argument) ? call.argument : `\`${call.argument}\` (picked once, outside the timed function)`)));
  return `your GET benchmark reads only ${[...keys].join(', ')}: one hot key runs several times faster than keys spread over the cache, so this figure flatters it. Read a different key on each call (see hint 2).`;
}
