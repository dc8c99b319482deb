// What a cycle leaves in the run's records — timeline entries and events — as a template, and the
// records of a generated cycle. Both are made as class instances of one shape each (a long run keeps
// hundreds of thousands); an entry's object is made from its template only when first read.
import type { KubeObject } from '../api/types.js';
import type { SimEvent } from '../events.js';
import type { TimelineEntry } from '../timeline.js';
import type { TokenContext } from './tokens.js';
import { instantiate, fieldOf, type Template } from './template.js';

export interface Trace {
  tl: TimelineEntry[];
  ev: SimEvent[];
}

/** The template of one record: a template per field, in the record's key order. */
type Fields = Record<string, Template>;

/** An object a cycle creates under a name that moves from cycle to cycle. */
export interface Creation {
  kind: string;
  namespace: Template;
  name: Template;
}

export interface TraceTemplate {
  entries: Fields[];
  events: Fields[];
  creates: Creation[];
  /** The distinct involvedObject templates, and which one each event has. */
  refs: Template[];
  refOf: number[];
  /** Every template in it (to check what moves). */
  parts: Template[];
}

const ENTRY_KEYS = ['time', 'seq', 'type', 'object', 'step'];
const EVENT_KEYS = ['time', 'type', 'reason', 'involvedObject', 'message', 'source', 'step'];

/** Splits a learned `{tl, ev}` template into per-record field templates; undefined if not that shape. */
export function splitTrace(t: Template): TraceTemplate | undefined {
  if (t.kind !== 'object' || t.keys.join() !== 'tl,ev') return undefined;
  const entries = records(t.values[0]!, ENTRY_KEYS);
  const events = records(t.values[1]!, EVENT_KEYS);
  if (!entries || !events) return undefined;
  const parts = [...entries, ...events].flatMap((f) => Object.values(f));
  const keys: string[] = [];
  const refs: Template[] = [];
  const refOf = events.map((e) => {
    const key = JSON.stringify(e.involvedObject);
    const i = keys.indexOf(key);
    if (i >= 0) return i;
    keys.push(key);
    return refs.push(e.involvedObject!) - 1;
  });
  return { entries, events, creates: entries.flatMap(creation), refs, refOf, parts };
}

function creation(f: Fields): Creation[] {
  if (f.type?.kind !== 'same' || f.type.value !== 'ADDED') return [];
  const kind = fieldOf(f.object!, 'kind');
  const metadata = fieldOf(f.object!, 'metadata');
  const name = metadata && fieldOf(metadata, 'name');
  if (kind?.kind !== 'same' || !name || name.kind === 'same') return [];
  return [{ kind: kind.value as string, namespace: fieldOf(metadata!, 'namespace') ?? { kind: 'same', value: undefined }, name }];
}

function records(t: Template, order: readonly string[]): Fields[] | undefined {
  if (t.kind === 'same') return (t.value as unknown[]).length === 0 ? [] : undefined;
  if (t.kind !== 'array') return undefined;
  const out: Fields[] = [];
  for (const item of t.items) {
    if (item.kind !== 'object') return undefined;
    // The records' own key order (a step only while a scenario step runs).
    const expected = order.filter((k) => item.keys.includes(k));
    if (item.keys.join() !== expected.join()) return undefined;
    out.push(Object.fromEntries(item.keys.map((k, i) => [k, item.values[i]!])));
  }
  return out;
}

/** The records of the cycle `k` cycles after the learned one. */
export function generate(t: TraceTemplate, k: number, tokens: TokenContext): Trace {
  const cycle: Cycle = { k, tokens };
  // The events about one object share its reference, as the recorder's do.
  const refs = t.refs.map((r) => instantiate(r, k, tokens) as SimEvent['involvedObject']);
  return {
    tl: t.entries.map((f) => new GeneratedEntry(f, cycle)),
    ev: t.events.map((f, i) => new GeneratedEvent(f, refs[t.refOf[i]!]!, cycle)),
  };
}

interface Cycle {
  k: number;
  tokens: TokenContext;
}

/**
 * A timeline entry of a generated cycle, made from its template when read: a long run keeps hundreds
 * of thousands of versions and most are never looked at. Its object is made once, on first reading.
 */
class GeneratedEntry implements TimelineEntry {
  readonly #f: Fields;
  readonly #cycle: Cycle;
  #made: KubeObject | undefined;

  constructor(f: Fields, cycle: Cycle) {
    this.#f = f;
    this.#cycle = cycle;
  }

  #at(t: Template): unknown {
    return instantiate(t, this.#cycle.k, this.#cycle.tokens);
  }

  get time(): number {
    return this.#at(this.#f.time!) as number;
  }
  get seq(): number {
    return this.#at(this.#f.seq!) as number;
  }
  get type(): TimelineEntry['type'] {
    return this.#at(this.#f.type!) as TimelineEntry['type'];
  }
  get step(): number | undefined {
    return this.#f.step ? (this.#at(this.#f.step) as number) : undefined;
  }
  get object(): KubeObject {
    return (this.#made ??= this.#at(this.#f.object!) as KubeObject);
  }

  /** The same JSON as a recorded entry's. */
  toJSON(): TimelineEntry {
    const { time, seq, type, object, step } = this;
    return step === undefined ? { time, seq, type, object } : { time, seq, type, object, step };
  }
}

/** An event of a generated cycle: a plain record (events are copied and spread by their readers). */
class GeneratedEvent implements SimEvent {
  readonly time: number;
  readonly type: SimEvent['type'];
  readonly reason: string;
  readonly involvedObject: SimEvent['involvedObject'];
  readonly message: string;
  readonly source: string;
  declare readonly step?: number;

  constructor(f: Fields, involvedObject: SimEvent['involvedObject'], c: Cycle) {
    this.time = instantiate(f.time!, c.k, c.tokens) as number;
    this.type = instantiate(f.type!, c.k, c.tokens) as SimEvent['type'];
    this.reason = instantiate(f.reason!, c.k, c.tokens) as string;
    this.involvedObject = involvedObject;
    this.message = instantiate(f.message!, c.k, c.tokens) as string;
    this.source = instantiate(f.source!, c.k, c.tokens) as string;
    if (f.step) (this as { step?: number }).step = instantiate(f.step, c.k, c.tokens) as number;
  }
}
