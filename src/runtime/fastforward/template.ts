// A template of a value that repeats from one schedule cycle to the next except for what moves with the
// cycle: times, counters (resourceVersions, sequence numbers) and generated tokens (uids, generated name
// suffixes, pod IPs). It is learned from two consecutive cycles, checked against a third, and then
// gives the value of any later cycle k cycles on. Unchanged parts are shared, not copied: stored
// objects are immutable.
import { rfc3339, parseTime, RFC3339_SOURCE } from '../time.js';
import { formatRFC1123Z, formatRFC3339, type Zone } from '../controllers/cronjob/zone.js';
import type { TokenContext, TokenRef } from './tokens.js';

/** How a time is written: RFC3339 in UTC, RFC3339 in a zone at a fixed offset ("+09:00"), or RFC1123Z. */
type TimeFormat = { kind: 'utc' } | { kind: 'offset'; zone: Zone } | { kind: 'rfc1123z' };

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'digits'; base: number; step: number }
  | { kind: 'time'; base: number; step: number; format: TimeFormat }
  | { kind: 'token'; ref: TokenRef };

export type Template =
  | { kind: 'same'; value: unknown }
  | { kind: 'number'; base: number; step: number }
  | { kind: 'string'; parts: Part[] }
  | { kind: 'array'; items: Template[] }
  | { kind: 'object'; keys: string[]; values: Template[] };

/** The template of one key of an object's template. */
export function fieldOf(t: Template, key: string): Template | undefined {
  if (t.kind === 'object') return t.values[t.keys.indexOf(key)];
  if (t.kind === 'same' && typeof t.value === 'object' && t.value !== null) return { kind: 'same', value: (t.value as Record<string, unknown>)[key] };
  return undefined;
}

/** Thrown while learning when two cycles differ in a way a template cannot express. */
class Unlike extends Error {}

/**
 * The template that turns `prev` (one cycle) into `next` (the following one): undefined when they
 * differ in shape (keys, lengths, kinds, literal text) rather than only in moving values.
 */
export function learn(prev: unknown, next: unknown, prevTokens: TokenContext, nextTokens: TokenContext): Template | undefined {
  try {
    return learnValue(prev, next, prevTokens, nextTokens);
  } catch (err) {
    if (err instanceof Unlike) return undefined;
    throw err;
  }
}

function learnValue(a: unknown, b: unknown, ta: TokenContext, tb: TokenContext): Template {
  if (a === b) return { kind: 'same', value: b };
  if (typeof a === 'number' && typeof b === 'number') return { kind: 'number', base: b, step: b - a };
  if (typeof a === 'string' && typeof b === 'string') return learnString(a, b, ta, tb);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new Unlike();
    const items = b.map((v, i) => learnValue(a[i], v, ta, tb));
    return allSame(items) ? { kind: 'same', value: b } : { kind: 'array', items };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(b);
    const keysA = Object.keys(a);
    if (keys.length !== keysA.length || keys.some((k, i) => keysA[i] !== k)) throw new Unlike();
    const values = keys.map((k) => learnValue(a[k], b[k], ta, tb));
    return allSame(values) ? { kind: 'same', value: b } : { kind: 'object', keys, values };
  }
  throw new Unlike();
}

function allSame(ts: Template[]): boolean {
  return ts.every((t) => t.kind === 'same');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function learnString(a: string, b: string, ta: TokenContext, tb: TokenContext): Template {
  const pa = split(a, ta);
  const pb = split(b, tb);
  if (pa.length !== pb.length) throw new Unlike();
  const parts: Part[] = pb.map((p, i) => learnPart(pa[i]!, p));
  return { kind: 'string', parts };
}

function learnPart(a: Piece, b: Piece): Part {
  if (a.kind !== b.kind) throw new Unlike();
  switch (b.kind) {
    case 'text':
      if (a.kind !== 'text' || a.text !== b.text) throw new Unlike();
      return { kind: 'text', text: b.text };
    case 'token':
      if (a.kind !== 'token' || a.ref.age !== b.ref.age || a.ref.index !== b.ref.index || a.ref.bare !== b.ref.bare) throw new Unlike();
      return { kind: 'token', ref: b.ref };
    case 'digits': {
      const va = a.kind === 'digits' ? a : undefined;
      if (!va) throw new Unlike();
      // A run with leading zeros has a width of its own: only a run that stays put is understood.
      if ((/^0\d/.test(va.text) || /^0\d/.test(b.text)) && va.text !== b.text) throw new Unlike();
      return { kind: 'digits', base: Number(b.text), step: Number(b.text) - Number(va.text) };
    }
    case 'time': {
      if (a.kind !== 'time' || !sameFormat(a.format, b.format)) throw new Unlike();
      return { kind: 'time', base: b.ms, step: b.ms - a.ms, format: b.format };
    }
  }
}

function sameFormat(x: TimeFormat, y: TimeFormat): boolean {
  return x.kind === y.kind && (x.kind !== 'offset' || (y.kind === 'offset' && x.zone.name === y.zone.name));
}

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'digits'; text: string }
  | { kind: 'time'; ms: number; format: TimeFormat }
  | { kind: 'token'; ref: TokenRef };

