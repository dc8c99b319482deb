/**
 * CronJob schedules exactly as Kubernetes reads them: robfig/cron v3's standard parser
 * (`cron.ParseStandard`, vendored by kubernetes/kubernetes), and its `Next` computation.
 *
 * Why not a general cron library: Kubernetes' dialect differs from most in ways a learner meets —
 * day-of-week is 0-6 only (7 is rejected), `?` means `*`, L/W/# and a seconds field are rejected,
 * `@every <duration>` is accepted, and day-of-month/day-of-week combine with OR only when neither
 * field starts with `*` (robfig's "star bit": kept by `*` and by `*` with step 1, dropped by a
 * larger step).
 * Upstream: vendor/github.com/robfig/cron/v3/parser.go and spec.go, constantdelay.go.
 *
 * This module is the ONE schedule parser of the project: validation messages, the controller and
 * the course all use `parseSchedule` / `validateCronJobSchedule`.
 */
import { addDate, dateIn, loadZone, truncate, UTC_ZONE, wallAt, type Wall, type Zone } from './zone.js';

/** The values a field allows (index = value) and whether it was written with a leading `*`/`?`. */
export interface CronField {
  readonly allowed: readonly boolean[];
  readonly star: boolean;
}

export interface SpecSchedule {
  readonly kind: 'spec';
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dom: CronField;
  readonly month: CronField;
  readonly dow: CronField;
  readonly zone: Zone;
}

/** `@every <duration>`: a fixed delay (whole seconds, at least 1s) after the previous time. */
export interface EverySchedule {
  readonly kind: 'every';
  readonly delayMs: number;
}

export type Schedule = SpecSchedule | EverySchedule;

export type ParseResult =
  | { readonly ok: true; readonly schedule: Schedule }
  /** `error` is robfig/cron's own message (what the API server shows); `hint` says how to fix it. */
  | { readonly ok: false; readonly error: string; readonly field?: string; readonly hint?: string };

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];

class CronSyntaxError extends Error {
  /** Set when the error is inside one of the five fields. */
  field?: string;
  fieldHint?: string;
}

/**
 * Parse a schedule as `cron.ParseStandard` does: 5 fields, or a descriptor (@yearly, @annually,
 * @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>), optionally prefixed by
 * `TZ=<zone> ` or `CRON_TZ=<zone> ` (Kubernetes' API validation forbids that prefix in new objects;
 * see validateCronJobSchedule). Without a prefix the schedule runs in UTC.
 */
export function parseSchedule(text: string): ParseResult {
  if (text.length === 0) return { ok: false, error: 'empty spec string', hint: 'write a schedule such as "*/5 * * * *"' };
  let zone = UTC_ZONE;
  let spec = text;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const name = spec.slice(spec.indexOf('=') + 1, space < 0 ? undefined : space);
    const loaded = loadZone(name);
    if (typeof loaded === 'string') return { ok: false, error: `provided bad location ${name}: ${loaded}` };
    zone = loaded;
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  try {
    if (spec.startsWith('@')) return { ok: true, schedule: parseDescriptor(spec, zone) };
    return { ok: true, schedule: parseFields(spec, zone) };
  } catch (e) {
    if (!(e instanceof CronSyntaxError)) throw e;
    const hint = hintFor(spec, e.message) ?? e.fieldHint;
    return { ok: false, error: e.message, ...(e.field ? { field: e.field } : {}), ...(hint ? { hint } : {}) };
  }
}

function parseFields(spec: string, zone: Zone): SpecSchedule {
  const fields = spec.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) {
    throw new CronSyntaxError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  const [minute, hour, dom, month, dow] = FIELD_BOUNDS.map((bounds, i) => parseNamedField(fields[i]!, bounds, i));
  return { kind: 'spec', minute: minute!, hour: hour!, dom: dom!, month: month!, dow: dow!, zone };
}

const FIELD_BOUNDS = [MINUTES, HOURS, DOM, MONTHS, DOW];

