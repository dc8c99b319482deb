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

  test('any text shaped like a UTC timestamp reads as Date.parse reads it (out-of-range fields included)', () => {
    // Mostly valid fields, sometimes any two digits.
    const field = (width: number, max: number) =>
      fc.oneof({ arbitrary: fc.integer({ min: 0, max }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 10 ** width - 1 }), weight: 1 }).map((n) => String(n).padStart(width, '0'));
    const text = fc
      .tuple(field(4, 9999), field(2, 12), field(2, 31), field(2, 24), field(2, 59), field(2, 60), fc.constantFrom('Z', 'Z', 'Z', 'z', '+01:00', '.5Z'))
      .map(([y, mo, d, h, mi, s, end]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${end}`);
    const reference = (t: string): number | undefined => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return undefined;
      const ms = Date.parse(t);
      return Number.isNaN(ms) ? undefined : ms;
    };
    // Formatting first sets the day the reader takes a shortcut for.
    rfc3339(Date.UTC(2030, 0, 1, 12));
    fc.assert(fc.property(text, (t) => parseTime(t) === reference(t)), { numRuns: 3000 });
    expect(parseTime('2030-01-01T05:06:07Z')).toBe(Date.UTC(2030, 0, 1, 5, 6, 7));
    expect(parseTime('2030-02-30T00:00:00Z')).toBe(Date.parse('2030-02-30T00:00:00Z'));
  });

  test('reads back every whole-second time rfc3339 writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 }), (s) => parseTime(rfc3339(s * 1000)) === s * 1000),
    );
  });
});
