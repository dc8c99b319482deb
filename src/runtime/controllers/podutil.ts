// Pod helpers shared by the workload controllers (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go).
import type { KubeObject, Stored, PodTemplateSpec, ObjectMeta, OwnerReference } from '../api/types.js';
import { controllerRef, keyOf, newControllerRef } from '../api/types.js';
import type { StoreReader, WatchChange } from '../store.js';
import { markShared } from '../api/defaults.js';

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export function podCondition(pod: KubeObject, type: string): Condition | undefined {
  const conditions = pod.status?.conditions as Condition[] | undefined;
  if (!conditions) return undefined;
  for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds at `now` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return !Number.isNaN(since) && since + minReadySeconds * 1000 <= now;
}

/** When a ready pod becomes available (ms), for requeueing after minReadySeconds. */
export function availableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  return Date.parse(c.lastTransitionTime) + minReadySeconds * 1000;
}

export function isPodTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Not terminal and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: KubeObject): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function restartCount(pod: KubeObject): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/** The labels and owner references of the pods last made from a template, by template (see markShared). */
const templateMeta = new WeakMap<object, { ownerUid: string; labels: Record<string, string>; ownerReferences: OwnerReference[] }>();

function sharedMeta(template: PodTemplateSpec, owner: Stored): { labels: Record<string, string>; ownerReferences: OwnerReference[] } {
  let m = templateMeta.get(template);
  if (!m || m.ownerUid !== owner.metadata.uid) {
    m = { ownerUid: owner.metadata.uid, labels: { ...(template.metadata?.labels ?? {}) }, ownerReferences: [newControllerRef(owner)] };
    markShared(m.labels);
    markShared(m.ownerReferences);
    templateMeta.set(template, m);
  }
  return m;
}

/**
 * A pod for `owner` from `template` (controller.GetPodFromTemplate): the template's labels, annotations,
 * spec; named `generateName` + 5 random characters by the API server. Without extra labels, the pods of
 * one template share their labels and owner references (stored objects are immutable).
 */
export function podFromTemplate(template: PodTemplateSpec, owner: Stored, generateName: string, extraLabels?: Record<string, string>): KubeObject {
  const shared = extraLabels ? undefined : sharedMeta(template, owner);
  const meta: ObjectMeta = {
    generateName,
    namespace: owner.metadata.namespace ?? 'default',
    labels: shared?.labels ?? { ...(template.metadata?.labels ?? {}), ...(extraLabels ?? {}) },
    ownerReferences: shared?.ownerReferences ?? [newControllerRef(owner)],
  };
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) meta.finalizers = [...template.metadata.finalizers];
  if (template.spec) markShared(template.spec);
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: template.spec };
}

/**
 * The queue key of the owner an owner reference names. Owner references are shared by the pods of a
 * template, so the key string is made once per reference and keeps its hash for the queue lookups.
 */
const ownerKeyCache = new WeakMap<object, { namespace: string; keys: readonly string[] }>();
function ownerKeys(namespace: string, ref: OwnerReference): readonly string[] {
  let k = ownerKeyCache.get(ref);
  if (!k || k.namespace !== namespace) ownerKeyCache.set(ref, (k = { namespace, keys: Object.freeze([`${namespace}/${ref.name}`]) }));
  return k.keys;
}

/** The answer of a watch function with nothing to enqueue: one shared list (callers must not mutate it). */
export const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * Watch helper: the keys of the `ownerKind` controllers of an object, before and after the change. The
 * common answer, one owner, is a list shared by the dependents of that owner (callers must not mutate it).
 */
export function controllerOwnerKeys(ownerKind: string) {
  const keysFor = (o: Stored | undefined): readonly string[] => {
    const ref = o && controllerRef(o);
    return ref && ref.kind === ownerKind ? ownerKeys(o.metadata.namespace ?? '', ref) : NO_KEYS;
  };
  return (change: WatchChange): readonly string[] => {
    const now = keysFor(change.object);
    // Most changes (status writes) keep the owner references: one lookup does.
    const before = change.old && change.old.metadata.ownerReferences !== change.object.metadata.ownerReferences ? keysFor(change.old) : NO_KEYS;
    if (!before.length || before[0] === now[0]) return now;
    return now.length ? [now[0]!, before[0]!] : before;
  };
}

const UNSEEN = Symbol('unseen');

/**
 * `fn` remembering its last argument and result. The pods of a template share their labels and
 * interned condition lists, so a scan of thousands of pods computes a verdict a handful of times.
 * Only for pure functions of an immutable argument.
 */
export function lastResult<A, R>(fn: (a: A) => R): (a: A) => R {
  let last: A | typeof UNSEEN = UNSEEN;
  let result: R;
  return (a: A): R => {
    if (a !== last) {
      result = fn(a);
      last = a;
    }
    return result;
  };
}

/**
 * One `T` per store, built from it on first use (a controller's watch-fed index: controllers are
 * shared by every cluster, each cluster has its own store).
 */
export function perStore<T>(build: (store: StoreReader) => T): (store: StoreReader) => T {
  const made = new WeakMap<StoreReader, T>();
  return (store) => {
    let t = made.get(store);
    if (t === undefined) made.set(store, (t = build(store)));
    return t;
  };
}

/** Watch helper: the object's own key. */
export function selfKey(change: WatchChange): string[] {
  return [keyOf(change.object)];
}

/** Objects of `kind` that `store` says are controlled by `owner` (via the owner index). */
export function ownedBy<T extends KubeObject = KubeObject>(store: StoreReader, owner: Stored, kind: string): Stored<T>[] {
  return store.controlledBy<T>(owner.metadata.uid, kind);
}
