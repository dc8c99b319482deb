import { quote } from '../../yaml/sanitize.js';
import type { Path, Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';

/** Reads a nested value by path; undefined when any step is missing or not a mapping. */
export function dig(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (!isPlainObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

export function minimum(value: unknown, min: number, path: Path, r: Reporter, field: string): void {
  if (typeof value === 'number' && Number.isInteger(value) && value < min) {
    r.error('range', path, `${field} must be ${min === 0 ? 'zero or more' : `at least ${min}`}, not ${value}`, `Set ${field} to ${min} or more${min === 0 ? '' : ', or remove it'}.`, 'value');
  }
}

export function oneOf(value: unknown, allowed: readonly string[], path: Path, r: Reporter, field: string): void {
  if (typeof value !== 'string' || allowed.includes(value)) return;
  const ci = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  r.error('unsupported-value', path, `${field} ${quote(value)} is not supported`, ci ? `Write "${ci}" (values are case-sensitive).` : `Use one of: ${allowed.join(', ')}.`, 'value');
}

/** maxSurge / maxUnavailable: a non-negative integer or a percentage such as "25%". */
export function intOrPercent(value: unknown, path: Path, r: Reporter, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (value < 0) r.error('range', path, `${field} must not be negative`, 'Use 0 or more, or a percentage such as "25%".', 'value');
    return value;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)%$/.exec(value);
  if (!m) {
    const hint = /^\d+$/.test(value) ? `Write the number without quotes (${value}) or as a percentage ("${value}%").` : 'Write a whole number such as 1 or a percentage such as "25%".';
    r.error('int-or-percent', path, `${field} ${quote(value)} must be a whole number or a percentage`, hint, 'value');
    return undefined;
  }
  return Number(m[1]);
}
