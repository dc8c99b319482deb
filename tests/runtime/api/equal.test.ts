// Equality as JSON output sees it: key order counts.
import { describe, expect, test } from 'vitest';
import { sameInOrder, deepEqual } from '../../../src/runtime/api/equal.js';

describe('sameInOrder', () => {
  test('equal values in the same key order are the same; the same object at once', () => {
    const shared = { a: [1, { b: 'x' }] };
    expect(sameInOrder({ k: shared, n: null }, { k: { a: [1, { b: 'x' }] }, n: null })).toBe(true);
    expect(sameInOrder(shared, shared)).toBe(true);
  });

  test('keys in another order print differently, so they differ (deepEqual ignores the order)', () => {
    expect(sameInOrder({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });

  test('arrays against objects, lengths, nulls and primitives', () => {
    expect(sameInOrder([1], { 0: 1 })).toBe(false);
    expect(sameInOrder([1, 2], [1])).toBe(false);
    expect(sameInOrder(null, {})).toBe(false);
    expect(sameInOrder('1', 1)).toBe(false);
  });
});
