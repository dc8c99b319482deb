// Structural validation against the generated schema, as `kubectl apply --validate=strict` does:
// unknown fields, wrong types, required fields. Null values count as absent (JSON null = unset).
import { closest } from '../../util/suggest.js';
import { quote } from '../yaml/sanitize.js';
import type { PathSegment } from '../yaml/index.js';
import type { ObjectType, TypeRef } from './schema-types.js';
import { elementOf, objectType, placesOf } from './schema.js';
import { formatPath, type Path, type Reporter } from './report.js';
import { quantityHint } from './quantity-syntax.js';
import { ownEntry } from '../../util/own.js';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks `value` (found at `path`) against `ref`; `rootType` is the kind's root type, for "belongs elsewhere". */
export function checkValue(value: unknown, ref: TypeRef, path: Path, r: Reporter, rootType: string): void {
  checkAt(value, ref, [...path], r, rootType);
}

/**
 * `path` is one array pushed and popped along the walk, not a copy per field: a manifest has hundreds
 * of fields and only the few with a problem need their path, which the Reporter copies when reporting.
 */
function checkAt(value: unknown, ref: TypeRef, path: PathSegment[], r: Reporter, rootType: string): void {
  if (value === null || value === undefined) return;
  const element = elementOf(ref);
  if (element !== undefined && ref.startsWith('[]')) {
    if (!Array.isArray(value)) return wrongType(value, 'a list', path, r, listHint(value));
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkAt(value[i], element, path, r, rootType);
      path.pop();
    }
    return;
  }
  if (element !== undefined) {
    if (!isPlainObject(value)) return wrongType(value, 'a map of keys to values', path, r);
    for (const key of Object.keys(value)) {
      path.push(key);
      checkAt(value[key], element, path, r, rootType);
      path.pop();
    }
    return;
  }
  const type = objectType(ref);
  if (type) return checkObject(value, type, path, r, rootType);
  checkPrimitive(value, ref, path, r);
}

function checkObject(value: unknown, type: ObjectType, path: PathSegment[], r: Reporter, rootType: string): void {
  if (!isPlainObject(value)) return wrongType(value, 'a mapping (key: value lines)', path, r, objectHint(value));
  for (const key of Object.keys(value)) {
    const field = ownEntry(type.f, key);
    if (!field) {
      unknownField(key, Object.keys(type.f), [...path, key], r, rootType);
      continue;
    }
    path.push(key);
    checkAt(value[key], field[0], path, r, rootType);
    path.pop();
  }
  for (const key of requiredFields(type)) {
    if (value[key] === undefined || value[key] === null) {
      r.error('required', [...path, key], `required field "${key}" is missing`, requiredHint(key, path.length ? formatPath(path) : 'the top level'));
    }
  }
}

/** Required field names per object type, computed once: a type has dozens of fields, a few required. */
const requiredCache = new WeakMap<ObjectType, string[]>();

function requiredFields(type: ObjectType): string[] {
  let names = requiredCache.get(type);
  if (!names) {
    names = Object.keys(type.f).filter((k) => type.f[k]![1] === 1);
    requiredCache.set(type, names);
  }
  return names;
}

function unknownField(key: string, known: string[], path: Path, r: Reporter, rootType: string): void {
  const parent = path.slice(0, -1);
  const where = parent.length ? formatPath(parent) : 'the top level';
  const here = formatPath(parent).replace(/\[\d+\]/g, '[]');
  const places = placesOf(rootType);
  const placesFor = (name: string): string[] => (places.get(name) ?? []).filter((p) => p !== (here ? `${here}.${name}` : name));
  const guess = closest(key, known);
  // A field valid elsewhere in this kind (same name, any case, or a near miss): say where it belongs.
  const elsewhereName = [...places.keys()].find((f) => f === key) ?? [...places.keys()].find((f) => f.toLowerCase() === key.toLowerCase()) ?? closest(key, [...places.keys()]);
  const elsewhere = elsewhereName ? placesFor(elsewhereName) : [];
  const glued = /^([\w.-]+):(\S.*)$/.exec(key);
  let hint: string;
  if (glued && (known.includes(glued[1]!) || places.has(glued[1]!))) hint = `Add a space after ":" — "${glued[1]}: ${glued[2]}", not "${glued[1]}:${glued[2]}".`;
  else if (guess) hint = `Did you mean "${guess}"?`;
  else if (elsewhereName && elsewhere.length > 0) hint = `${elsewhereName === key ? '' : `Did you mean "${elsewhereName}"? `}"${elsewhereName}" belongs at ${nearest(elsewhere, here)}, not under ${where}.`;
  else hint = known.length ? `Remove it; fields allowed under ${where}: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.` : 'Remove it.';
  r.error('unknown-field', path, `unknown field ${quote(key)} under ${where}`, hint);
}

