import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { cronJobSchedule, nextTime, parseSchedule, timeZoneError, validateCronJobSchedule, type Schedule } from '../../../../src/runtime/controllers/cronjob/schedule.js';

const T0 = Date.UTC(2030, 0, 1); // a Tuesday

function sched(text: string): Schedule {
  const r = parseSchedule(text);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.schedule;
}

function runs(text: string, from: number, count: number): string[] {
  const s = sched(text);
  const out: string[] = [];
  let t = from;
  for (let i = 0; i < count; i++) {
    const n = nextTime(s, t);
    if (n === undefined) break;
    out.push(new Date(n).toISOString().replace('.000Z', 'Z'));
    t = n;
  }
  return out;
}

function error(text: string): string | undefined {
  const r = parseSchedule(text);
  return r.ok ? undefined : r.error;
}

describe('robfig/cron standard parser: what Kubernetes accepts', () => {
  test.each([
    '*/5 * * * *',
    '0 2 * * SUN',
    '0 2 * * sun',
    '15 3 * JAN-MAR MON-FRI',
    '0,30 9-17 * * 1-5',
    '5/15 * * * *',
    '0 0 ? * *',
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 1h30m',
  ])('accepts %s', (text) => {
    expect(error(text)).toBeUndefined();
  });

  test('rejects 7 for Sunday: day of week is 0-6', () => {
    expect(error('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7');
  });

  test('rejects a seconds field (6 fields)', () => {
    expect(error('0 * * * * *')).toBe('expected exactly 5 fields, found 6: [0 * * * * *]');
  });

  test.each(['0 0 L * *', '0 0 15W * *', '0 0 * * 1#2', '0 0 * * 5L'])('rejects Quartz-style %s', (text) => {
    expect(error(text)).toMatch(/failed to parse int from/);
  });

  test('explains a rejected 7 with a hint', () => {
    const r = parseSchedule('0 0 * * 7');
    expect(r.ok ? undefined : r.hint).toMatch(/Sunday is 0/);
  });

  test.each([
    ['', 'empty spec string'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['mon * * * *', 'failed to parse int from mon: strconv.Atoi: parsing "mon": invalid syntax'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
  ])('rejects %j with robfig\'s message', (text, message) => {
    expect(error(text)).toBe(message);
  });
});

describe('next activation (robfig SpecSchedule.Next)', () => {
  test('every five minutes', () => {
    expect(runs('*/5 * * * *', T0, 3)).toEqual(['2030-01-01T00:05:00Z', '2030-01-01T00:10:00Z', '2030-01-01T00:15:00Z']);
  });

  test('is strictly after the given time, from the next whole second', () => {
    expect(runs('* * * * *', T0 + 59_500, 1)).toEqual(['2030-01-01T00:01:00Z']);
    expect(runs('* * * * *', T0 + 60_000, 1)).toEqual(['2030-01-01T00:02:00Z']);
  });

  test('Sunday is 0 and SUN', () => {
    expect(runs('0 2 * * 0', T0, 2)).toEqual(['2030-01-06T02:00:00Z', '2030-01-13T02:00:00Z']);
    expect(runs('0 2 * * SUN', T0, 2)).toEqual(runs('0 2 * * 0', T0, 2));
  });

  test('day of month and day of week both restricted: either matches (OR)', () => {
    // 2030-01-01 is a Tuesday: the 1st of February is a Friday.
    expect(runs('0 0 1 * 1', T0, 5)).toEqual([
      '2030-01-07T00:00:00Z',
      '2030-01-14T00:00:00Z',
      '2030-01-21T00:00:00Z',
      '2030-01-28T00:00:00Z',
      '2030-02-01T00:00:00Z',
    ]);
  });

  test('a day field written with * restricts nothing: both must match (AND)', () => {
    expect(runs('0 0 * * 1', T0, 2)).toEqual(['2030-01-07T00:00:00Z', '2030-01-14T00:00:00Z']);
  });

  test('* with step 1 keeps the star (AND), a larger step drops it (OR)', () => {
    expect(runs('0 0 */1 * 1', T0, 1)).toEqual(['2030-01-07T00:00:00Z']);
    expect(runs('0 0 */2 * 1', T0, 3)).toEqual(['2030-01-03T00:00:00Z', '2030-01-05T00:00:00Z', '2030-01-07T00:00:00Z']);
  });

  test('macros', () => {
    expect(runs('@hourly', T0, 1)).toEqual(['2030-01-01T01:00:00Z']);
    expect(runs('@daily', T0, 1)).toEqual(['2030-01-02T00:00:00Z']);
    expect(runs('@weekly', T0, 1)).toEqual(['2030-01-06T00:00:00Z']);
    expect(runs('@monthly', T0, 1)).toEqual(['2030-02-01T00:00:00Z']);
    expect(runs('@yearly', T0, 1)).toEqual(['2031-01-01T00:00:00Z']);
  });

  test('@every counts from the given time, in whole seconds', () => {
    expect(runs('@every 90s', T0 + 400, 2)).toEqual(['2030-01-01T00:01:30Z', '2030-01-01T00:03:00Z']);
  });

  test('a date that never comes gives no activation', () => {
    expect(runs('0 0 30 2 *', T0, 1)).toEqual([]);
  });

  test('named months in a range with a step', () => {
    expect(runs('0 0 1 jan-dec/6 *', T0, 2)).toEqual(['2030-07-01T00:00:00Z', '2031-01-01T00:00:00Z']);
  });
});

describe('time zones', () => {
  test('a CronJob timeZone shifts the schedule', () => {
    const r = cronJobSchedule('0 2 * * *', 'America/New_York');
    expect(r.ok).toBe(true);
    if (r.ok) expect(new Date(nextTime(r.schedule, T0)!).toISOString()).toBe('2030-01-01T07:00:00.000Z');
  });

  test('a wall time skipped by daylight saving does not run that day', () => {
    // New York springs forward on 2030-03-10 from 02:00 to 03:00.
    expect(runs('TZ=America/New_York 30 2 * * *', Date.UTC(2030, 2, 8), 3)).toEqual([
      '2030-03-08T07:30:00Z',
      '2030-03-09T07:30:00Z',
      '2030-03-11T06:30:00Z',
    ]);
  });

  test('a wall time repeated when daylight saving ends runs twice', () => {
    // New York falls back on 2030-11-03 from 02:00 to 01:00.
    expect(runs('TZ=America/New_York 30 1 * * *', Date.UTC(2030, 10, 2, 12), 3)).toEqual([
      '2030-11-03T05:30:00Z',
      '2030-11-03T06:30:00Z',
      '2030-11-04T06:30:00Z',
    ]);
  });

  test.each([
    ['Foo/Bar', 'unknown time zone Foo/Bar'],
    ['america/new_york', 'unknown time zone america/new_york'],
    ['Local', 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'],
    ['', 'timeZone must be nil or non-empty string'],
    ['../etc/passwd', 'unknown time zone ../etc/passwd'],
  ])('rejects timeZone %j', (tz, message) => {
    expect(timeZoneError(tz)).toBe(message);
  });

  test.each(['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Etc/GMT+5'])('accepts timeZone %s', (tz) => {
    expect(timeZoneError(tz)).toBeUndefined();
  });
});

describe('API validation of a CronJob schedule', () => {
  test('TZ= in the schedule is refused in favour of spec.timeZone', () => {
    expect(validateCronJobSchedule('TZ=UTC 0 * * * *', undefined)).toEqual([
      {
        path: 'spec.schedule',
        message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        hint: 'remove it from the schedule and set spec.timeZone, e.g. timeZone: "Europe/Paris"',
      },
    ]);
  });

  test.each([
    ['61 * * * *', 'minute', '0-59'],
    ['0 24 * * *', 'hour', '0-23'],
    ['0 0 0 * *', 'day of month', '1-31'],
    ['0 0 * 13 *', 'month', '1-12'],
    ['x * * * *', 'minute', '0-59'],
  ])('an error in %s names the %s field and what it takes', (schedule, field, range) => {
    const parsed = parseSchedule(schedule);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.field).toBe(field);
    expect(parsed.hint ?? '').toContain(range);
  });

  test('reports the schedule and the time zone separately', () => {
    const problems = validateCronJobSchedule('0 0 * * 7', 'Mars/Olympus');
    expect(problems.map((p) => p.path)).toEqual(['spec.schedule', 'spec.timeZone']);
  });
});

// A direct reading of the cron definition, minute by minute, to check the field-walking algorithm.
function bruteNext(fields: number[][], star: [boolean, boolean], after: number): number | undefined {
  const [mins, hours, doms, months, dows] = fields.map((f) => new Set(f)) as Set<number>[];
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  for (let i = 0; i < 366 * 24 * 60 * 2; i++, t += 60_000) {
    const d = new Date(t);
    if (!mins!.has(d.getUTCMinutes()) || !hours!.has(d.getUTCHours()) || !months!.has(d.getUTCMonth() + 1)) continue;
    const dom = doms!.has(d.getUTCDate());
    const dow = dows!.has(d.getUTCDay());
    if (star[0] || star[1] ? dom && dow : dom || dow) return t;
  }
  return undefined;
}

test('property: next activation equals a minute-by-minute scan of the definition', () => {
  const values = (min: number, max: number) => fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(
      values(0, 59),
      values(0, 23),
      fc.option(values(1, 28), { nil: undefined }),
      fc.option(values(1, 12), { nil: undefined }),
      fc.option(values(0, 6), { nil: undefined }),
      fc.integer({ min: 0, max: 365 * 24 * 60 }),
      (mins, hours, doms, months, dows, offsetMin) => {
        const text = [mins, hours, doms ?? ['*'], months ?? ['*'], dows ?? ['*']].map((f) => f.join(',')).join(' ');
        const all = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
        const fields = [mins, hours, doms ?? all(1, 31), months ?? all(1, 12), dows ?? all(0, 6)];
        const after = T0 + offsetMin * 60_000;
        expect(nextTime(sched(text), after)).toBe(bruteNext(fields, [doms === undefined, dows === undefined], after));
      },
    ),
    { numRuns: 60 },
  );
});
