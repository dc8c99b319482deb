import { describe, expect, test } from 'vitest';
import { withField, withFields } from '../../../src/runtime/api/copy.js';

describe('withField / withFields (shallow copies of stored objects)', () => {
  test('a replaced key keeps its place and a new key goes last, as an object spread does', () => {
    const o = { a: 1, b: 2, c: 3 };
    expect(Object.keys(withField(o, 'b', 9))).toEqual(Object.keys({ ...o, b: 9 }));
    expect(withField(o, 'b', 9)).toEqual({ a: 1, b: 9, c: 3 });
    expect(Object.keys(withField(o, 'd', 4))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('several fields at once equal the spread', () => {
    const o = { x: 1, y: { z: 2 } };
    const copy = withFields(o, { y: 5, w: 6 });
    expect(copy).toEqual({ ...o, y: 5, w: 6 });
    expect(Object.keys(copy)).toEqual(['x', 'y', 'w']);
  });

  test('the source is left untouched and nested values are shared, not cloned', () => {
    const inner = { k: 1 };
    const o = Object.freeze({ inner, n: 1 });
    const copy = withField(o, 'n', 2);
    expect(o.n).toBe(1);
    expect(copy.inner).toBe(inner);
    expect(Object.isFrozen(copy)).toBe(false);
  });
});