const RFC3339 = new RegExp(RFC3339_SOURCE, 'g');
const RFC1123Z = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000/g;
const DIGITS = /\d+/g;

/** A string as its pieces: generated tokens first, then times, then runs of digits; the rest is text. */
function split(s: string, tokens: TokenContext): Piece[] {
  const out: Piece[] = [];
  for (const piece of tokens.find(s)) {
    if (typeof piece !== 'string') out.push({ kind: 'token', ref: piece });
    else splitTimes(piece, out);
  }
  return out;
}

function splitTimes(s: string, out: Piece[]): void {
  const found: { at: number; end: number; ms: number; format: TimeFormat }[] = [];
  for (const m of s.matchAll(RFC3339)) found.push({ at: m.index, end: m.index + m[0].length, ...rfc3339Piece(m[0]) });
  for (const m of s.matchAll(RFC1123Z)) found.push({ at: m.index, end: m.index + m[0].length, ms: Date.parse(m[0]), format: { kind: 'rfc1123z' } });
  found.sort((x, y) => x.at - y.at);
  let from = 0;
  for (const f of found) {
    splitDigits(s.slice(from, f.at), out);
    out.push({ kind: 'time', ms: f.ms, format: f.format });
    from = f.end;
  }
  splitDigits(s.slice(from), out);
}

function rfc3339Piece(text: string): { ms: number; format: TimeFormat } {
  const ms = parseTime(text)!;
  if (text.endsWith('Z')) return { ms, format: { kind: 'utc' } };
  const offset = text.slice(-6);
  if (text.includes('.')) throw new Unlike(); // zone-formatted times have whole seconds only
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  // A zone that keeps this offset: zone.ts writes the time as the CronJob controller did.
  return { ms, format: { kind: 'offset', zone: { name: offset, offsetAt: () => offsetMs } } };
}

function splitDigits(s: string, out: Piece[]): void {
  let from = 0;
  for (const m of s.matchAll(DIGITS)) {
    if (m.index > from) out.push({ kind: 'text', text: s.slice(from, m.index) });
    out.push({ kind: 'digits', text: m[0] });
    from = m.index + m[0].length;
  }
  if (from < s.length) out.push({ kind: 'text', text: s.slice(from) });
}

/** The value `k` cycles after the one the template was learned on, its tokens read from `tokens`. */
export function instantiate(t: Template, k: number, tokens: TokenContext): unknown {
  switch (t.kind) {
    case 'same':
      return t.value;
    case 'number':
      return t.base + k * t.step;
    case 'string':
      return stringAt(t.parts, k, tokens);
    case 'array':
      return t.items.map((item) => instantiate(item, k, tokens));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < t.keys.length; i++) o[t.keys[i]!] = instantiate(t.values[i]!, k, tokens);
      return o;
    }
  }
}

function stringAt(parts: readonly Part[], k: number, tokens: TokenContext): string {
  if (parts.length === 1) return partText(parts[0]!, k, tokens);
  // join() makes one flat string; `+=` would keep a tree of pieces per string for the run's life.
  const pieces = new Array<string>(parts.length);
  for (let i = 0; i < parts.length; i++) pieces[i] = partText(parts[i]!, k, tokens);
  return pieces.join('');
}

function partText(p: Part, k: number, tokens: TokenContext): string {
  switch (p.kind) {
    case 'text':
      return p.text;
    case 'digits':
      return String(p.base + k * p.step);
    case 'time':
      return formatTime(p.base + k * p.step, p.format);
    case 'token':
      return tokens.token(p.ref);
  }
}

function formatTime(ms: number, f: TimeFormat): string {
  if (f.kind === 'utc') return rfc3339(ms);
  if (f.kind === 'rfc1123z') return formatRFC1123Z(ms);
  return formatRFC3339(f.zone, ms);
}

/** The string parts of every string in the template. */
function* partsOf(t: Template): Generator<Part> {
  if (t.kind === 'string') yield* t.parts;
  else if (t.kind === 'array') for (const item of t.items) yield* partsOf(item);
  else if (t.kind === 'object') for (const v of t.values) yield* partsOf(v);
}

/**
 * True when every moving run of digits keeps its number of digits from the learned cycle to `k`
 * cycles on: names that sort as text (e.g. `<cronjob>-<minutes>`) then keep their order.
 */
export function digitWidthsHold(t: Template, k: number): boolean {
  for (const p of partsOf(t)) {
    if (p.kind === 'digits' && p.step !== 0 && widthOf(p.base) !== widthOf(p.base + k * p.step)) return false;
  }
  return true;
}

function widthOf(n: number): number {
  return n < 0 ? -1 : String(n).length;
}

/** The greatest token age the template reads (how many cycles back its oldest token was made). */
export function oldestTokenAge(t: Template): number {
  let age = 0;
  for (const p of partsOf(t)) if (p.kind === 'token') age = Math.max(age, p.ref.age);
  return age;
}
