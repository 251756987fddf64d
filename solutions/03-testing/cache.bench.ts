// Day 3 solution: benchmarks for the day-1 Cache with 10,000 keys stored — GET, SET and a mixed 80/20 load.
import { bench, describe } from 'vitest';
import { Cache } from '../01-cache/cache.ts';

const size = 10_000; // keys in the cache while measuring
const batch = 1_000; // operations per call: one call of a 50 ns operation would mostly time the clock
const options = { time: 300, throws: true }; // milliseconds per benchmark; throws: report an error instead of hiding it
const keys = Array.from({ length: size }, (_, i) => `key-${i}`);
const values = Array.from({ length: size }, (_, i) => `value-${i}`);
let found = 0; // counts GET hits, so the engine cannot skip a lookup whose result nobody uses

describe(`Cache with ${size} keys, ${batch} operations per call (ops/s = hz × ${batch})`, () => {
  const cache = new Cache();
  for (let i = 0; i < size; i += 1) cache.set(keys[i]!, values[i]!); // setup, not timed
  let next = 0; // where the next batch starts, so every call touches different keys

  bench(
    'GET',
    () => {
      for (let i = 0; i < batch; i += 1) if (cache.get(keys[(next + i) % size]!) !== undefined) found += 1;
      next = (next + batch) % size;
    },
    options,
  );

  bench(
    'SET',
    () => {
      for (let i = 0; i < batch; i += 1) cache.set(keys[(next + i) % size]!, values[(next + 7 * i) % size]!);
      next = (next + batch) % size;
    },
    options,
  );

  bench(
    'mixed 80/20',
    () => {
      for (let i = 0; i < batch; i += 1) {
        const key = keys[(next + i) % size]!;
        if (i % 5 === 0)
          cache.set(key, values[i]!); // 1 in 5 is a SET
        else if (cache.get(key) !== undefined) found += 1;
      }
      next = (next + batch) % size;
    },
    options,
  );
});
