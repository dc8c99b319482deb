import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scroll, scrollPosition } from '../../../src/tui/models/scroll.js';

describe('scrolling', () => {
  it('never scrolls past either end', () => {
    const actions = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'] as const;
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 60 }), fc.array(fc.constantFrom(...actions)), (total, height, seq) => {
        let offset = 0;
        for (const a of seq) {
          offset = scroll(offset, a, total, height);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(Math.max(0, total - height));
        }
      }),
    );
  });

  it('a page keeps one line of context', () => {
    expect(scroll(0, 'pageDown', 100, 20)).toBe(19);
  });

  it('reports the visible range', () => {
    expect(scrollPosition(0, 100, 20)).toBe('lines 1–20 of 100 (20%)');
    expect(scrollPosition(0, 10, 20)).toBe('all shown');
  });
});
