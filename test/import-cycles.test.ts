// No import cycle in the workbook's own code, type-only imports included: each layer's files import one way, so any
// file can be read, tested and moved from the files it imports alone.
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-cycles.ts';

describe('the import graph', () => {
  it('has no cycle, type-only imports included', { meta: { id: 'no-import-cycle' } }, () => {
    const cycles = importCycles(importGraph()).map((files) => files.join(' → '));
    expect(cycles, `${cycles.length} import cycle(s); break each by moving the shared type or helper into a file of its own`).toEqual([]);
  });

  it('finds a cycle, a type-only one and a file importing itself', { meta: { id: 'finds-cycles' } }, () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('reads the whole tree', { meta: { id: 'reads-the-tree' } }, () => {
    const graph = importGraph();
    expect(graph.get('course/days.ts')).toContain('course/days/01-cache.ts');
    expect(graph.size).toBeGreaterThan(200);
  });
});
