// A cycle is carried forward only while every CronJob fires at the same places in each cycle.
import { describe, expect, test } from 'vitest';
import { cyclesWithSameFirings } from '../../../src/runtime/fastforward/schedules.js';
import type { CronJob, Stored } from '../../../src/runtime/api/types.js';

const MIN = 60_000;
function cronJob(schedule: string, extra: Record<string, unknown> = {}): Stored<CronJob> {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '2030-01-01T00:00:00Z', generation: 1 }, spec: { schedule, jobTemplate: {}, ...extra } } as unknown as Stored<CronJob>;
}
const at = (iso: string): number => Date.parse(iso);

describe('cycles with the same firings', () => {
  test('every minute in UTC: every cycle asked for', () => {
    expect(cyclesWithSameFirings([cronJob('*/1 * * * *')], { start: at('2030-01-01T00:10:05Z'), period: MIN }, 50_000)).toBe(50_000);
  });

  test('every 7 minutes: the hour breaks the pattern (:56, then :00)', () => {
    // The learned cycle holds the :07 run; cycles of 7 minutes go on to :49, the next firing is :56, then :00.
    const k = cyclesWithSameFirings([cronJob('*/7 * * * *')], { start: at('2030-01-01T00:07:30Z'), period: 7 * MIN }, 100);
    expect(k).toBe(7); // :14 … :56 are cycles 1..7; the cycle ending 01:00:30 holds :00 at the wrong place
  });

  test('a daily run in a time zone stops at the DST change', () => {
    // 01:30 New York: EST (-05:00) until 2030-03-10, then EDT; the offset change ends the pattern.
    const k = cyclesWithSameFirings([cronJob('30 1 * * *', { timeZone: 'America/New_York' })], { start: at('2030-03-01T06:31:00Z'), period: 1440 * MIN }, 100);
    // 03-02 … 03-10 run at 01:30 EST (on 03-10 the clocks change at 02:00, after the run); 03-11 is EDT.
    expect(k).toBe(9);
  });

  test('a suspended CronJob or a second one that fires elsewhere', () => {
    const w = { start: at('2030-01-01T00:10:05Z'), period: MIN };
    expect(cyclesWithSameFirings([cronJob('*/1 * * * *'), cronJob('*/5 * * * *', { suspend: true })], w, 500)).toBe(500);
    expect(cyclesWithSameFirings([cronJob('*/1 * * * *'), cronJob('*/5 * * * *')], w, 500)).toBe(0);
  });
});
