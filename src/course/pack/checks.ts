/**
 * Parsing of the declarative check vocabulary (selections, comparators, checks, predict `ask`) from
 * pack YAML into typed data, with lint-style problems. Nothing here is executed: it is all data.
 */
import type { Check, Comparator, CountRange, Expectation, LabelSelectorSpec, ObjectState, OrderStep, PredictAsk, Selection, When } from '../types.js';
import { describeCheck } from '../checks/describe.js';
import { isObj, Reader, type Obj } from './fields.js';
import type { PathPart } from './yaml.js';

export const SELECTABLE_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PersistentVolumeClaim', 'PersistentVolume', 'Node', 'Service', 'ControllerRevision'] as const;
const SELECTION_KEYS = ['kind', 'name', 'names', 'namePrefix', 'namespace', 'selector', 'ownedBy', 'where'];
const COMPARATOR_KEYS = ['min', 'max', 'oneOf', 'not', 'exists', 'contains', 'matches'];
const STATES: ObjectState[] = ['Created', 'Scheduled', 'Running', 'Ready', 'Succeeded', 'Failed', 'Deleted', 'Complete'];
const EXPECTATIONS = ['count', 'fields', 'names', 'perNode', 'event', 'order'] as const;
const CHECK_KEYS = ['title', 'select', ...EXPECTATIONS, 'nodes', 'elsewhere', 'when', 'during'];

export function parseSelection(r: Reader, value: unknown, path: PathPart[]): Selection | undefined {
  const obj = r.object(value, path, 'a selection');
  if (!obj) return undefined;
  r.keys(obj, path, SELECTION_KEYS, 'a selection');
  const kind = parseKind(r, obj, path);
  if (!kind) return undefined;
  const sel: Selection = { kind };
  const name = r.string(obj, 'name', path);
  if (name !== undefined) sel.name = name;
  const names = r.stringList(obj, 'names', path, { nonEmpty: true });
  if (names) sel.names = names;
  const prefix = r.string(obj, 'namePrefix', path);
  if (prefix !== undefined) sel.namePrefix = prefix;
  const ns = r.string(obj, 'namespace', path);
  if (ns !== undefined) sel.namespace = ns;
  if (obj.selector !== undefined) {
    const selector = parseLabelSelector(r, obj.selector, [...path, 'selector']);
    if (selector) sel.selector = selector;
  }
  if (obj.ownedBy !== undefined) {
    const owner = r.object(obj.ownedBy, [...path, 'ownedBy'], "'ownedBy'");
    if (owner) {
      r.keys(owner, [...path, 'ownedBy'], ['kind', 'name'], "'ownedBy'");
      const okind = parseKind(r, owner, [...path, 'ownedBy']);
      const oname = r.string(owner, 'name', [...path, 'ownedBy'], { required: true });
      if (okind && oname !== undefined) sel.ownedBy = { kind: okind, name: oname };
    }
  }
  if (obj.where !== undefined) {
    const where = parseConditions(r, obj.where, [...path, 'where'], "'where'");
    if (where) sel.where = where;
  }
  return sel;
}

function parseKind(r: Reader, obj: Obj, path: PathPart[]): string | undefined {
  const kind = r.string(obj, 'kind', path, { required: true });
  if (kind === undefined) return undefined;
  if ((SELECTABLE_KINDS as readonly string[]).includes(kind)) return kind;
  const near = SELECTABLE_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  return r.error([...path, 'kind'], `unknown kind '${kind}'` + (near ? ` (did you mean '${near}'?)` : `; one of ${SELECTABLE_KINDS.join(', ')}`));
}

export function parseLabelSelector(r: Reader, value: unknown, path: PathPart[]): LabelSelectorSpec | undefined {
  const obj = r.object(value, path, 'a label selector');
  if (!obj) return undefined;
  const full = 'matchLabels' in obj || 'matchExpressions' in obj;
  if (!full) return { matchLabels: stringMap(r, obj, path) };
  r.keys(obj, path, ['matchLabels', 'matchExpressions'], 'a label selector');
  const out: LabelSelectorSpec = {};
  if (obj.matchLabels !== undefined) {
    const labels = r.object(obj.matchLabels, [...path, 'matchLabels'], "'matchLabels'");
    if (labels) out.matchLabels = stringMap(r, labels, [...path, 'matchLabels']);
  }
  if (obj.matchExpressions !== undefined) {
    if (!Array.isArray(obj.matchExpressions)) return r.error([...path, 'matchExpressions'], "'matchExpressions' must be a list");
    out.matchExpressions = [];
    obj.matchExpressions.forEach((e, i) => {
      const p = [...path, 'matchExpressions', i];
      const expr = r.object(e, p, 'a match expression');
      if (!expr) return;
      r.keys(expr, p, ['key', 'operator', 'values'], 'a match expression');
      const key = r.string(expr, 'key', p, { required: true });
      const op = r.string(expr, 'operator', p, { required: true });
      if (op !== undefined && !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) r.error([...p, 'operator'], `operator must be In, NotIn, Exists or DoesNotExist, not '${op}'`);
      const values = r.stringList(expr, 'values', p);
      if (key !== undefined && op !== undefined) out.matchExpressions!.push({ key, operator: op as 'In', ...(values ? { values } : {}) });
    });
  }
  return out;
}

