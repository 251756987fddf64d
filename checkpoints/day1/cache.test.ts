// Day 1 checkpoint: the Cache stores, returns and deletes string values, and each instance owns its data.
import { beforeAll } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { isDeepStrictEqual } from 'node:util';
import { CheckError, expectEqual, show, type Advice } from '../../harness/check.ts';
import { remoteModule, shown, startLearnerHost } from '../../harness/learner.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';

type CacheModule = typeof import('@learner/01-cache/cache.ts');
const file = '01-cache/cache.ts';
const where = (method: string) => `Cache.${method} in ${shown(file)}`;

/** A new Cache in the learner host (the learner's code never runs in this process): each method returns a promise. */
async function newCache() {
  return (await remoteModule<CacheModule>(file, ['Cache'])).construct('Cache');
}

/** Fails unless `value` (what get returned for a key that should be missing) is undefined. When a new Cache's get
 *  answers the same for a key never set, the mistake is get's (null or "" for "missing"), whatever the test was about. */
async function expectMissing(value: unknown, headline: string, advice: Advice): Promise<void> {
  if (value === undefined) return;
  const fresh = await (await newCache()).get('a-key-nobody-set');
  if (fresh !== undefined && isDeepStrictEqual(fresh, value)) {
    throw new CheckError(`${headline} get answered ${show(value)}: a missing key must come back as undefined.`, {
      expected: 'undefined',
      received: show(value),
      where: where('get'),
      fix: 'Return what Map.get returns (undefined for a missing key); do not turn it into null or "".',
      cause: { kind: 'missing-not-undefined', title: `get answers ${show(value)}, not undefined, for a key that is not there` },
    });
  }
  expectEqual(value, undefined, headline, advice);
}

// The learner host starts, and bundles the file, before the first test (a collect-only run starts nothing).
beforeAll(() => startLearnerHost([file]));

describe('Cache', () => {
  const random = makeRandom();
  const keys = randomWords(random, 10);
  const valueOf = (key: string) => `value-of-${key}`;

  it('returns each of ten stored keys', { meta: { id: 'stores-keys' } }, async () => {
    const cache = await newCache();
    for (const key of keys) await cache.set(key, valueOf(key));
    for (const key of keys) {
      expectEqual(await cache.get(key), valueOf(key), `cache.get(${JSON.stringify(key)}) did not return the value set for it.`, {
        where: where('get'),
        fix: 'Make set store the value and get read it back from the same store.',
      });
    }
  });

  it('returns undefined for a key that was never set', { meta: { id: 'missing-is-undefined' } }, async () => {
    const cache = await newCache();
    await expectMissing(await cache.get('never-set'), 'get of a missing key must return undefined (not null, not "").', {
      where: where('get'),
      fix: 'Return undefined so callers can tell "missing" from an empty string.',
    });
  });

  it('forgets five deleted keys and keeps the other five', { meta: { id: 'delete-forgets' } }, async () => {
    const cache = await newCache();
    for (const key of keys) await cache.set(key, valueOf(key));
    for (const key of keys.slice(0, 5)) await cache.delete(key);
    for (const key of keys.slice(0, 5)) {
      await expectMissing(await cache.get(key), `After cache.delete(${JSON.stringify(key)}), get still found it.`, {
        where: where('delete'),
        fix: 'Remove the key from the store, not just its value.',
      });
    }
    for (const key of keys.slice(5)) {
      expectEqual(await cache.get(key), valueOf(key), `Deleting other keys also changed ${JSON.stringify(key)}.`, {
        where: where('delete'),
        fix: 'Delete only the key you were given.',
      });
    }
  });

  it('replaces the value when a key is set again', { meta: { id: 'set-replaces' } }, async () => {
    const cache = await newCache();
    const [key] = keys as [string];
    await cache.set(key, 'first');
    await cache.set(key, 'second');
    expectEqual(await cache.get(key), 'second', `set(${JSON.stringify(key)}, "second") after "first" did not replace the value.`, {
      where: where('set'),
    });
  });

  it('tells an empty-string value apart from a missing key', { meta: { id: 'empty-not-missing' } }, async () => {
    const cache = await newCache();
    await cache.set('empty', '');
    expectEqual(await cache.get('empty'), '', 'A key set to "" must come back as "", not as missing.', {
      where: where('get'),
      fix: 'Check whether the key exists (Map.has / Map.get !== undefined), not whether the value is truthy.',
    });
  });

  it('delete returns true for a key that existed and false for one that did not', { meta: { id: 'delete-answers' } }, async () => {
    const cache = await newCache();
    await cache.set('present', 'yes');
    expectEqual(await cache.delete('present'), true, 'delete of an existing key must return true.', { where: where('delete') });
    expectEqual(await cache.delete('present'), false, 'delete of a key that is already gone must return false.', {
      where: where('delete'),
      fix: 'Map.prototype.delete already returns whether the key was there.',
    });
    expectEqual(await cache.delete('never-set'), false, 'delete of a key that never existed must return false.', { where: where('delete') });
  });

  it('keeps two caches apart', { meta: { id: 'caches-apart' } }, async () => {
    const first = await newCache();
    const second = await newCache();
    await first.set('shared?', 'from first');
    await expectMissing(await second.get('shared?'), 'A key set in one Cache showed up in another.', {
      where: `the field that holds the data in ${shown(file)}`,
      fix: 'Create the Map inside the class (a field), not at the top of the module, so each instance owns one.',
    });
  });

  it('stores unicode and property-like keys exactly', { meta: { id: 'odd-keys' } }, async () => {
    const cache = await newCache();
    const pairs: [string, string][] = [
      ['ключ', 'значение'],
      ['🐣', 'hatch'],
      ['日本', '東京'],
      ['__proto__', 'plain key'],
      ['constructor', 'also plain'],
    ];
    for (const [key, value] of pairs) await cache.set(key, value);
    for (const [key, value] of pairs) {
      expectEqual(await cache.get(key), value, `cache.get(${JSON.stringify(key)}) did not return what was stored.`, {
        where: where('get'),
        fix: 'Use a Map: a plain object treats keys like "__proto__" and "constructor" specially.',
      });
    }
  });
});
