// Day 3 checkpoint: the grader measures the learner's Cache itself, in this process, with 10,000 keys stored.
// Each figure is the best of five 60 ms samples, alternating with a bare Map measured the same way; GET and SET are
// held against the guide's gates, the mixed 80/20 load and heap bytes per operation are reported.
import { describe, it } from '../support/requirement.ts';
import { CheckError, expectEqual } from '../../harness/check.ts';
import { shown } from '../../harness/learner.ts';
import { bestOf, bytesPerOp, countingConsole, opsPerSecond } from '../../harness/measure.ts';
import { recordMetric } from '../support/metrics.ts';
import { figure, gates as courseGates } from '../../course/gates.ts';
import { slowBenchNote } from './slow-bench.ts';
import { cacheFile as file, filledCache, filledMap, keys, operation, order, size, values, type Op, type Store } from './workload.ts';

const samples = 5;
const sampleMs = 60;
const gates: Partial<Record<Op, number>> = { get: courseGates.get.value, set: courseGates.set.value };

/** How many calls a heap measurement makes: up to 20,000, but no more than about 20 ms' worth at `opsPerSec`. */
function callsFor(opsPerSec: number): number {
  return Math.max(10, Math.min(20_000, Math.round(opsPerSec * 0.02)));
}

/** Measures `op` on the learner's cache and on a bare Map; records both; fails with a diagnosis below a gate. */
async function measure(op: Op, task: { meta: object }): Promise<Record<'cache' | 'map', number>> {
  const cache = await filledCache();
  const map = filledMap();
  const { result: best, lines } = await countingConsole(() => bestOf(samples, sampleMs, { cache: operation(cache, op), map: operation(map, op) }));
  const gate = gates[op];
  recordMetric(task, `cache.${op}.opsPerSec`, { value: Math.round(best.cache!), ...(gate && { gate: { op: '>', value: gate } }) });
  recordMetric(task, `map.${op}.opsPerSec`, { value: Math.round(best.map!) });
  const slow = slowBenchNote(op, best.cache!);
  if (slow) recordMetric(task, slow.metric, { value: slow.value, note: slow.note });
  if (gate === undefined || best.cache! > gate) return { cache: best.cache!, map: best.map! };
  throw new CheckError(
    `${op.toUpperCase()} ran at ${figure(best.cache!)} ops/s, ${Math.round((1 - best.cache! / gate) * 100)}% short of the gate of ${figure(gate)} ops/s.`,
    {
      expected: `more than ${figure(gate)} ops/s with ${figure(size)} keys stored (a bare Map did ${figure(best.map!)} ops/s in this run)`,
      received: `${figure(best.cache!)} ops/s, the best of ${samples} samples of ${sampleMs} ms`,
      where: `Cache.${op === 'set' ? 'set' : 'get'} in ${shown(file)}`,
      fix: await diagnose(op, cache, best.cache!, lines),
    },
  );
}

/** Why an operation is slow: it slows down as the cache grows, it logs, or it allocates on every call. */
async function diagnose(op: Op, cache: Store, atFullSize: number, lines: number): Promise<string> {
  const causes: string[] = [];
  const small = await filledCache(100);
  const atSmallSize = Math.max(opsPerSecond(operation(small, op), 30), opsPerSecond(operation(small, op), 30));
  if (atSmallSize > atFullSize * 4) {
    causes.push(
      `It slows down as the cache grows (${figure(atSmallSize)} ops/s with 100 keys, ${figure(atFullSize)} with ${figure(size)}): it looks at every entry, an O(n) scan over an array or over the Map's entries. A Map finds a key in one step: this.#store.${op === 'set' ? 'set(key, value)' : 'get(key)'}.`,
    );
  }
  if (lines > 0) {
    causes.push(`It printed ${figure(lines)} lines while it was measured: console.log in the hot path costs far more than the lookup itself. Remove it.`);
  }
  const bytes = await bytesPerOp(operation(cache, op), callsFor(atFullSize));
  if (lines === 0 && bytes !== undefined && bytes > 1_000) {
    causes.push(
      `Each call allocates about ${figure(bytes)} bytes: a copy of the store ([...map], new Map(map), Object.entries, JSON), or a new [key, value] array for every entry it walks past. Read the one entry you need instead.`,
    );
  }
  if (causes.length === 0)
    causes.push(
      'Usual causes: an O(n) scan, copying the map, logging in the hot path, or an await or a lock inside a synchronous method. Compare with solutions/01-cache/cache.ts.',
    );
  return causes.join('\n          ');
}

describe(`Throughput, measured by the grader on your Cache with ${figure(size)} keys (beside a bare Map)`, () => {
  it(`GET runs faster than ${figure(courseGates.get.value)} ops/s`, { meta: { id: 'get-gate' } }, async ({ task }) => {
    await measure('get', task);
  });

  it(`SET runs faster than ${figure(courseGates.set.value)} ops/s`, { meta: { id: 'set-gate' } }, async ({ task }) => {
    await measure('set', task);
  });

  it('keeps every value right under a mixed 80/20 load (figure and heap bytes per op reported)', { meta: { id: 'mixed-load' } }, async ({ task }) => {
    const cache = await filledCache();
    const truth = filledMap();
    for (let i = 0; i < 20_000; i += 1) {
      const key = keys[order[i & 65_535]!]!;
      if (i % 5 === 0) {
        cache.set(key, values[i % size]!);
        truth.set(key, values[i % size]!);
        continue;
      }
      const got: unknown = cache.get(key);
      if (got instanceof Promise) {
        throw new CheckError('Cache.get returned a Promise, so every caller would have to await it.', {
          where: `Cache.get in ${shown(file)}`,
          fix: 'Keep get synchronous: a single Map lookup cannot be interrupted, so it needs no await and no lock.',
        });
      }
      expectEqual(got, truth.get(key), `After ${figure(i)} mixed operations, get(${JSON.stringify(key)}) returned the wrong value.`, {
        where: `Cache.get in ${shown(file)}`,
        fix: 'get must return the value of the latest set of that key.',
      });
    }
    const speed = await measure('mixed', task);
    const map = filledMap();
    const cacheBytes = await bytesPerOp(operation(cache, 'mixed'), callsFor(speed.cache));
    const mapBytes = await bytesPerOp(operation(map, 'mixed'), callsFor(speed.map));
    if (cacheBytes !== undefined) recordMetric(task, 'cache.bytesPerOp', { value: Math.round(cacheBytes * 10) / 10 });
    if (mapBytes !== undefined) recordMetric(task, 'map.bytesPerOp', { value: Math.round(mapBytes * 10) / 10 });
  });
});
