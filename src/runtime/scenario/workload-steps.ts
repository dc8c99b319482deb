// Scenario steps for node-aware workloads (StatefulSets, DaemonSets) and their storage: relabelNode,
// taintNode, untaintNode, cordon, uncordon, drain, failNode, recoverNode, deletePVC.
// Documented in docs/SCENARIOS.md. Registered on import.
import type { Taint } from 'kubernetes-types/core/v1.js';
import type { Field } from './fields.js';
import { registerStep, tryApi } from './steps.js';
import { cordon, deletePVC, drain, NODE_MONITOR_GRACE_MS, relabelNode, taintNode, uncordon, untaintNode } from './node-ops.js';
import { failNode, recoverNode } from './node-failure.js';
import { formatOffset } from '../time.js';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A node name given alone (`cordon: node-2`) or as `{name: node-2}`. */
function nodeName(f: Field, what: string): string | undefined {
  if (typeof f.value === 'string') return f.string(what);
  const m = f.map(['name'], what);
  return m?.child('name').string(`${what} name`);
}

function effect(f: Field): string | undefined {
  const e = f.string('taint effect');
  if (e === undefined) return undefined;
  return EFFECTS.includes(e) ? e : f.error(`taint effect must be ${EFFECTS.join(', ')}, not "${e}"`);
}

/** Node existence is checked when the step runs: a missing node is a warning, as kubectl's error. */
function onNode(env: Parameters<typeof tryApi>[0], name: string, fn: () => void): void {
  if (!env.cluster.store.get('Node', undefined, name)) return env.warn(`nodes "${name}" not found`);
  tryApi(env, fn);
}

registerStep<{ name: string; labels: Record<string, string | null> }>({
  name: 'relabelNode',
  parse(f) {
    const m = f.map(['name', 'labels'], 'relabelNode');
    const name = m?.child('name').string('relabelNode name');
    const lf = m?.child('labels');
    if (!m || !name || !lf) return undefined;
    if (!lf.isMap()) return lf.error('relabelNode labels must be a mapping such as {disktype: ssd} (a null value removes the label)');
    const labels: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(lf.value as object)) {
      if (v !== null && typeof v !== 'string') return lf.child(k).error(`the value of label "${k}" must be a string (quote numbers), or null to remove it`);
      labels[k] = v;
    }
    return { name, labels };
  },
  describe: (a) =>
    `label Node/${a.name} ${Object.entries(a.labels)
      .map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`))
      .join(' ')}`,
  run: (a, env) => onNode(env, a.name, () => relabelNode(env.cluster, a.name, a.labels)),
});

registerStep<{ name: string; taint: Taint }>({
  name: 'taintNode',
  parse(f) {
    const m = f.map(['name', 'key', 'value', 'effect'], 'taintNode');
    if (!m) return undefined;
    const name = m.child('name').string('taintNode name');
    const key = m.child('key').string('taint key');
    const eff = effect(m.child('effect'));
    if (!name || !key || !eff) return undefined;
    const taint: Taint = { key, effect: eff };
    const v = m.child('value');
    if (v.exists) {
      const s = v.string('taint value');
      if (s === undefined) return undefined;
      taint.value = s;
    }
    return { name, taint };
  },
  describe: (a) => `taint Node/${a.name} ${a.taint.key}${a.taint.value ? `=${a.taint.value}` : ''}:${a.taint.effect}`,
  run: (a, env) => onNode(env, a.name, () => taintNode(env.cluster, a.name, a.taint)),
});

registerStep<{ name: string; key: string; effect?: string }>({
  name: 'untaintNode',
  parse(f) {
    const m = f.map(['name', 'key', 'effect'], 'untaintNode');
    if (!m) return undefined;
    const name = m.child('name').string('untaintNode name');
    const key = m.child('key').string('taint key');
    if (!name || !key) return undefined;
    const e = m.child('effect');
    if (!e.exists) return { name, key };
    const eff = effect(e);
    return eff ? { name, key, effect: eff } : undefined;
  },
  describe: (a) => `untaint Node/${a.name} ${a.key}${a.effect ? `:${a.effect}` : ''}-`,
  run: (a, env) => onNode(env, a.name, () => untaintNode(env.cluster, a.name, a.key, a.effect)),
});

for (const [step, op, verb] of [
  ['cordon', cordon, 'cordon'],
  ['uncordon', uncordon, 'uncordon'],
  ['drain', drain, 'drain'],
  ['recoverNode', recoverNode, 'recover'],
] as const) {
  registerStep<string>({
    name: step,
    parse: (f) => nodeName(f, step),
    describe: (n) => `${verb} Node/${n}`,
    run: (n, env) => onNode(env, n, () => void op(env.cluster, n)),
  });
}

registerStep<{ name: string; after: number }>({
  name: 'failNode',
  parse(f) {
    if (typeof f.value === 'string') return { name: f.value, after: NODE_MONITOR_GRACE_MS };
    const m = f.map(['name', 'after'], 'failNode');
    const name = m?.child('name').string('failNode name');
    if (!m || !name) return undefined;
    const a = m.child('after');
    if (!a.exists) return { name, after: NODE_MONITOR_GRACE_MS };
    const after = a.duration('failNode after');
    return after === undefined ? undefined : { name, after };
  },
  describe: (a) => `fail Node/${a.name} (NotReady after ${formatOffset(a.after).slice(1)})`,
  run: (a, env) => onNode(env, a.name, () => failNode(env.cluster, a.name, a.after)),
});

registerStep<{ name: string; namespace?: string }>({
  name: 'deletePVC',
  parse(f) {
    if (typeof f.value === 'string') return { name: f.value };
    const m = f.map(['name', 'namespace'], 'deletePVC');
    const name = m?.child('name').string('deletePVC name');
    if (!m || !name) return undefined;
    const ns = m.child('namespace');
    if (!ns.exists) return { name };
    const namespace = ns.string('deletePVC namespace');
    return namespace ? { name, namespace } : undefined;
  },
  describe: (a) => `delete PersistentVolumeClaim/${a.name}`,
  run: (a, env) => tryApi(env, () => deletePVC(env.cluster, a.namespace, a.name)),
});
