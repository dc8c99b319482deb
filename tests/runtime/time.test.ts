import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseTime, rfc3339 } from '../../src/runtime/time.js';

/** The rendering rfc3339 must keep: toISOString without a zero fraction, trailing zeros dropped. */
function reference(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => `.${frac.replace(/0+$/, '')}Z`);
}

describe('rfc3339 (metav1.Time rendering)', () => {
  test('whole seconds render without a fraction, fractions without trailing zeros', () => {
    expect(rfc3339(Date.UTC(2030, 0, 1))).toBe('2030-01-01T00:00:00Z');
    expect(rfc3339(Date.UTC(2030, 11, 31, 23, 59, 59))).toBe('2030-12-31T23:59:59Z');
    expect(rfc3339(Date.UTC(2030, 0, 1, 0, 0, 1, 500))).toBe('2030-01-01T00:00:01.5Z');
    expect(rfc3339(0)).toBe('1970-01-01T00:00:00Z');
  });

  test('leap days and years outside 0–9999 render as toISOString does', () => {
    expect(rfc3339(Date.UTC(2032, 1, 29, 12, 0, 0))).toBe('2032-02-29T12:00:00Z');
    expect(rfc3339(-1000)).toBe('1969-12-31T23:59:59Z');
    expect(rfc3339(Date.UTC(10000, 0, 1))).toBe('+010000-01-01T00:00:00Z');
  });

  test('instants that share a memo slot (4096 s apart) each render their own time', () => {
    const a = Date.UTC(2030, 0, 1);
    const b = a + 4096 * 1000;
    expect(rfc3339(a)).toBe('2030-01-01T00:00:00Z');
    expect(rfc3339(b)).toBe('2030-01-01T01:08:16Z');
    expect(rfc3339(a)).toBe('2030-01-01T00:00:00Z');
  });

  test('any instant renders as the reference does, however often and in whatever order it is asked', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2200, 0, 1) / 1000 }).map((s) => s * 1000),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
    );
    fc.assert(fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (list) => list.every((ms) => rfc3339(ms) === reference(ms))));
  });
});

describe('parseTime', () => {
  test('reads RFC3339 with Z, offsets and fractions; anything else is undefined', () => {
    expect(parseTime('2030-01-01T00:00:00Z')).toBe(Date.UTC(2030, 0, 1));
    expect(parseTime('2030-01-01T01:00:00+01:00')).toBe(Date.UTC(2030, 0, 1));
    expect(parseTime('2030-01-01T00:00:01.25Z')).toBe(Date.UTC(2030, 0, 1, 0, 0, 1, 250));
    expect(parseTime('2030-01-01')).toBeUndefined();
    expect(parseTime('2030-13-01T00:00:00Z')).toBeUndefined();
    // Asked again (now from the memo), the answers are the same.
    expect(parseTime('2030-13-01T00:00:00Z')).toBeUndefined();
    expect(parseTime('2030-01-01T01:00:00+01:00')).toBe(Date.UTC(2030, 0, 1));
  });

  test('reads back every whole-second time rfc3339 writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 }), (s) => parseTime(rfc3339(s * 1000)) === s * 1000),
    );
  });
});