/** The candidate sharing the longest prefix with `here`, then the shortest. */
function nearest(candidates: string[], here: string): string {
  const score = (c: string): number => {
    let i = 0;
    while (i < c.length && i < here.length && c[i] === here[i]) i++;
    return i * 1000 - c.length;
  };
  return [...candidates].sort((a, b) => score(b) - score(a))[0]!;
}

function checkPrimitive(value: unknown, ref: TypeRef, path: Path, r: Reporter): void {
  switch (ref) {
    case 'any':
      return;
    case 'string':
    case 'time':
      if (typeof value !== 'string') {
        // Quote what the learner wrote (`1.0`), not what YAML made of it (1). Only scalars: a mapping
        // may carry its own `toString` key and cannot be turned into a string.
        const scalar = typeof value === 'number' || typeof value === 'boolean';
        wrongType(value, 'a string', path, r, scalar ? `Put the value in quotes: "${r.sourceOf(path) ?? String(value)}".` : undefined);
      }
      return;
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return;
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return wrongType(value, 'an integer', path, r, `Remove the quotes: ${value.trim()}.`);
      return wrongType(value, 'an integer', path, r, typeof value === 'number' ? 'Use a whole number.' : 'Write a number such as 3, without quotes.');
    case 'boolean':
      if (typeof value === 'boolean') return;
      return wrongType(value, 'true or false', path, r, typeof value === 'string' && /^(true|false)$/i.test(value) ? `Remove the quotes: ${value.toLowerCase()}.` : undefined);
    case 'int-or-string':
      if ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'string') return;
      return wrongType(value, 'a whole number or a string (such as "25%" or a port name)', path, r);
    case 'quantity':
      return checkQuantity(value, path, r);
  }
}

function checkQuantity(value: unknown, path: Path, r: Reporter): void {
  if (typeof value === 'number' && Number.isFinite(value)) return;
  if (typeof value !== 'string') return wrongType(value, 'a quantity such as "500m" or "128Mi"', path, r);
  const hint = quantityHint(value);
  if (hint) r.error('quantity', path, `${quote(value)} is not a valid resource quantity`, hint, 'value');
}

/** Why a field is required, where a plain "add it" would not teach anything. */
const REQUIRED_HINTS: Record<string, string> = {
  selector: 'Add "selector: {matchLabels: {app: web}}" with labels that spec.template.metadata.labels also has (apps/v1 requires it).',
  template: 'Add "template:" with metadata.labels and a spec listing the containers of the Pods to create.',
  containers: 'Add "containers:" with at least one "- name: app" and "image: nginx:1.27".',
  serviceName: 'Add "serviceName:" naming the headless Service that gives the Pods stable DNS names.',
  schedule: 'Add "schedule:" in cron syntax, e.g. "*/5 * * * *" for every 5 minutes.',
  jobTemplate: 'Add "jobTemplate:" with the spec of the Job to create at each scheduled time.',
};

export function requiredHint(key: string, where: string): string {
  return ownEntry(REQUIRED_HINTS, key) ?? `Add "${key}:" under ${where}.`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${quote(value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}

function wrongType(value: unknown, expected: string, path: Path, r: Reporter, hint?: string): void {
  // Point at a scalar itself, but at the key of a block list/mapping (whose value starts a line below).
  const at = typeof value === 'object' && value !== null ? 'key' : 'value';
  r.error('type', path, `must be ${expected}, not ${describe(value)}`, hint ?? `Write ${expected} here.`, at);
}

function listHint(value: unknown): string {
  return isPlainObject(value) ? 'Start each item with "- " on its own line (a list of one item still needs the dash).' : 'Write a list: one "- item" per line, or [a, b] on one line.';
}

function objectHint(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[\w./-]+:\S/.test(value)) return 'Add a space after ":" — "key: value", not "key:value".';
  if (Array.isArray(value)) return 'Remove the "- " in front: this field takes one mapping, not a list.';
  return undefined;
}
