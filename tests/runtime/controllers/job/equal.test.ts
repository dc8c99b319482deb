import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { jsonEqual } from '../../../../src/runtime/controllers/job/equal.js';

/** JSON with keys sorted and undefined members dropped: equal texts mean equal values. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x,
  );
}

describe('status equality', () => {
  test('ignores key order and undefined members', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }], d: undefined }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(true);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  test('agrees with comparing canonical JSON', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(0, 1, 'a', 'b', true, null),
        fc.array(tie('v'), { maxLength: 3 }),
        // Members may be undefined (absent in JSON); array elements may not (null in JSON).
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(tie('v'), fc.constant(undefined)), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonical(a) === canonical(b));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
