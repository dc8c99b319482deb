import { describe, it, expect } from 'vitest';
import { parseQuantity, cpuMillis, bytes } from '../../../src/runtime/api/quantity.js';

describe('resource quantities', () => {
  it.each([
    ['500m', 500],
    ['2', 2000],
    ['0.1', 100],
    ['1.5', 1500],
  ])('cpu %s is %d millicores', (q, m) => expect(cpuMillis(q)).toBe(m));

  it.each([
    ['1Gi', 2 ** 30],
    ['128Mi', 128 * 2 ** 20],
    ['1G', 1e9],
    ['1k', 1000],
    ['1e3', 1000],
  ])('memory %s is %d bytes', (q, b) => expect(bytes(q)).toBe(b));

  it('rejects malformed quantities', () => {
    expect(parseQuantity('1 Gi')).toBeUndefined();
    expect(parseQuantity('ten')).toBeUndefined();
    expect(parseQuantity('1GB')).toBeUndefined();
  });
});
