import { expect, test } from 'vitest';
import { describeSchedule } from '../../../../src/runtime/controllers/cronjob/describe.js';

test.each([
  ['*/5 * * * *', undefined, 'Every 5 minutes (UTC)'],
  ['0 2 * * 0', undefined, 'At 02:00, only on Sunday (UTC)'],
  ['0 2 * * SUN', 'Europe/Berlin', 'At 02:00, only on Sunday (Europe/Berlin)'],
  ['30 6-16/4 * * 1-5', undefined, 'At 30 minutes past the hour, every 4 hours, between 06:00 and 16:59, Monday through Friday (UTC)'],
  ['@daily', undefined, 'At 00:00 (UTC)'],
  ['@hourly', undefined, 'Every hour (UTC)'],
  ['0 0 1 * 1', undefined, 'At 00:00, on day 1 of the month, and on Monday (UTC)'],
  ['@every 1h30m', undefined, "Every 1h30m, counted from the CronJob's creation or last run"],
])('describes %j (timeZone %s) as %j', (schedule, tz, text) => {
  expect(describeSchedule(schedule, tz)).toBe(text);
});

test('an invalid schedule is described with the reason Kubernetes gives', () => {
  expect(describeSchedule('0 0 * * 7')).toBe('not a valid schedule: end of range (7) above maximum (6): 7');
});
