// The cron syntax Kubernetes accepts for CronJob spec.schedule: github.com/robfig/cron/v3 ParseStandard
// (5 fields, names, ranges, steps, lists, `?` as `*`, @descriptors, @every <duration>), as called by
// pkg/apis/batch/validation (validateScheduleFormat), which also rejects any "TZ" in the schedule since
// Kubernetes 1.27 (use spec.timeZone). Pure: no clock, usable by the CronJob controller to compute times.

export type CronFieldName = 'minute' | 'hour' | 'day of month' | 'month' | 'day of week';

interface Bounds {
  name: CronFieldName;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export const CRON_FIELDS: readonly Bounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: DAYS },
];

/** robfig's descriptors, as the 5-field schedule they stand for. */
export const CRON_DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export interface CronField {
  /** Allowed values, ascending. */
  values: number[];
  /** Written as `*` or `?` (matters for day of month / day of week: robfig ORs them only when neither is a star). */
  star: boolean;
}

export type CronSchedule =
  | { kind: 'fields'; minute: CronField; hour: CronField; dayOfMonth: CronField; month: CronField; dayOfWeek: CronField }
  | { kind: 'every'; everyMs: number };

export interface CronSyntaxError {
  /** What is wrong, e.g. `end of range (61) above maximum (59) in the minute field`. */
  message: string;
  field?: CronFieldName;
  /** How to fix it. */
  hint: string;
}

const FORMAT_HINT = 'Write five fields "minute hour day-of-month month day-of-week", e.g. "*/5 * * * *" (every 5 minutes) or "0 3 * * 1-5" (03:00 on weekdays), or a macro such as @hourly or @daily.';

/** Parses a schedule as Kubernetes does; an error explains what is wrong. */
export function parseCronSchedule(schedule: string): { ok: true; schedule: CronSchedule } | { ok: false; error: CronSyntaxError } {
  if (schedule.includes('TZ')) {
    return fail('a time zone (TZ= or CRON_TZ=) cannot be given in the schedule since Kubernetes 1.27', 'Remove it from the schedule and set spec.timeZone instead, e.g. timeZone: "Europe/Paris".');
  }
  const text = schedule.trim();
  if (text === '') return fail('the schedule is empty', FORMAT_HINT);
  if (text.startsWith('@')) return parseDescriptor(text);
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    const extra = parts.length === 6 ? ' Kubernetes does not accept a seconds field.' : '';
    return fail(`expected exactly 5 fields, found ${parts.length}`, `${FORMAT_HINT}${extra}`);
  }
  const fields: CronField[] = [];
  for (let i = 0; i < 5; i++) {
    const bounds = CRON_FIELDS[i]!;
    const parsed = parseField(parts[i]!, bounds);
    if (typeof parsed === 'string') {
      return { ok: false, error: { message: `${parsed} in the ${bounds.name} field`, field: bounds.name, hint: fieldHint(bounds) } };
    }
    fields.push(parsed);
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [CronField, CronField, CronField, CronField, CronField];
  return { ok: true, schedule: { kind: 'fields', minute, hour, dayOfMonth, month, dayOfWeek } };
}

/** Convenience for validators: undefined when the schedule is accepted. */
export function checkCronSchedule(schedule: string): CronSyntaxError | undefined {
  const result = parseCronSchedule(schedule);
  return result.ok ? undefined : result.error;
}

function fail(message: string, hint: string): { ok: false; error: CronSyntaxError } {
  return { ok: false, error: { message, hint } };
}

function fieldHint(b: Bounds): string {
  const names = b.names ? ` or names (${Object.keys(b.names).slice(0, 3).join(', ')}, …)` : '';
  return `The ${b.name} field takes values ${b.min}-${b.max}${names}, as "*", "a", "a-b", "*/n", "a-b/n" or a comma-separated list.`;
}

function parseDescriptor(text: string): { ok: true; schedule: CronSchedule } | { ok: false; error: CronSyntaxError } {
  const lower = text.toLowerCase();
  const expanded = CRON_DESCRIPTORS[lower];
  if (expanded) return parseCronSchedule(expanded);
  if (lower.startsWith('@every ')) {
    const ms = parseGoDuration(text.slice(7).trim());
    if (ms === undefined) return fail(`failed to parse duration in ${JSON.stringify(text)}`, 'Write a duration such as "@every 5m" or "@every 1h30m".');
    // robfig rounds the interval up to at least one second.
    return { ok: true, schedule: { kind: 'every', everyMs: Math.max(1000, Math.floor(ms / 1000) * 1000) } };
  }
  return fail(`unrecognized descriptor ${JSON.stringify(text)}`, `Use one of ${Object.keys(CRON_DESCRIPTORS).join(', ')}, "@every <duration>", or five fields.`);
}

/** Go's time.ParseDuration (units ns us µs ms s m h), in milliseconds. */
function parseGoDuration(text: string): number | undefined {
  const unitMs: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (text === '0') return 0;
  if (!/^[+]?((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const part of text.replace(/^\+/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * unitMs[part[2]!]!;
  return total;
}

/** One field: a list of ranges. Returns the error text (robfig's wording) when it does not parse. */
function parseField(text: string, b: Bounds): CronField | string {
  const values = new Set<number>();
  let star = false;
  for (const expr of text.split(',')) {
    const range = parseRange(expr, b);
    if (typeof range === 'string') return range;
    star ||= range.star;
    for (let v = range.start; v <= range.end; v += range.step) values.add(v);
  }
  return { values: [...values].sort((x, y) => x - y), star };
}

function parseRange(expr: string, b: Bounds): { start: number; end: number; step: number; star: boolean } | string {
  const slash = expr.split('/');
  if (slash.length > 2) return `too many slashes in "${expr}"`;
  const dash = slash[0]!.split('-');
  if (dash.length > 2) return `too many hyphens in "${expr}"`;
  let start: number;
  let end: number;
  let star = false;
  if (dash[0] === '*' || dash[0] === '?') {
    [start, end, star] = [b.min, b.max, true];
  } else {
    const s = parseValue(dash[0]!, b);
    if (typeof s === 'string') return s;
    start = s;
    if (dash.length === 2) {
      const e = parseValue(dash[1]!, b);
      if (typeof e === 'string') return e;
      end = e;
    } else end = start;
  }
  let step = 1;
  if (slash.length === 2) {
    const n = parseNumber(slash[1]!);
    if (typeof n === 'string') return n;
    step = n;
    if (dash.length === 1 && !star) end = b.max; // "5/15" means from 5 to the maximum
    if (step > 1) star = false;
  }
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}) in "${expr}"`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}) in "${expr}"`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}) in "${expr}"`;
  if (step === 0) return `step of range should be a positive number in "${expr}"`;
  return { start, end, step, star };
}

function parseValue(text: string, b: Bounds): number | string {
  const named = b.names?.[text.toLowerCase()];
  return named ?? parseNumber(text);
}

function parseNumber(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `"${text}" is not a number`;
  const n = Number(text);
  if (n < 0) return `negative number (${n}) not allowed`;
  return n;
}