/** Parses field `index`; an error keeps robfig's message and says which field and what it takes. */
function parseNamedField(field: string, bounds: Bounds, index: number): CronField {
  try {
    return parseField(field, bounds);
  } catch (e) {
    if (!(e instanceof CronSyntaxError)) throw e;
    const names = bounds.names ? ` or names (${Object.keys(bounds.names).join(', ')})` : '';
    e.field = FIELD_NAMES[index]!;
    e.fieldHint = `the ${e.field} field takes ${bounds.min}-${bounds.max}${names}, as *, a, a-b, */n, a-b/n or a comma-separated list`;
    throw e;
  }
}

/** A field is a comma-separated list of ranges; empty list items are skipped (Go's FieldsFunc). */
function parseField(field: string, bounds: Bounds): CronField {
  const allowed: boolean[] = new Array<boolean>(bounds.max + 1).fill(false);
  let star = false;
  for (const expr of field.split(',').filter((r) => r.length > 0)) {
    star = parseRange(expr, bounds, allowed) || star;
  }
  return { allowed, star };
}

/** `number | name | * | ?` optionally `-end`, optionally `/step`. Returns whether it keeps the star bit. */
function parseRange(expr: string, bounds: Bounds, allowed: boolean[]): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // robfig ignores anything after `*-`: "*-5" reads as "*".
    [start, end, star] = [bounds.min, bounds.max, true];
  } else {
    if (lowAndHigh.length > 2) throw new CronSyntaxError(`too many hyphens: ${expr}`);
    start = parseIntOrName(lowAndHigh[0]!, bounds);
    end = lowAndHigh.length === 2 ? parseIntOrName(lowAndHigh[1]!, bounds) : start;
  }
  let step = 1;
  if (rangeAndStep.length > 2) throw new CronSyntaxError(`too many slashes: ${expr}`);
  if (rangeAndStep.length === 2) {
    step = parseUint(rangeAndStep[1]!);
    if (lowAndHigh.length === 1) end = bounds.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  }
  if (start < bounds.min) throw new CronSyntaxError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronSyntaxError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronSyntaxError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) allowed[v] = true;
  return star;
}

function parseIntOrName(text: string, bounds: Bounds): number {
  const named = bounds.names?.[text.toLowerCase()];
  return named ?? parseUint(text);
}

/** Go's strconv.Atoi then a non-negative check, with Go's messages. */
function parseUint(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) {
    throw new CronSyntaxError(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    throw new CronSyntaxError(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  }
  if (n < 0) throw new CronSyntaxError(`negative number (${n}) not allowed: ${text}`);
  return n;
}

function only(bounds: Bounds, value: number): CronField {
  const allowed = new Array<boolean>(bounds.max + 1).fill(false);
  allowed[value] = true;
  return { allowed, star: false };
}

function every(bounds: Bounds): CronField {
  const allowed = new Array<boolean>(bounds.max + 1).fill(false);
  for (let v = bounds.min; v <= bounds.max; v++) allowed[v] = true;
  return { allowed, star: true };
}

function parseDescriptor(spec: string, zone: Zone): Schedule {
  const at = (minute: CronField, hour: CronField, dom: CronField, month: CronField, dow: CronField): SpecSchedule => ({
    kind: 'spec',
    minute,
    hour,
    dom,
    month,
    dow,
    zone,
  });
  const zero = only(MINUTES, 0);
  const midnight = only(HOURS, 0);
  switch (spec) {
    case '@yearly':
    case '@annually':
      return at(zero, midnight, only(DOM, 1), only(MONTHS, 1), every(DOW));
    case '@monthly':
      return at(zero, midnight, only(DOM, 1), every(MONTHS), every(DOW));
    case '@weekly':
      return at(zero, midnight, every(DOM), every(MONTHS), only(DOW, 0));
    case '@daily':
    case '@midnight':
      return at(zero, midnight, every(DOM), every(MONTHS), every(DOW));
    case '@hourly':
      return at(zero, every(HOURS), every(DOM), every(MONTHS), every(DOW));
  }
  if (spec.startsWith('@every ')) {
    const ms = parseGoDuration(spec.slice('@every '.length));
    if (ms === undefined) throw new CronSyntaxError(`failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(spec.slice(7))}`);
    // robfig Every(): under a second becomes a second; sub-second parts are dropped.
    return { kind: 'every', delayMs: ms < 1000 ? 1000 : ms - (ms % 1000) };
  }
  throw new CronSyntaxError(`unrecognized descriptor: ${spec}`);
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds ("1h30m", "90s", "1.5h", "-5m", "0"). */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text)!;
  const body = m[2]!;
  if (body === '0') return 0;
  if (body === '') return undefined;
  const part = /(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < body.length) {
    part.lastIndex = pos;
    const p = part.exec(body);
    if (!p || p[1] === '' || p[1] === '.') return undefined;
    total += Number(p[1]) * DURATION_UNITS[p[2]!]!;
    pos = part.lastIndex;
  }
  return m[1] === '-' ? -total : total;
}

