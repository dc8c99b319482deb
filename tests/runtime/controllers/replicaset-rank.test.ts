import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { smallest, countActiveByNode } from '../../../src/runtime/controllers/replicaset/rank.js';
import type { Stored } from '../../../src/runtime/index.js';

describe('ranking pods for deletion', () => {
  it('smallest(k) equals sorting and taking the first k, for any distinct values and k', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 300 }), fc.nat(320), (values, k) => {
        const cmp = (a: number, b: number): number => a - b;
        const expected = [...values].sort(cmp).slice(0, k);
        expect(smallest([...values], k, cmp)).toEqual(expected);
      }),
    );
  });

  it('smallest(k) handles already sorted and reversed inputs (the usual pod orders)', () => {
    const cmp = (a: number, b: number): number => a - b;
    const up = Array.from({ length: 5000 }, (_, i) => i);
    expect(smallest([...up], 500, cmp)).toEqual(up.slice(0, 500));
    expect(smallest([...up].reverse(), 500, cmp)).toEqual(up.slice(0, 500));
  });

  it('counts only active pods (not terminal, not being deleted) per node', () => {
    const p = (node: string | undefined, phase = 'Running', deleting = false): Stored =>
      ({ metadata: deleting ? { deletionTimestamp: 'x' } : {}, spec: node ? { nodeName: node } : {}, status: { phase } }) as unknown as Stored;
    const counts = countActiveByNode([p('n1'), p('n1'), p('n2'), p('n2', 'Succeeded'), p('n2', 'Running', true), p(undefined, 'Pending')]);
    expect([...counts]).toEqual([
      ['n1', 2],
      ['n2', 1],
      ['', 1],
    ]);
  });
});
