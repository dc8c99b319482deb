/**
 * Wall-clock arithmetic in an IANA time zone, with Go's `time` package semantics — enough to run
 * robfig/cron's `SpecSchedule.Next` faithfully (it uses time.Date, AddDate, Add and Truncate).
 *
 * Offsets come from the platform's Intl data (no I/O, no wall clock). UTC has a fast path because
 * CronJobs without `timeZone` run in the controller manager's zone, which the simulation fixes to UTC.
 */

/** Broken-down wall-clock time. month is 1-12, weekday 0 (Sunday) - 6. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export interface Zone {
  /** IANA name, 'UTC' for the default. */
  readonly name: string;
  /** Offset from UTC in ms at the instant `utcMs` (wall = utc + offset). */
  offsetAt(utcMs: number): number;
}

const MINUTE = 60_000;

export const UTC_ZONE: Zone = { name: 'UTC', offsetAt: () => 0 };

const zoneCache = new Map<string, Zone | string>();

/**
 * The zone named `name`, or an error message in Go's words ("unknown time zone X").
 * Names are case-sensitive as on Linux (Go reads /usr/share/zoneinfo), while Intl is not, so a
 * name Intl only accepts after case-folding to a different spelling is rejected.
 */
export function loadZone(name: string): Zone | string {
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  const result = resolveZone(name);
  zoneCache.set(name, result);
  return result;
}

function resolveZone(name: string): Zone | string {
  if (name === '' || name === 'UTC') return UTC_ZONE;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return `unknown time zone ${name}`;
  }
  const resolved = format.resolvedOptions().timeZone;
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return `unknown time zone ${name}`;
  return intlZone(name, format);
}

function intlZone(name: string, format: Intl.DateTimeFormat): Zone {
  // Offsets only change at transitions; memoise per 15-minute bucket (all real offsets are
  // multiples of 15 minutes, and transitions happen on such boundaries).
  const memo = new Map<number, number>();
  return {
    name,
    offsetAt(utcMs: number): number {
      const bucket = Math.floor(utcMs / (15 * MINUTE));
      let offset = memo.get(bucket);
      if (offset === undefined) {
        offset = computeOffset(format, bucket * 15 * MINUTE);
        if (memo.size > 50_000) memo.clear();
        memo.set(bucket, offset);
      }
      return offset;
    },
  };
}

function computeOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(utcMs)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wallAsUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The wall clock in `zone` at instant `utcMs`. Computed with integer calendar arithmetic (Howard
 * Hinnant's civil_from_days, proleptic Gregorian as Date) rather than through a Date object: the
 * schedule walk calls this for every candidate time, and the getters dominated a CronJob's sync.
 */
export function wallAt(zone: Zone, utcMs: number): Wall {
  const ms = utcMs + zone.offsetAt(utcMs);
  const days = Math.floor(ms / DAY_MS);
  const secOfDay = Math.floor((ms - days * DAY_MS) / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor(secOfDay / 60) % 60,
    second: secOfDay % 60,
    // 1970-01-01 was a Thursday.
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/**
 * Go's time.Date(year, month, day, hour, min, sec, 0, loc): out-of-range values normalise
 * (month 13 is January next year), and a wall time that does not exist or exists twice (DST)
 * resolves the way Go does: take the offset in force at the wall time read as UTC, and if the
 * resulting instant lies in a different offset period, use that period's offset instead.
 */
export function dateIn(zone: Zone, year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone === UTC_ZONE) return wall;
  const guess = zone.offsetAt(wall);
  const utc = wall - guess;
  const actual = zone.offsetAt(utc);
  return actual === guess ? utc : wall - actual;
}

/** Go's t.AddDate(years, months, days) in `zone`. */
export function addDate(zone: Zone, utcMs: number, years: number, months: number, days: number): number {
  const w = wallAt(zone, utcMs);
  return dateIn(zone, w.year + years, w.month + months, w.day + days, w.hour, w.minute, w.second) + (utcMs % 1000);
}

/** Go's t.Truncate(d) for d dividing a day: absolute, independent of the zone. */
export function truncate(utcMs: number, unitMs: number): number {
  return utcMs - (((utcMs % unitMs) + unitMs) % unitMs);
}

/** RFC 3339 in `zone` ("2030-01-01T00:00:00Z" for UTC, "...-05:00" elsewhere), seconds precision. */
export function formatRFC3339(zone: Zone, utcMs: number): string {
  const w = wallAt(zone, utcMs);
  const offset = zone === UTC_ZONE ? 0 : zone.offsetAt(utcMs);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return date + formatOffset(offset, ':', 'Z');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z layout, "Mon, 02 Jan 2006 15:04:05 -0700", in UTC (as MissSchedule uses it). */
export function formatRFC1123Z(utcMs: number): string {
  const w = wallAt(UTC_ZONE, utcMs);
  return `${DAYS[w.weekday]}, ${pad(w.day)} ${MONTHS[w.month - 1]} ${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} +0000`;
}

function formatOffset(offsetMs: number, sep: string, zulu: string): string {
  if (offsetMs === 0) return zulu;
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / MINUTE));
  return `${sign}${pad(Math.floor(total / 60))}${sep}${pad(total % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
