// Virtual time helpers: RFC3339 rendering and duration parsing ("30s", "1m30s", "1000h", "500ms").

/** RFC3339 in UTC; fractional seconds only when the instant has them ("2030-01-01T00:00:01.5Z"). */
export function rfc3339(ms: number): string {
  let s = rfcCache.get(ms);
  if (s === undefined) {
    if (rfcCache.size > 4096) rfcCache.clear();
    const iso = new Date(ms).toISOString();
    s = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => `.${frac.replace(/0+$/, '')}Z`);
    rfcCache.set(ms, s);
  }
  return s;
}

/** Runs format the same few instants over and over; a small memo saves most conversions. */
const rfcCache = new Map<number, string>();

/** Parses an RFC3339 timestamp to ms since epoch, or undefined. */
export function parseTime(text: string): number | undefined {
  if (parsedCache.has(text)) return parsedCache.get(text);
  if (parsedCache.size > 4096) parsedCache.clear();
  let ms: number | undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    ms = Date.parse(text);
    if (Number.isNaN(ms)) ms = undefined;
  }
  parsedCache.set(text, ms);
  return ms;
}

/** Controllers parse the same few timestamps (creation, start, finish) at every sync. */
const parsedCache = new Map<string, number | undefined>();

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
