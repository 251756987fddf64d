// The workload the grader measures a learner's Cache with on day 3 (throughput.test.ts, and bench.test.ts to compare
// the learner's own benchmark figures): 10,000 keys from the seed, operations over keys in a seeded random order.
import { learnerModule } from '../../harness/learner.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';

type CacheModule = typeof import('@learner/01-cache/cache.ts');
/** What the workload needs of a cache: the learner's, or a bare Map beside it. */
export type Store = { get(key: string): string | undefined; set(key: string, value: string): void };
/** GET, SET, or the mixed 80/20 load. */
export type Op = 'get' | 'set' | 'mixed';

/** The learner's Cache module, relative to the tree. */
export const cacheFile = '01-cache/cache.ts';
/** Keys stored while measuring. */
export const size = 10_000;

const random = makeRandom();
/** The keys, their values, and which key the i-th operation uses. */
export const keys = randomWords(random, size);
export const values = keys.map((_, i) => `value-${i}-${Math.floor(random() * 1e6)}`);
export const order = Array.from({ length: 65_536 }, () => Math.floor(random() * size));
let found = 0; // GET hits, kept so no lookup can be skipped as unused

/** The operation `op` against `store`, as a function of the operation's number. */
export function operation(store: Store, op: Op): (i: number) => void {
  if (op === 'get') return (i) => void (store.get(keys[order[i & 65_535]!]!) !== undefined && (found += 1));
  if (op === 'set') return (i) => store.set(keys[order[i & 65_535]!]!, values[i % size]!);
  return (i) => {
    const key = keys[order[i & 65_535]!]!;
    if (i % 5 === 0) store.set(key, values[i % size]!);
    else if (store.get(key) !== undefined) found += 1;
  };
}

/** A new learner Cache holding the first `count` keys. */
export async function filledCache(count = size): Promise<Store> {
  const { Cache } = await learnerModule<CacheModule>(cacheFile, ['Cache']);
  const cache = new Cache();
  for (let i = 0; i < count; i += 1) cache.set(keys[i]!, values[i]!);
  return cache;
}

/** A bare Map holding every key. */
export function filledMap(): Store {
  return new Map(keys.map((key, i) => [key, values[i]!]));
}
