// The scenario step vocabulary. Each step: parse (validate its YAML value), describe, run.
// Other modules add steps with registerStep (see docs/SCENARIOS.md).
import type { StepDefinition, StepEnv } from './types.js';
import type { Field } from './fields.js';
import type { KubeObject, LabelSelector, Stored, Deployment } from '../api/types.js';
import { isKind, isNamespaced } from '../api/kinds.js';
import { parseNode } from './nodefields.js';
import type { NodeSpec } from '../nodes.js';
import { formatOffset } from '../time.js';
import { ApiError } from '../store.js';
import { REVISION, withoutHash, revisionOf } from '../controllers/deployment/util.js';

const registry = new Map<string, StepDefinition<unknown>>();

export function registerStep<A>(def: StepDefinition<A>): void {
  registry.set(def.name, def as StepDefinition<unknown>);
}

export function stepDefinition(name: string): StepDefinition<unknown> | undefined {
  return registry.get(name);
}

export function stepNames(): string[] {
  return [...registry.keys()];
}

/** Runs `fn`, turning a refused API call into a warning (the run goes on, as kubectl would print an error). */
export function tryApi(env: StepEnv, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) env.warn(err.message);
    else throw err;
  }
}

interface ObjectTarget {
  kind: string;
  namespace?: string;
  name?: string;
  selector?: LabelSelector;
  count?: number;
}

/** `{kind, name}` / `{kind, selector, count}` with an optional namespace. */
export function parseTarget(f: Field, what: string, opts: { selector: boolean; defaultKind?: string }): ObjectTarget | undefined {
  const keys = ['kind', 'name', 'namespace', ...(opts.selector ? ['selector', 'count'] : [])];
  const m = f.map(keys, what);
  if (!m) return undefined;
  const kf = m.child('kind');
  const kind = kf.exists || !opts.defaultKind ? kf.string('kind') : opts.defaultKind;
  if (!kind) return undefined;
  if (!isKind(kind)) return kf.error(`unknown kind "${kind}"`, 'Use a kind such as Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob.');
  const t: ObjectTarget = { kind };
  const ns = m.child('namespace');
  if (ns.exists) {
    const s = ns.string('namespace');
    if (!s) return undefined;
    t.namespace = s;
  }
  const name = m.child('name');
  const sel = m.child('selector');
  if (name.exists) {
    const s = name.string('name');
    if (!s) return undefined;
    t.name = s;
  } else if (opts.selector && sel.exists) {
    const s = sel.selector('selector');
    if (!s) return undefined;
    t.selector = s;
    const c = m.child('count');
    if (c.exists) {
      const n = c.int('count', 1);
      if (n === undefined) return undefined;
      t.count = n;
    }
  } else {
    return m.error(`${what} needs a name${opts.selector ? ' or a selector' : ''}`);
  }
  if (name.exists && sel.exists) return sel.error('give either name or selector, not both');
  return t;
}

function nsOf(t: { kind: string; namespace?: string }): string | undefined {
  return isNamespaced(t.kind) ? t.namespace ?? 'default' : undefined;
}

function targetText(t: ObjectTarget): string {
  if (t.name) return `${t.kind}/${t.name}`;
  return `${t.count ? `${t.count} ` : ''}${t.kind} matching ${JSON.stringify(t.selector)}`;
}

registerStep<number>({
  name: 'wait',
  parse: (f) => f.duration('wait'),
  describe: (ms) => `wait ${formatOffset(ms).slice(1)}`,
  run: (ms, env) => env.cluster.runFor(ms),
});

type ApplyArgs = { file: string } | { objects: KubeObject[] };

registerStep<ApplyArgs>({
  name: 'apply',
  parse(f) {
    if (typeof f.value === 'string') return { file: f.string('apply') as string };
    return f.error('apply must name a manifest file, e.g. "apply: rollout.yaml"');
  },
  describe: (a) => ('file' in a ? `apply ${a.file}` : `apply ${a.objects.length} object(s)`),
  run(a, env) {
    const objects = 'file' in a ? env.readManifest(a.file) : a.objects;
    for (const o of objects) tryApi(env, () => env.cluster.apply(o));
  },
});

registerStep<ObjectTarget>({
  name: 'delete',
  parse: (f) => parseTarget(f, 'delete', { selector: true }),
  describe: (t) => `delete ${targetText(t)}`,
  run(t, env) {
    if (t.name) return tryApi(env, () => env.cluster.delete(t.kind, nsOf(t), t.name!));
    const gone = env.cluster.deleteBySelector(t.kind, nsOf(t), t.selector!, t.count);
    if (gone.length === 0) env.warn(`delete: no ${t.kind} matches ${JSON.stringify(t.selector)}`);
  },
});

registerStep<{ name: string; namespace?: string }>({
  name: 'killPod',
  parse(f) {
    const t = parseTarget(f, 'killPod', { selector: false, defaultKind: 'Pod' });
    if (!t) return undefined;
    if (t.kind !== 'Pod') return f.child('kind').error('killPod applies to a Pod');
    return t.namespace ? { name: t.name!, namespace: t.namespace } : { name: t.name! };
  },
  describe: (a) => `kill the container of Pod/${a.name}`,
  run(a, env) {
    if (!env.cluster.killPod(a.namespace ?? 'default', a.name)) env.warn(`killPod: pod "${a.name}" is not running`);
  },
});

registerStep<NodeSpec>({
  name: 'addNode',
  parse: (f) => parseNode(f, 'addNode'),
  describe: (n) => `add Node/${n.name}`,
  run: (n, env) => tryApi(env, () => env.cluster.addNode(n)),
});

