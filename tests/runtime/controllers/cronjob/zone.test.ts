import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadZone, UTC_ZONE, wallAt, type Zone } from '../../../../src/runtime/controllers/cronjob/zone.js';

/** The wall clock as Date's UTC getters read it (the reference the arithmetic must match). */
function viaDate(zone: Zone, utcMs: number): ReturnType<typeof wallAt> {
  const d = new Date(utcMs + zone.offsetAt(utcMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

describe('wall clock of an instant', () => {
  test.each([
    ['the epoch, a Thursday', 0],
    ['a leap day', Date.UTC(2032, 1, 29, 23, 59, 59)],
    ['the last second of a century year that is not leap', Date.UTC(2100, 1, 28, 23, 59, 59, 999)],
    ['the first instant of 2400 (leap)', Date.UTC(2400, 0, 1)],
    ['before the epoch', Date.UTC(1969, 11, 31, 23, 59, 59, 500)],
    ['far before the epoch', Date.UTC(-400, 2, 1, 12, 30, 15)],
  ])('%s reads as Date reads it', (_what, ms) => {
    expect(wallAt(UTC_ZONE, ms)).toEqual(viaDate(UTC_ZONE, ms));
  });

  test('any instant reads as Date reads it, in UTC and in a zone with DST', () => {
    const paris = loadZone('Europe/Paris') as Zone;
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (ms) => {
        expect(wallAt(UTC_ZONE, ms)).toEqual(viaDate(UTC_ZONE, ms));
        expect(wallAt(paris, ms)).toEqual(viaDate(paris, ms));
      }),
      { numRuns: 2000 },
    );
  });
});
