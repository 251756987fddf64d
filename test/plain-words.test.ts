// Plain words for what a newcomer to TypeScript meets here: Buffer's generic type, Map.get's possibly-undefined value,
// and Node's `[Object: null prototype] {}` when a plain object serves as the store.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { compileFailure, typeErrors } from '../grader/compile.ts';
import { show } from '../harness/check.ts';
import { gradeDay, treeWith } from './helpers.ts';

/** Changes `file` of `tree` by replacing `from` with `to` (which must be there). */
function edit(tree: string, file: string, from: string, to: string): void {
  const path = join(tree, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} holds the text to change`).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('plain words for TypeScript errors', () => {
  it('PW1: Buffer<ArrayBufferLike> into a Buffer<ArrayBuffer> says to annotate `let pending: Buffer`, and that compiles', async () => {
    const day = findDay('day2')!;
    const tree = treeWith('day2/buffer-type');
    try {
      const message = compileFailure(await typeErrors(day, tree))?.message ?? '';
      expect(message).toMatch(/TS2322: Type 'Buffer<ArrayBufferLike>' is not assignable to type 'Buffer<ArrayBuffer>'/);
      expect(message).toMatch(
        /In plain words: Buffer\.alloc\(0\) and Buffer\.concat give a Buffer<ArrayBuffer>[^\n]*let pending: Buffer = Buffer\.alloc\(0\);/,
      );
      edit(tree, '02-server/server.ts', 'let pending = Buffer.alloc(0);', 'let pending: Buffer = Buffer.alloc(0);');
      expect(await typeErrors(day, tree), 'the advice, followed, compiles').toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('PW2: a Map.get value used as a string says why it may be undefined, on its line and where it is used later', async () => {
    const tree = treeWith(undefined);
    try {
      edit(tree, '01-cache/cache.ts', 'get(key: string): string | undefined {', 'get(key: string): string {');
      edit(
        tree,
        '01-cache/cache.ts',
        'return this.#store.delete(key);',
        'const old = this.#store.get(key);\n    this.#store.delete(key);\n    return old.length >= 0;',
      );
      const message = compileFailure(await typeErrors(findDay('day1')!, tree))?.message ?? '';
      const words = [...message.matchAll(/In plain words: (.*)/g)].map((match) => match[1]!);
      expect(message).toMatch(/TS2322: Type 'string \| undefined' is not assignable to type 'string'/);
      expect(message).toMatch(/TS18048: 'old' is possibly 'undefined'/);
      expect(words, 'both errors: the return, and the later use of what get gave').toHaveLength(2);
      for (const line of words) expect(line).toMatch(/^Map\.get gives undefined for a key that is not there/);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

describe('plain words for received values', () => {
  it('PW3: says what Object.prototype, the Object function and a prototype-less object are', () => {
    expect(show(Object.prototype)).toMatch(
      /^\[Object: null prototype\] \{\} — that is Object\.prototype: a plain object \{\} used as a store answers obj\["__proto__"\]/,
    );
    expect(show(Object)).toMatch(/^\[Function: Object\] — that is the Object function/);
    expect(show(Object.create(null))).toMatch(/an object without a prototype/);
    expect(show({ a: 1 })).toBe('{ a: 1 }');
  });

  it('PW4: a plain-object store read with obj[key] fails day 1 with those words after Received', async () => {
    const tree = treeWith('day1/object-store');
    edit(tree, '01-cache/cache.ts', 'return Object.hasOwn(this.#store, key) ? this.#store[key] : undefined;', 'return this.#store[key];');
    const { result } = await gradeDay('day1', tree, 120_000, 'property-like');
    const failed = result.tests.find((test) => test.id === 'odd-keys');
    expect(failed?.status).toBe('failed');
    expect(failed?.message).toMatch(/Received: \[Object: null prototype\] \{\} — that is Object\.prototype/);
  });
});
