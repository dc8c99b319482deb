import { describe, it, expect } from 'vitest';
import { InternTable, internList } from '../../src/runtime/intern.js';

describe('interning of immutable status parts', () => {
  it('the same key path gives the same frozen object, made once', () => {
    const t = new InternTable<{ n: number }>();
    let made = 0;
    const make = (): { n: number } => ({ n: ++made });
    const a = t.get2('x', 1, make);
    expect(t.get2('x', 1, make)).toBe(a);
    expect(t.get2('x', 2, make)).not.toBe(a);
    expect(t.get3('x', 1, 'z', make)).not.toBe(a);
    expect(made).toBe(3);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('keys are compared by identity for objects and by value for strings and numbers', () => {
    const t = new InternTable<object>();
    const k1 = { id: 1 };
    const v = t.get2(k1, 'a', () => ({}));
    expect(t.get2({ id: 1 }, 'a', () => ({}))).not.toBe(v);
    expect(t.get2(k1, ['a'].join(''), () => ({}))).toBe(v);
  });

  it('lists of the same elements in the same order are one frozen array', () => {
    const a = { a: 1 };
    const b = { b: 2 };
    const l1 = internList([a, b]);
    expect(internList([a, b])).toBe(l1);
    expect(internList([b, a])).not.toBe(l1);
    expect(internList([a])).not.toBe(l1);
    expect(l1).toEqual([a, b]);
    expect(Object.isFrozen(l1)).toBe(true);
  });
});