registerStep<string>({
  name: 'removeNode',
  parse: (f) => f.string('removeNode (a node name)'),
  describe: (n) => `remove Node/${n}`,
  run: (n, env) => tryApi(env, () => env.cluster.removeNode(n)),
});

registerStep<ObjectTarget & { replicas: number }>({
  name: 'scale',
  parse(f) {
    const m = f.map(['kind', 'name', 'namespace', 'replicas'], 'scale');
    const replicas = m?.child('replicas').int('replicas', 0, 100_000);
    if (!m || replicas === undefined) return undefined;
    const t = parseTarget(m.without('replicas'), 'scale', { selector: false, defaultKind: 'Deployment' });
    if (!t) return undefined;
    if (!['Deployment', 'ReplicaSet', 'StatefulSet'].includes(t.kind)) return m.child('kind').error(`${t.kind} cannot be scaled`, 'Scale a Deployment, ReplicaSet or StatefulSet.');
    return { ...t, replicas };
  },
  describe: (a) => `scale ${a.kind}/${a.name} to ${a.replicas}`,
  run: (a, env) => tryApi(env, () => env.cluster.scale(a.kind, nsOf(a), a.name!, a.replicas)),
});

/** The named Deployment, or a warning. */
function deployment(env: StepEnv, t: ObjectTarget): Stored<Deployment> | undefined {
  const d = env.cluster.store.get<Deployment>('Deployment', nsOf(t), t.name!);
  if (!d) env.warn(`deployments.apps "${t.name}" not found`);
  return d;
}

function deploymentTarget(f: Field, what: string, extra: string[] = []): ObjectTarget | undefined {
  const t = parseTarget(f.without(...extra), what, { selector: false, defaultKind: 'Deployment' });
  if (t && t.kind !== 'Deployment') return f.child('kind').error(`${what} applies to a Deployment`);
  return t;
}

for (const [name, paused] of [['pause', true], ['resume', false]] as const) {
  registerStep<ObjectTarget>({
    name,
    parse: (f) => (typeof f.value === 'string' ? { kind: 'Deployment', name: f.value } : deploymentTarget(f, name)),
    describe: (t) => `${name} Deployment/${t.name}`,
    run(t, env) {
      const d = deployment(env, t);
      if (d) env.cluster.store.update({ ...d, spec: { ...d.spec!, paused } });
    },
  });
}

registerStep<ObjectTarget & { toRevision?: number }>({
  name: 'rollback',
  parse(f) {
    if (typeof f.value === 'string') return { kind: 'Deployment', name: f.value };
    const t = deploymentTarget(f, 'rollback', ['toRevision']);
    const r = f.child('toRevision');
    if (!t || !r.exists) return t;
    const n = r.int('toRevision', 1);
    return n === undefined ? undefined : { ...t, toRevision: n };
  },
  describe: (a) => `roll back Deployment/${a.name}${a.toRevision ? ` to revision ${a.toRevision}` : ''}`,
  // As `kubectl rollout undo`: copy the chosen revision's pod template into the Deployment.
  run(a, env) {
    const d = deployment(env, a);
    if (!d) return;
    const rss = env.cluster.store.dependentsOf(d.metadata.uid, 'ReplicaSet').filter((rs) => rs.metadata.annotations?.[REVISION]);
    rss.sort((x, y) => revisionOf(y) - revisionOf(x));
    const target = a.toRevision ? rss.find((rs) => revisionOf(rs) === a.toRevision) : rss[1];
    if (!target) return env.warn(a.toRevision ? `unable to find the specified revision ${a.toRevision}` : 'no rollout history found for deployment');
    const template = withoutHash(target.spec?.template);
    env.cluster.store.update({ ...d, spec: { ...d.spec!, template: template! } });
  },
});

interface SetImageArgs extends ObjectTarget {
  container?: string;
  image: string;
}

registerStep<SetImageArgs>({
  name: 'setImage',
  parse(f) {
    const m = f.map(['kind', 'name', 'namespace', 'container', 'image'], 'setImage');
    const image = m?.child('image').string('image');
    if (!m || !image) return undefined;
    const t = parseTarget(m.without('container', 'image'), 'setImage', { selector: false, defaultKind: 'Deployment' });
    if (!t) return undefined;
    const c = m.child('container');
    const container = c.exists ? c.string('container') : undefined;
    if (c.exists && !container) return undefined;
    return container ? { ...t, image, container } : { ...t, image };
  },
  describe: (a) => `set image of ${a.kind}/${a.name}${a.container ? ` container ${a.container}` : ''} to ${a.image}`,
  run(a, env) {
    const obj = env.cluster.store.get(a.kind, nsOf(a), a.name!);
    if (!obj) return env.warn(`${a.kind.toLowerCase()}s "${a.name}" not found`);
    const path = a.kind === 'CronJob' ? ['jobTemplate', 'spec', 'template'] : ['template'];
    const spec = structuredClone(obj.spec ?? {});
    let template = spec;
    for (const p of path) template = template?.[p];
    const containers: { name: string; image?: string }[] = template?.spec?.containers ?? [];
    const targets = a.container ? containers.filter((c) => c.name === a.container) : containers.length === 1 ? containers : [];
    if (targets.length === 0) return env.warn(`setImage: ${a.container ? `no container "${a.container}"` : 'name the container'} in ${a.kind}/${a.name}`);
    for (const c of targets) c.image = a.image;
    tryApi(env, () => env.cluster.store.update({ ...obj, spec }));
  },
});