function hintFor(spec: string, error: string): string | undefined {
  const fields = spec.split(/\s+/).filter((f) => f.length > 0);
  if (/[LW#]/.test(spec) && !spec.startsWith('@')) return 'L, W and # are not supported by the Kubernetes cron format';
  if (error.startsWith('expected exactly 5 fields')) {
    const extra = fields.length === 6 ? '; there is no seconds field' : '';
    return `write 5 fields: ${FIELD_NAMES.join(', ')}${extra}`;
  }
  if (/end of range \(7\) above maximum \(6\)/.test(error)) return 'day of week runs 0-6 (or SUN-SAT); Sunday is 0, not 7';
  if (error.startsWith('unrecognized descriptor')) return 'use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>';
  return undefined;
}

/**
 * Kubernetes' API validation of a CronJob's schedule and timeZone (pkg/apis/batch/validation:
 * validateScheduleFormat, validateTimeZone) for a new object.
 */
export function validateCronJobSchedule(
  schedule: string,
  timeZone: string | undefined,
): { path: 'spec.schedule' | 'spec.timeZone'; message: string; hint?: string }[] {
  const problems: { path: 'spec.schedule' | 'spec.timeZone'; message: string; hint?: string }[] = [];
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) problems.push({ path: 'spec.schedule', message: parsed.error, ...(parsed.hint ? { hint: parsed.hint } : {}) });
  if (schedule.includes('TZ')) {
    problems.push({
      path: 'spec.schedule',
      message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      hint: 'remove it from the schedule and set spec.timeZone, e.g. timeZone: "Europe/Paris"',
    });
  }
  const tzProblem = timeZone === undefined ? undefined : timeZoneError(timeZone);
  if (tzProblem) problems.push({ path: 'spec.timeZone', message: tzProblem });
  return problems;
}

// IANA naming rules as Kubernetes applies them to each path segment of a time zone name.
const TZ_SEGMENT = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Why `timeZone` is not acceptable to Kubernetes, or undefined when it is. */
export function timeZoneError(timeZone: string): string | undefined {
  if (timeZone.length === 0) return 'timeZone must be nil or non-empty string';
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_SEGMENT.test(part)) return `unknown time zone ${timeZone}`;
  }
  if (timeZone.toLowerCase() === 'local') {
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  }
  const zone = loadZone(timeZone);
  return typeof zone === 'string' ? zone : undefined;
}

/**
 * The schedule a CronJob runs on: the controller's formatSchedule() — `TZ=<timeZone> ` is
 * prefixed when timeZone is set and valid and the schedule carries no TZ of its own.
 */
export function cronJobSchedule(schedule: string, timeZone: string | undefined): ParseResult {
  const text = schedule.includes('TZ') || timeZone === undefined || typeof loadZone(timeZone) === 'string' ? schedule : `TZ=${timeZone} ${schedule}`;
  let parsed = parsedSchedules.get(text);
  if (!parsed) {
    parsed = parseSchedule(text);
    // Parsing is pure; a CronJob is synced many times, so remember a bounded number of results.
    if (parsedSchedules.size >= 1000) parsedSchedules.clear();
    parsedSchedules.set(text, parsed);
  }
  return parsed;
}

