// Virtual time helpers: RFC3339 rendering and duration parsing ("30s", "1m30s", "1000h", "500ms").

/** RFC3339 in UTC; fractional seconds only when the instant has them ("2030-01-01T00:00:01.5Z"). */
export function rfc3339(ms: number): string {
  // Runs format the same few instants over and over (metav1.Time is whole seconds): a small
  // direct-mapped memo by second keeps them, and hands back the same string each time.
  const slot = slotOf(ms);
  if (formattedMs[slot] === ms) return formattedText[slot]!;
  let text: string;
  if (ms % 1000 === 0 && ms >= 0 && ms < YEAR_10000) {
    text = wholeSecondsUtc(ms);
    rememberParsed(text, ms);
  } else {
    const iso = new Date(ms).toISOString();
    text = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => `.${frac.replace(/0+$/, '')}Z`);
  }
  formattedMs[slot] = ms;
  formattedText[slot] = text;
  return text;
}

const SLOTS = 4096;
const formattedMs = new Float64Array(SLOTS).fill(NaN);
const formattedText: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
/** 10000-01-01T00:00:00Z: from there on toISOString writes six-digit years. */
const YEAR_10000 = 253_402_300_800_000;

function slotOf(ms: number): number {
  const slot = Math.floor(ms / 1000) % SLOTS;
  return slot < 0 ? slot + SLOTS : slot;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let dayOfPrefix = NaN;
let datePrefix = '';

/** "YYYY-MM-DDThh:mm:ssZ" of a whole second in years 0–9999; the date part is kept per day. */
function wholeSecondsUtc(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== dayOfPrefix) {
    datePrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayOfPrefix = day;
  }
  const secs = (ms - day * 86_400_000) / 1000;
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  return `${datePrefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[secs % 60]}Z`;
}

/** Parses an RFC3339 timestamp to ms since epoch, or undefined. */
export function parseTime(text: string): number | undefined {
  // Controllers parse the same few timestamps (creation, start, finish) at every sync, and most of
  // them were written by rfc3339, which files them here.
  const known = parsedCache.get(text);
  if (known !== undefined) return Number.isNaN(known) ? undefined : known;
  let ms = NaN;
  if (WHOLE_RFC3339.test(text)) ms = Date.parse(text);
  rememberParsed(text, ms);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An RFC3339 timestamp, as a regular expression source (no anchors: also for finding one in text). */
export const RFC3339_SOURCE = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})`;
const WHOLE_RFC3339 = new RegExp(`^${RFC3339_SOURCE}$`);

/** Parsed timestamps; NaN marks text that is not one. */
const parsedCache = new Map<string, number>();

function rememberParsed(text: string, ms: number): void {
  if (parsedCache.size >= 4096) parsedCache.clear();
  parsedCache.set(text, ms);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go-style duration ("1m30s", "2s", "500ms", "1.5h") in ms; a bare number means seconds. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === s.length && s.length > 0 ? Math.round(total) : undefined;
}

/** "+12s", "+1m5s", "+1.5s": a virtual offset for event timelines. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  const sec = s === 0 && (h || m) ? '' : `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec}`;
}

/** kubectl's short age ("5s", "3m", "2d"), as duration.HumanDuration. */
export function humanAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}
