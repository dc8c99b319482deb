import { describe, it, expect } from 'vitest';
import { computeHash, randomSuffix, NAME_ALPHABET } from '../../../src/runtime/api/names.js';
import { createRand } from '../../../src/runtime/rand.js';

describe('generated names and pod-template-hash', () => {
  it('generateName suffixes use the Kubernetes alphabet (no vowels)', () => {
    const rand = createRand(42);
    for (let i = 0; i < 50; i++) {
      const s = randomSuffix(rand, 5);
      expect(s).toHaveLength(5);
      for (const ch of s) expect(NAME_ALPHABET).toContain(ch);
    }
  });

  it('the same seed gives the same names', () => {
    const a = createRand(7);
    const b = createRand(7);
    expect(randomSuffix(a)).toBe(randomSuffix(b));
  });

  it('the template hash is stable, independent of key order, and safe-encoded', () => {
    const t1 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx:1' }] } };
    const t2 = { spec: { containers: [{ image: 'nginx:1', name: 'a' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(t1)).toBe(computeHash(t2));
    expect(computeHash(t1)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });

  it('a different template or collisionCount gives a different hash', () => {
    const t = { spec: { containers: [{ name: 'a', image: 'nginx:1' }] } };
    const u = { spec: { containers: [{ name: 'a', image: 'nginx:2' }] } };
    expect(computeHash(t)).not.toBe(computeHash(u));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
  });
});