function stringMap(r: Reader, obj: Obj, path: PathPart[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else r.error([...path, k], `label value for '${k}' must be text`);
  }
  return out;
}

/** A mapping of field path (or shorthand) → comparator, as `where:` and `fields:` use. */
export function parseConditions(r: Reader, value: unknown, path: PathPart[], what: string): Record<string, Comparator> | undefined {
  const obj = r.object(value, path, what);
  if (!obj) return undefined;
  const out: Record<string, Comparator> = {};
  for (const [key, v] of Object.entries(obj)) {
    if (!/^[A-Za-z0-9_.\-[\]/]+$/.test(key)) {
      r.error([...path, key], `'${key}' is not a field path (letters, digits, dots, e.g. status.readyReplicas)`);
      continue;
    }
    const c = parseComparator(r, v, [...path, key]);
    if (c) out[key] = c;
  }
  return out;
}

export function parseComparator(r: Reader, value: unknown, path: PathPart[]): Comparator | undefined {
  if (!isObj(value) || !Object.keys(value).some((k) => COMPARATOR_KEYS.includes(k))) return { op: 'eq', value };
  r.keys(value, path, COMPARATOR_KEYS, 'a comparator');
  const keys = Object.keys(value).filter((k) => COMPARATOR_KEYS.includes(k));
  if ('min' in value || 'max' in value) {
    if (keys.some((k) => k !== 'min' && k !== 'max')) return r.error(path, "a comparator has one test; only 'min' and 'max' go together");
    const min = r.number(value, 'min', path);
    const max = r.number(value, 'max', path);
    if (min !== undefined && max !== undefined && min > max) return r.error(path, `min ${min} is greater than max ${max}`);
    return min === undefined && max === undefined ? undefined : { op: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  if (keys.length !== 1) return r.error(path, `a comparator has exactly one test, found ${keys.join(', ')}`);
  const key = keys[0]!;
  const v = value[key];
  switch (key) {
    case 'oneOf':
      return Array.isArray(v) && v.length > 0 ? { op: 'oneOf', values: v } : r.error([...path, key], "'oneOf' must be a non-empty list");
    case 'not':
      return { op: 'not', value: v };
    case 'exists':
      return typeof v === 'boolean' ? { op: 'exists', value: v } : r.error([...path, key], "'exists' must be true or false");
    case 'contains':
      return { op: 'contains', value: v };
    default: {
      if (typeof v !== 'string') return r.error([...path, key], "'matches' must be a regular expression in quotes");
      try {
        new RegExp(v);
      } catch {
        return r.error([...path, key], `'${v}' is not a valid regular expression`);
      }
      return { op: 'matches', pattern: v };
    }
  }
}

export function parseCount(r: Reader, value: unknown, path: PathPart[]): CountRange | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { min: value, max: value };
  if (isObj(value)) {
    r.keys(value, path, ['min', 'max'], 'a count');
    const min = r.number(value, 'min', path, { integer: true, min: 0 });
    const max = r.number(value, 'max', path, { integer: true, min: 0 });
    if (min === undefined && max === undefined) return r.error(path, 'a count range needs min, max or both');
    if (min !== undefined && max !== undefined && min > max) return r.error(path, `min ${min} is greater than max ${max}`);
    return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  return r.error(path, 'a count must be a whole number ≥ 0 or { min, max }');
}

export function parseCheck(r: Reader, value: unknown, path: PathPart[]): Check | undefined {
  const obj = r.object(value, path, 'a check');
  if (!obj) return undefined;
  r.keys(obj, path, CHECK_KEYS, 'a check');
  const present = EXPECTATIONS.filter((k) => obj[k] !== undefined);
  // `count` goes with `event` as its multiplicity.
  const main = present.includes('event') ? (present.filter((k) => k !== 'count').length === 1 ? 'event' : undefined) : present.length === 1 ? present[0] : undefined;
  if (!main) {
    return r.error(path, present.length === 0 ? `a check needs one expectation: ${EXPECTATIONS.join(', ')}` : `a check has exactly one expectation, found ${present.join(', ')}; split it into several checks`);
  }
  const expect = parseExpectation(r, obj, main, path);
  const needsSelect = main !== 'event' && main !== 'order';
  let select: Selection | undefined;
  if (needsSelect) {
    if (obj.select === undefined) return r.error(path, `a '${main}' check needs 'select'`);
    select = parseSelection(r, obj.select, [...path, 'select']);
    if (main === 'perNode' && select && select.kind !== 'Pod') r.error([...path, 'select', 'kind'], "'perNode' counts Pods on nodes: select kind Pod");
  } else if (obj.select !== undefined) r.error([...path, 'select'], `an '${main}' check has its own selection; remove 'select'`);
  for (const extra of ['nodes', 'elsewhere'] as const) if (obj[extra] !== undefined && main !== 'perNode') r.error([...path, extra], `'${extra}' only goes with 'perNode'`);
  const when = parseWhen(r, obj, path, main);
  const during = parseDuring(r, obj, path);
  if (!expect || (needsSelect && !select)) return undefined;
  const check: Check = { title: '', expect, when, source: { file: r.file, line: r.line(path) }, ...(select ? { select } : {}), ...(during ? { during } : {}) };
  check.title = r.string(obj, 'title', path) ?? describeCheck(check);
  return check;
}

function parseExpectation(r: Reader, obj: Obj, main: (typeof EXPECTATIONS)[number], path: PathPart[]): Expectation | undefined {
  const p = [...path, main];
  switch (main) {
    case 'count': {
      const range = parseCount(r, obj.count, p);
      return range && { type: 'count', range };
    }
    case 'fields': {
      const fields = parseConditions(r, obj.fields, p, "'fields'");
      if (fields && Object.keys(fields).length === 0) return r.error(p, "'fields' must name at least one field");
      return fields && { type: 'fields', fields };
    }
    case 'names': {
      const names = r.stringList(obj, 'names', path, { required: true });
      return names && { type: 'names', names };
    }
    case 'perNode':
      return parsePerNode(r, obj, path);
    case 'event':
      return parseEvent(r, obj, path);
    case 'order':
      return parseOrder(r, obj.order, p);
  }
}

function parsePerNode(r: Reader, obj: Obj, path: PathPart[]): Expectation | undefined {
  const count = r.number(obj, 'perNode', path, { integer: true, min: 0 });
  const elsewhere = r.number(obj, 'elsewhere', path, { integer: true, min: 0 });
  let nodes: { selector?: LabelSelectorSpec; names?: string[] } | undefined;
  if (obj.nodes !== undefined) {
    const n = r.object(obj.nodes, [...path, 'nodes'], "'nodes'");
    if (n) {
      r.keys(n, [...path, 'nodes'], ['selector', 'names'], "'nodes'");
      nodes = {};
      if (n.selector !== undefined) {
        const s = parseLabelSelector(r, n.selector, [...path, 'nodes', 'selector']);
        if (s) nodes.selector = s;
      }
      const names = r.stringList(n, 'names', [...path, 'nodes'], { nonEmpty: true });
      if (names) nodes.names = names;
    }
  }
  if (count === undefined) return undefined;
  return { type: 'perNode', count, ...(nodes ? { nodes } : {}), ...(elsewhere !== undefined ? { elsewhere } : {}) };
}

function parseEvent(r: Reader, obj: Obj, path: PathPart[]): Expectation | undefined {
  const p = [...path, 'event'];
  const e = r.object(obj.event, p, "'event'");
  if (!e) return undefined;
  r.keys(e, p, ['reason', 'object', 'messageContains'], "'event'");
  const reason = r.string(e, 'reason', p, { required: true });
  const messageContains = r.string(e, 'messageContains', p);
  let object: { kind: string; name?: string; namePrefix?: string } | undefined;
  if (e.object !== undefined) {
    const o = r.object(e.object, [...p, 'object'], "'object'");
    if (o) {
      r.keys(o, [...p, 'object'], ['kind', 'name', 'namePrefix'], "an event's 'object'");
      const kind = parseKind(r, o, [...p, 'object']);
      const name = r.string(o, 'name', [...p, 'object']);
      const namePrefix = r.string(o, 'namePrefix', [...p, 'object']);
      if (kind) object = { kind, ...(name !== undefined ? { name } : {}), ...(namePrefix !== undefined ? { namePrefix } : {}) };
    }
  }
  const count = obj.count === undefined ? { min: 1 } : parseCount(r, obj.count, [...path, 'count']);
  if (reason === undefined || !count) return undefined;
  return { type: 'event', reason, count, ...(object ? { object } : {}), ...(messageContains !== undefined ? { messageContains } : {}) };
}

function parseOrder(r: Reader, value: unknown, path: PathPart[]): Expectation | undefined {
  if (!Array.isArray(value) || value.length < 2) return r.error(path, "'order' must list at least two { select, state } steps");
  const steps: OrderStep[] = [];
  value.forEach((item, i) => {
    const p = [...path, i];
    const o = r.object(item, p, 'an order step');
    if (!o) return;
    r.keys(o, p, ['select', 'state'], 'an order step');
    const select = parseSelection(r, o.select, [...p, 'select']);
    let state: OrderStep['state'] | undefined;
    if (isObj(o.state)) {
      r.keys(o.state, [...p, 'state'], ['where'], "a 'state'");
      const where = parseConditions(r, o.state.where, [...p, 'state', 'where'], "'where'");
      if (where) state = { where };
    } else {
      const s = r.string(o, 'state', p, { required: true });
      if (s !== undefined && !(STATES as string[]).includes(s)) r.error([...p, 'state'], `unknown state '${s}'; one of ${STATES.join(', ')}, or { where: {...} }`);
      else if (s !== undefined) state = s as ObjectState;
    }
    if (select && state) steps.push({ select, state });
  });
  return steps.length === value.length ? { type: 'order', steps } : undefined;
}

function parseWhen(r: Reader, obj: Obj, path: PathPart[], main: string): When {
  if (obj.when === undefined) return 'end';
  if (main === 'event' || main === 'order') {
    r.error([...path, 'when'], `'when' does not apply to an '${main}' check (it looks at the whole run); use 'during' to limit it`);
    return 'end';
  }
  if (obj.when === 'end' || obj.when === 'always' || obj.when === 'ever') return obj.when;
  r.error([...path, 'when'], "'when' must be end, always or ever");
  return 'end';
}

function parseDuring(r: Reader, obj: Obj, path: PathPart[]): { fromStep?: number; toStep?: number } | undefined {
  if (obj.during === undefined) return undefined;
  const p = [...path, 'during'];
  const d = r.object(obj.during, p, "'during'");
  if (!d) return undefined;
  r.keys(d, p, ['fromStep', 'toStep'], "'during'");
  const fromStep = r.number(d, 'fromStep', p, { integer: true, min: 1 });
  const toStep = r.number(d, 'toStep', p, { integer: true, min: 1 });
  if (fromStep !== undefined && toStep !== undefined && toStep <= fromStep) r.error(p, `toStep ${toStep} must come after fromStep ${fromStep}`);
  const stateCheck = ['count', 'fields', 'names', 'perNode'].some((k) => k in obj);
  if (obj.when === undefined && stateCheck) r.warn(p, "'during' only matters with 'when: always' or 'when: ever'");
  return { ...(fromStep !== undefined ? { fromStep } : {}), ...(toStep !== undefined ? { toStep } : {}) };
}

const ASK_TYPES = ['count', 'field', 'names', 'maxCount', 'minCount'] as const;

export function parseAsk(r: Reader, value: unknown, path: PathPart[]): PredictAsk | undefined {
  const obj = r.object(value, path, "'ask'");
  if (!obj) return undefined;
  r.keys(obj, path, [...ASK_TYPES, 'during'], "'ask'");
  const present = ASK_TYPES.filter((k) => obj[k] !== undefined);
  if (present.length !== 1) return r.error(path, `'ask' has exactly one of ${ASK_TYPES.join(', ')}`);
  const type = present[0]!;
  const during = parseDuring(r, obj, path);
  if (during && type !== 'maxCount' && type !== 'minCount') r.error([...path, 'during'], "'during' goes with maxCount and minCount only");
  const extra = during ? { during } : {};
  if (type === 'field') {
    const p = [...path, 'field'];
    const f = r.object(obj.field, p, "'field'");
    if (!f) return undefined;
    r.keys(f, p, ['select', 'path'], "'field'");
    const select = parseSelection(r, f.select, [...p, 'select']);
    const fieldPath = r.string(f, 'path', p, { required: true });
    return select && fieldPath !== undefined ? { type, select, path: fieldPath, ...extra } : undefined;
  }
  const select = parseSelection(r, obj[type], [...path, type]);
  return select && { type, select, ...extra };
}
