// Day 3 · Write benchmarks for your day-1 Cache with 10,000 keys stored: GET, SET, and a mixed 80/20 load.
// Check it: npm run check day3 (it runs this file with `vitest bench`) · Run it alone: npx vitest bench --run days/03-testing
// Guide: days/03-testing/README.md, "Part B: Benchmarks". Keep the three bench names as they are.
import { bench, describe } from 'vitest';
import { Cache } from '../01-cache/cache.ts';

const size = 10_000; // keys in the cache while measuring
const batch = 1_000; // operations per call: one call of a 50 ns operation would mostly time the clock
const options = { time: 300, throws: true }; // milliseconds per benchmark; throws: report an error instead of hiding it
const keys = Array.from({ length: size }, (_, i) => `key-${i}`);
const values = Array.from({ length: size }, (_, i) => `value-${i}`);
let found = 0; // count GET hits here, so the engine cannot skip a lookup whose result nobody uses

describe(`Cache with ${size} keys, ${batch} operations per call (ops/s = hz × ${batch})`, () => {
  const cache = new Cache();
  // TODO: Fill the cache with every key before the benchmarks run (setup is not timed).

  bench(
    'GET',
    () => {
      // TODO: Do `batch` GETs over different keys, adding 1 to `found` for each hit.
      void [cache, keys, values, found]; // what this uses; delete it with the throw below
      throw new Error('not implemented yet: bench.GET in days/03-testing/cache.bench.ts');
    },
    options,
  );

  bench(
    'SET',
    () => {
      // TODO: Do `batch` SETs over different keys.
      throw new Error('not implemented yet: bench.SET in days/03-testing/cache.bench.ts');
    },
    options,
  );

  bench(
    'mixed 80/20',
    () => {
      // TODO: Do `batch` operations where 1 in 5 is a SET and the rest are GETs.
      throw new Error('not implemented yet: bench.mixed in days/03-testing/cache.bench.ts');
    },
    options,
  );
});