const parsedSchedules = new Map<string, ParseResult>();

/**
 * The first activation strictly after `afterMs` (robfig's Schedule.Next), or undefined where Go
 * returns the zero time (nothing within five years, e.g. "0 0 30 2 *").
 */
export function nextTime(schedule: Schedule, afterMs: number): number | undefined {
  if (schedule.kind === 'every') return afterMs - (((afterMs % 1000) + 1000) % 1000) + schedule.delayMs;
  // The controller asks for the same few times at every sync (after the last schedule, after the
  // one following it); the walk is pure, so its results are remembered per schedule.
  let memo = nextTimes.get(schedule);
  if (!memo) nextTimes.set(schedule, (memo = new Map()));
  if (memo.has(afterMs)) return memo.get(afterMs);
  const next = nextSpecTime(schedule, afterMs);
  if (memo.size >= 256) memo.clear();
  memo.set(afterMs, next);
  return next;
}

const nextTimes = new WeakMap<SpecSchedule, Map<number, number | undefined>>();

/**
 * robfig's SpecSchedule.Next: walk month → day → hour → minute → second, resetting the smaller
 * units the first time a unit is advanced, and starting over ("wrap") when a unit rolls over.
 * Minutes and seconds jump straight to the next allowed value instead of stepping one by one
 * (same result: the standard parser's only second is 0, and zone offsets are whole minutes).
 */
function nextSpecTime(s: SpecSchedule, afterMs: number): number | undefined {
  const zone = s.zone;
  let t = truncate(afterMs, 1000) + 1000;
  let added = false;
  const yearLimit = wallAt(zone, t).year + 5;
  wrap: for (;;) {
    let w = wallAt(zone, t);
    if (w.year > yearLimit) return undefined;
    while (!s.month.allowed[w.month]) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, 1, 0, 0, 0);
      }
      t = addDate(zone, t, 0, 1, 0);
      w = wallAt(zone, t);
      if (w.month === 1) continue wrap;
    }
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, w.day, 0, 0, 0);
      }
      t = addDate(zone, t, 0, 0, 1);
      w = wallAt(zone, t);
      // Midnight may not exist on a DST day: nudge back onto midnight as robfig does.
      if (w.hour !== 0) {
        t += (w.hour > 12 ? 24 - w.hour : -w.hour) * 3_600_000;
        w = wallAt(zone, t);
      }
      if (w.day === 1) continue wrap;
    }
    while (!s.hour.allowed[w.hour]) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, w.day, w.hour, 0, 0);
      }
      t += 3_600_000;
      w = wallAt(zone, t);
      if (w.hour === 0) continue wrap;
    }
    if (!s.minute.allowed[w.minute]) {
      if (!added) {
        added = true;
        t = truncate(t, 60_000);
      }
      const next = nextAllowed(s.minute, w.minute + 1);
      if (next === undefined) {
        t += (60 - w.minute) * 60_000;
        continue wrap;
      }
      t += (next - w.minute) * 60_000;
      w = wallAt(zone, t);
    }
    if (w.second !== 0) {
      if (!added) added = true;
      t = truncate(t, 60_000) + 60_000;
      continue wrap;
    }
    return t;
  }
}

function nextAllowed(field: CronField, from: number): number | undefined {
  for (let v = from; v < field.allowed.length; v++) if (field.allowed[v]) return v;
  return undefined;
}

/** Day of month and day of week: AND when either field has the star bit, otherwise OR. */
function dayMatches(s: SpecSchedule, w: Wall): boolean {
  const domMatch = s.dom.allowed[w.day] === true;
  const dowMatch = s.dow.allowed[w.weekday] === true;
  return s.dom.star || s.dow.star ? domMatch && dowMatch : domMatch || dowMatch;
}
