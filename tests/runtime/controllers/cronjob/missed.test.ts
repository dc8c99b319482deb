import { describe, expect, test } from 'vitest';
import { jobNameFor, mostRecentScheduleTime, nextWakeTime } from '../../../../src/runtime/controllers/cronjob/missed.js';
import { parseSchedule, type Schedule } from '../../../../src/runtime/controllers/cronjob/schedule.js';

const T0 = Date.UTC(2030, 0, 1);
const MIN = 60_000;

function sched(text: string): Schedule {
  const r = parseSchedule(text);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

describe('mostRecentScheduleTime', () => {
  test('nothing due before the first activation', () => {
    expect(mostRecentScheduleTime({ created: T0 }, T0 + 30_000, sched('* * * * *'), true)).toEqual({ earliest: T0, missed: 'none' });
  });

  test('exactly on the activation it is due', () => {
    expect(mostRecentScheduleTime({ created: T0 }, T0 + MIN, sched('* * * * *'), true)).toEqual({ earliest: T0, mostRecent: T0 + MIN, missed: 'none' });
  });

  test('several missed: the latest one, counted as few', () => {
    const r = mostRecentScheduleTime({ created: T0, lastScheduled: T0 }, T0 + 10 * MIN + 5_000, sched('* * * * *'), true);
    expect(r.mostRecent).toBe(T0 + 10 * MIN);
    expect(r.missed).toBe('few');
  });

  test('more than 100 missed is many, and the latest is still found', () => {
    const r = mostRecentScheduleTime({ created: T0 }, T0 + 200 * MIN, sched('* * * * *'), true);
    expect(r).toEqual({ earliest: T0, mostRecent: T0 + 200 * MIN, missed: 'many' });
  });

  test('startingDeadlineSeconds moves the search window up to now - deadline', () => {
    const r = mostRecentScheduleTime({ created: T0, startingDeadlineSeconds: 300 }, T0 + 200 * MIN, sched('* * * * *'), true);
    expect(r.earliest).toBe(T0 + 195 * MIN);
    expect(r.missed).toBe('few');
  });

  test('the deadline is ignored when asked (for the requeue computation)', () => {
    const r = mostRecentScheduleTime({ created: T0, startingDeadlineSeconds: 300 }, T0 + 200 * MIN, sched('* * * * *'), false);
    expect(r.earliest).toBe(T0);
  });

  test('irregular schedules find the exact latest time', () => {
    // 30 6-16/4 * * 1-5: 06:30, 10:30, 14:30 on weekdays. 2030-01-04 is a Friday.
    const r = mostRecentScheduleTime({ created: T0 }, Date.UTC(2030, 0, 7, 9), sched('30 6-16/4 * * 1-5'), true);
    expect(new Date(r.mostRecent!).toISOString()).toBe('2030-01-07T06:30:00.000Z');
  });

  test('a schedule that never fires is an error', () => {
    expect(mostRecentScheduleTime({ created: T0 }, T0 + MIN, sched('0 0 30 2 *'), true).error).toBe(
      'time difference between two schedules is less than 1 second',
    );
  });
});

describe('nextWakeTime', () => {
  test('the activation after the last one', () => {
    expect(nextWakeTime({ created: T0, lastScheduled: T0 + MIN }, T0 + MIN, sched('*/5 * * * *'))).toBe(T0 + 5 * MIN);
  });

  test('before the first activation: the first activation', () => {
    expect(nextWakeTime({ created: T0 + 10_000 }, T0 + 20_000, sched('*/5 * * * *'))).toBe(T0 + 5 * MIN);
  });
});

test('job names carry the scheduled time in minutes since the epoch', () => {
  // 2030-01-01T00:00:00Z is 1,893,456,000 s = 31,557,600 min after the epoch.
  expect(jobNameFor('hello', Date.UTC(2030, 0, 1, 0, 1))).toBe('hello-31557601');
});
