// Reading a node description (`nodes:` entries and `addNode`).
import type { Field } from './fields.js';
import type { NodeSpec } from '../nodes.js';
import type { Taint } from 'kubernetes-types/core/v1.js';
import { isQuantity } from '../api/quantity.js';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function taint(f: Field): Taint | undefined {
  const m = f.map(['key', 'value', 'effect'], 'a taint');
  if (!m) return undefined;
  const key = m.child('key').string('taint key');
  const effect = m.child('effect').string('taint effect');
  if (!key || !effect) return undefined;
  if (!EFFECTS.includes(effect)) return m.child('effect').error(`taint effect must be ${EFFECTS.join(', ')}, not "${effect}"`);
  const t: Taint = { key, effect };
  const v = m.child('value');
  if (v.exists) {
    const s = v.string('taint value');
    if (s === undefined) return undefined;
    t.value = s;
  }
  return t;
}

function capacity(f: Field): NodeSpec['capacity'] | undefined {
  const m = f.map(['cpu', 'memory', 'pods'], 'capacity');
  if (!m) return undefined;
  const out: NonNullable<NodeSpec['capacity']> = {};
  for (const key of ['cpu', 'memory', 'pods'] as const) {
    const c = m.child(key);
    if (!c.exists) continue;
    const raw = typeof c.value === 'number' ? String(c.value) : c.value;
    if (typeof raw !== 'string' || !isQuantity(raw)) return c.error(`${key} must be a quantity such as ${key === 'memory' ? '"8Gi"' : '"4"'}`);
    out[key] = raw;
  }
  return out;
}

export function parseNode(f: Field, what = 'a node'): NodeSpec | undefined {
  const m = f.map(['name', 'labels', 'taints', 'capacity', 'unschedulable'], what);
  if (!m) return undefined;
  const name = m.child('name').string('node name');
  if (!name) return undefined;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    return m.child('name').error(`node name "${name}" is not a valid DNS name`, 'Use lower-case letters, digits, "-" and ".".');
  }
  const spec: NodeSpec = { name };
  const labels = m.child('labels');
  if (labels.exists) {
    const l = labels.stringMap('labels');
    if (!l) return undefined;
    spec.labels = l;
  }
  const taints = m.child('taints');
  if (taints.exists) {
    const items = taints.list('taints');
    const ts = items?.map(taint);
    if (!ts || ts.some((t) => !t)) return undefined;
    spec.taints = ts as Taint[];
  }
  const cap = m.child('capacity');
  if (cap.exists) {
    const c = capacity(cap);
    if (!c) return undefined;
    spec.capacity = c;
  }
  const u = m.child('unschedulable');
  if (u.exists) {
    const b = u.bool('unschedulable');
    if (b === undefined) return undefined;
    spec.unschedulable = b;
  }
  return spec;
}
