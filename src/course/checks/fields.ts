/**
 * Reading values from objects for `where`/`fields`: dotted paths (`status.readyReplicas`,
 * `spec.containers[0].image` or `spec.containers.0.image`) and the shorthands of the check vocabulary.
 */
import type { Comparator, KubeLike } from '../types.js';

type Cond = { type?: string; status?: string };

export function condition(obj: KubeLike, type: string): string | undefined {
  const conds = (obj.status as { conditions?: Cond[] } | undefined)?.conditions;
  return conds?.find((c) => c.type === type)?.status;
}

export function getPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function firstImage(obj: KubeLike): unknown {
  const spec = obj.spec;
  for (const path of ['containers.0.image', 'template.spec.containers.0.image', 'jobTemplate.spec.template.spec.containers.0.image']) {
    const image = getPath(spec, path);
    if (image !== undefined) return image;
  }
  return undefined;
}

/** The value a condition key refers to on `obj` (shorthand or field path). */
export function fieldValue(obj: KubeLike, key: string): unknown {
  switch (key) {
    case 'phase':
      return getPath(obj, 'status.phase');
    case 'ready':
      return condition(obj, 'Ready') === 'True';
    case 'available':
      // A Pod counts as available once Ready (minReadySeconds is not tracked per Pod here).
      return condition(obj, obj.kind === 'Pod' ? 'Ready' : 'Available') === 'True';
    case 'terminating':
      return obj.metadata.deletionTimestamp !== undefined;
    case 'node':
      return getPath(obj, 'spec.nodeName');
    case 'image':
      return firstImage(obj);
    case 'ownerKind':
      return obj.metadata.ownerReferences?.find((r) => r.controller)?.kind;
  }
  if (key.startsWith('conditions.')) return condition(obj, key.slice('conditions.'.length));
  return getPath(obj, key);
}

// Kubernetes omits zero counts from status (`omitempty`): a missing numeric status field reads as 0.
function numeric(actual: unknown, key: string): number | undefined {
  if (typeof actual === 'number') return actual;
  if (typeof actual === 'string' && actual.trim() !== '' && Number.isFinite(Number(actual))) return Number(actual);
  if (actual === undefined && key.startsWith('status.')) return 0;
  return undefined;
}

function looseEqual(expected: unknown, actual: unknown, key: string): boolean {
  if (typeof expected === 'number') return numeric(actual, key) === expected;
  if (typeof expected === 'boolean') {
    if (typeof actual === 'boolean') return actual === expected;
    return typeof actual === 'string' && actual.toLowerCase() === String(expected);
  }
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'string') return actual !== undefined && actual !== null && typeof actual !== 'object' && String(actual) === expected;
  return deepEqual(expected, actual);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const regexCache = new Map<string, RegExp>();

export function compare(c: Comparator, actual: unknown, key: string): boolean {
  switch (c.op) {
    case 'eq':
      return looseEqual(c.value, actual, key);
    case 'range': {
      const n = numeric(actual, key);
      return n !== undefined && (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
    }
    case 'oneOf':
      return c.values.some((v) => looseEqual(v, actual, key));
    case 'not':
      return !looseEqual(c.value, actual, key);
    case 'exists':
      return (actual !== undefined && actual !== null) === c.value;
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => looseEqual(c.value, item, key));
      return typeof actual === 'string' && actual.includes(String(c.value));
    case 'matches': {
      let re = regexCache.get(c.pattern);
      if (!re) regexCache.set(c.pattern, (re = new RegExp(c.pattern)));
      return actual !== undefined && actual !== null && typeof actual !== 'object' && re.test(String(actual).slice(0, 1000));
    }
  }
}

export function conditionsHold(obj: KubeLike, where: Record<string, Comparator> | undefined): boolean {
  if (!where) return true;
  for (const key in where) if (!compare(where[key]!, fieldValue(obj, key), key)) return false;
  return true;
}

/** "phase=Pending, ready=false": the observed values of the keys a condition set names. */
export function showValues(obj: KubeLike, keys: string[]): string {
  return keys.map((k) => `${k}=${formatValue(fieldValue(obj, k))}`).join(', ');
}

export function formatValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}
