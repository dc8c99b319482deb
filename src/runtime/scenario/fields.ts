// Typed reading of scenario YAML values, reporting each problem with its file:line:column and field path.
import type { Problem } from '../yaml/problem.js';
import type { PathSegment, Position } from '../yaml/index.js';
import { parseDuration } from '../time.js';
import type { LabelSelector } from '../api/types.js';
import { closest } from '../../util/suggest.js';

export interface FieldContext {
  file: string;
  positionOf(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  problems: Problem[];
}

export function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** A value at a path of the scenario, with helpers that validate and report. */
export class Field {
  constructor(
    readonly ctx: FieldContext,
    readonly path: PathSegment[],
    readonly value: unknown,
  ) {}

  get exists(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  error(message: string, hint?: string): undefined {
    const at = this.ctx.positionOf(this.path, 'value');
    const p: Problem = { severity: 'error', rule: 'scenario', file: this.ctx.file, line: at.line, column: at.column, path: pathText(this.path), message };
    if (hint) p.hint = hint;
    this.ctx.problems.push(p);
    return undefined;
  }

  child(key: PathSegment): Field {
    const v = this.value as Record<string | number, unknown> | undefined;
    return new Field(this.ctx, [...this.path, key], v && typeof v === 'object' ? v[key] : undefined);
  }

  /** The same mapping without some keys (so a shared parser does not flag them as unknown). */
  without(...keys: string[]): Field {
    if (!this.isMap()) return this;
    const v = { ...(this.value as Record<string, unknown>) };
    for (const k of keys) delete v[k];
    return new Field(this.ctx, this.path, v);
  }

  isMap(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  /**
   * A mapping; keys outside `allowed` are reported (with a did-you-mean) but reading goes on, so every
   * problem of the file is found in one pass. Undefined if not a mapping.
   */
  map(allowed: readonly string[], what: string): Field | undefined {
    if (!this.isMap()) return this.error(`${what} must be a mapping, not ${describeValue(this.value)}`);
    for (const key of Object.keys(this.value as object)) {
      if (!allowed.includes(key)) {
        const near = closest(key, allowed);
        this.child(key).keyError(`unknown field "${key}" in ${what}${near ? ` (did you mean "${near}"?)` : ''}`, `Allowed: ${allowed.join(', ')}.`);
      }
    }
    return this;
  }

  keyError(message: string, hint?: string): void {
    const at = this.ctx.positionOf(this.path, 'key');
    const p: Problem = { severity: 'error', rule: 'scenario', file: this.ctx.file, line: at.line, column: at.column, path: pathText(this.path), message };
    if (hint) p.hint = hint;
    this.ctx.problems.push(p);
  }

  list(what: string): Field[] | undefined {
    if (!Array.isArray(this.value)) return this.error(`${what} must be a list, not ${describeValue(this.value)}`);
    return this.value.map((_, i) => this.child(i));
  }

  string(what: string): string | undefined {
    if (!this.exists) return this.error(`${what} is required`);
    if (typeof this.value !== 'string' || this.value === '') return this.error(`${what} must be a non-empty string, not ${describeValue(this.value)}`);
    return this.value;
  }

  int(what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (!this.exists) return this.error(`${what} is required`);
    const v = this.value;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.error(`${what} must be a whole number, not ${describeValue(v)}`);
    if (v < min || v > max) return this.error(`${what} must be between ${min} and ${max}, not ${v}`);
    return v;
  }

  bool(what: string): boolean | undefined {
    if (!this.exists) return this.error(`${what} is required`);
    if (typeof this.value !== 'boolean') return this.error(`${what} must be true or false, not ${describeValue(this.value)}`);
    return this.value;
  }

  /** "30s", "1m30s", "500ms", "2h" (or a number of seconds) → ms. */
  duration(what: string, maxMs = 100 * 365 * 24 * 3_600_000): number | undefined {
    if (!this.exists) return this.error(`${what} is required`);
    const v = this.value;
    const ms = typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : undefined;
    if (ms === undefined) return this.error(`${what} must be a duration such as 30s, 1m30s, 500ms or 2h, not ${describeValue(v)}`);
    if (ms > maxMs) return this.error(`${what} is too long (at most ${Math.round(maxMs / 3_600_000)}h)`);
    return ms;
  }

  /** A string → string mapping (labels, matchLabels). */
  stringMap(what: string): Record<string, string> | undefined {
    if (!this.isMap()) return this.error(`${what} must be a mapping of strings, not ${describeValue(this.value)}`);
    const out: Record<string, string> = {};
    let ok = true;
    for (const [k, v] of Object.entries(this.value as object)) {
      if (typeof v !== 'string') {
        this.child(k).error(`${what}: the value of "${k}" must be a string (quote numbers and booleans), not ${describeValue(v)}`);
        ok = false;
      } else out[k] = v;
    }
    return ok ? out : undefined;
  }

  /** A label selector: matchLabels and/or matchExpressions. */
  selector(what: string): LabelSelector | undefined {
    const m = this.map(['matchLabels', 'matchExpressions'], what);
    if (!m) return undefined;
    const sel: LabelSelector = {};
    const ml = m.child('matchLabels');
    if (ml.exists) {
      const labels = ml.stringMap('matchLabels');
      if (!labels) return undefined;
      sel.matchLabels = labels;
    }
    const me = m.child('matchExpressions');
    if (me.exists) {
      const items = me.list('matchExpressions');
      if (!items) return undefined;
      const exprs: NonNullable<LabelSelector['matchExpressions']> = [];
      for (const it of items) {
        const e = it.map(['key', 'operator', 'values'], 'a match expression');
        const key = e?.child('key').string('key');
        const op = e?.child('operator').string('operator');
        if (!e || !key || !op) return undefined;
        if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) return e.child('operator').error(`operator must be In, NotIn, Exists or DoesNotExist, not "${op}"`);
        const vals = e.child('values');
        const values = vals.exists ? vals.list('values')?.map((v) => v.string('a value')) : [];
        if (!values || values.some((v) => v === undefined)) return undefined;
        exprs.push(values.length ? { key, operator: op, values: values as string[] } : { key, operator: op });
      }
      sel.matchExpressions = exprs;
    }
    if (!sel.matchLabels && !sel.matchExpressions) return m.error(`${what} needs matchLabels or matchExpressions`);
    return sel;
  }
}
