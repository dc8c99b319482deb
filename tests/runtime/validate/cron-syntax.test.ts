// Accepted and refused schedules follow robfig/cron v3 ParseStandard as used by Kubernetes.
import { describe, expect, test } from 'vitest';
import { checkCronSchedule, parseCronSchedule } from '../../../src/runtime/validate/cron-syntax.js';

describe('schedules Kubernetes accepts', () => {
  test.each(['* * * * *', '*/5 * * * *', '0 3 * * 1-5', '0,15,30,45 * * * *', '0 0 1 jan,jul *', '0 9 * * MON-FRI', '5/15 * * * ?', '*/61 * * * *', '@hourly', '@Daily', '@every 90s'])('%s', (s) => {
    expect(checkCronSchedule(s)).toBeUndefined();
  });
});

describe('schedules Kubernetes refuses', () => {
  test.each([
    ['61 * * * *', 'end of range (61) above maximum (59)', 'minute'],
    ['0 24 * * *', 'end of range (24) above maximum (23)', 'hour'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1)', 'day of month'],
    ['0 0 * 13 *', 'above maximum (12)', 'month'],
    ['0 0 * * 7', 'above maximum (6)', 'day of week'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1)', 'minute'],
    ['*/0 * * * *', 'step of range should be a positive number', 'minute'],
    ['1-2-3 * * * *', 'too many hyphens', 'minute'],
    ['x * * * *', '"x" is not a number', 'minute'],
  ])('%s: %s', (s, message, field) => {
    const error = checkCronSchedule(s);
    expect(error?.message).toContain(message);
    expect(error?.field).toBe(field);
  });

  test('six fields (with seconds) are refused with a hint about seconds', () => {
    expect(checkCronSchedule('0 * * * * *')?.hint).toContain('seconds');
  });

  test('TZ in the schedule is refused, pointing at spec.timeZone (Kubernetes 1.27+)', () => {
    expect(checkCronSchedule('TZ=UTC 0 3 * * *')?.hint).toContain('spec.timeZone');
  });

  test('unknown macros are refused', () => {
    expect(checkCronSchedule('@fortnightly')?.message).toContain('unrecognized descriptor');
  });
});

describe('parsed schedules (for the CronJob controller)', () => {
  test('expands steps, ranges and names into values', () => {
    const r = parseCronSchedule('*/20 8-10 * jan,mar mon');
    expect(r.ok && r.schedule.kind === 'fields' && [r.schedule.minute.values, r.schedule.hour.values, r.schedule.month.values, r.schedule.dayOfWeek.values]).toEqual([[0, 20, 40], [8, 9, 10], [1, 3], [1]]);
  });

  test('records whether day fields were written as a star', () => {
    const r = parseCronSchedule('0 0 * * 1');
    expect(r.ok && r.schedule.kind === 'fields' && [r.schedule.dayOfMonth.star, r.schedule.dayOfWeek.star]).toEqual([true, false]);
  });

  test('"a/n" runs from a to the maximum', () => {
    const r = parseCronSchedule('50/5 * * * *');
    expect(r.ok && r.schedule.kind === 'fields' && r.schedule.minute.values).toEqual([50, 55]);
  });

  test('@every gives an interval', () => {
    expect(parseCronSchedule('@every 1h30m')).toEqual({ ok: true, schedule: { kind: 'every', everyMs: 5_400_000 } });
  });
});
