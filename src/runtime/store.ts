// The simulated API server: objects by kind/namespace/name, metadata bookkeeping, defaulting, indexes
// (owner uid, node name, orphans) and synchronous watch notifications.
import type { KubeObject, Stored, LabelSelector, ObjectLike, ObjectMeta } from './api/types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
import { controllerRef } from './api/types.js';
import { isNamespaced, API_VERSION, isKind } from './api/kinds.js';
import { applyDefaults, prepareForCreate } from './api/defaults.js';
import { generateName, randomSuffix, GENERATED_SUFFIX_LENGTH } from './api/names.js';
import type { TokenSink } from './fastforward/tokens.js';
import { clonePlain, deepEqual } from './api/equal.js';
import { InternTable } from './intern.js';
import { withField, withFields } from './api/copy.js';
import { matchesSelector } from './api/selectors.js';
import type { Rand } from './rand.js';
import { rfc3339 } from './time.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchChange {
  type: ChangeType;
  object: Stored;
  /** The previous version, for MODIFIED and DELETED. */
  old?: Stored;
  /** For DELETED: how dependents should be treated (the garbage collector reads it). */
  propagationPolicy?: PropagationPolicy;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export type WatchHandler = (change: WatchChange) => void;

export type ApiErrorReason = 'AlreadyExists' | 'NotFound' | 'Invalid' | 'Conflict';

/** A refused write, with Kubernetes' status reason. */
export class ApiError extends Error {
  constructor(
    readonly reason: ApiErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
}

/** What controllers may read. */
export interface StoreReader {
  get<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined, name: string): Stored<T> | undefined;
  getByUid(uid: string): Stored | undefined;
  list<T extends ObjectLike = KubeObject>(kind: string, namespace?: string): Stored<T>[];
  listBySelector<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined, selector: LabelSelector): Stored<T>[];
  /** Objects with an ownerReference to `uid` (any kind, or only `kind`). O(dependents). */
  dependentsOf<T extends ObjectLike = KubeObject>(uid: string, kind?: string): Stored<T>[];
  /** Objects of `kind` whose controller ownerReference is `uid`. O(dependents). */
  controlledBy<T extends ObjectLike = KubeObject>(uid: string, kind: string): Stored<T>[];
  /** Objects of `kind` in `namespace` without a controller ownerReference (adoption candidates). */
  orphans<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined): Stored<T>[];
  /** Pods bound to `nodeName`. O(pods on the node). */
  podsOnNode(nodeName: string): Stored<KubeObject>[];
  count(kind: string): number;
}

export interface StoreOptions {
  now: () => number;
  rand: Rand;
  /** Deep-freeze stored objects, to catch accidental mutation (tests). */
  freeze?: boolean;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

function nsOf(kind: string, namespace: string | undefined): string {
  return isNamespaced(kind) ? namespace || 'default' : '';
}

/** PodScheduled=True conditions, shared by the pods bound in the same second. */
const scheduledConditions = new InternTable<object>();
/** Pod specs with nodeName set, by (unbound spec, node). */
const boundSpecs = new InternTable<Record<string, unknown>>();

/**
 * The current version of one object. Every map and index holds the object's cell, so a write that keeps
 * the index keys (most writes: status) replaces the version in one place, and a read is one pass
 * without a lookup per element.
 */
interface Cell {
  obj: Stored;
}

export class Store implements StoreReader {
  /** kind → namespace → name → object */
  private readonly objects = new Map<string, Map<string, Map<string, Cell>>>();
  private readonly byUid = new Map<string, Cell>();
  private readonly byOwner = new Map<string, Map<string, Cell>>();
  private readonly byNode = new Map<string, Map<string, Cell>>();
  /** `${kind}/${namespace}` → objects without a controller ref, by uid */
  private readonly orphanIndex = new Map<string, Map<string, Cell>>();
  private readonly handlers: WatchHandler[] = [];
  private rv = 0;
  private readonly opts: StoreOptions;
  /** Told of every uid and generated name made (while a fast-forward watches). */
  tokens: TokenSink | undefined;

  constructor(opts: StoreOptions) {
    this.opts = opts;
  }

  watch(handler: WatchHandler): () => void {
    this.handlers.push(handler);
    return () => {
      const i = this.handlers.indexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  // ---- reads ----

  get<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined, name: string): Stored<T> | undefined {
    return this.objects.get(kind)?.get(nsOf(kind, namespace))?.get(name)?.obj as Stored<T> | undefined;
  }

  getByUid(uid: string): Stored | undefined {
    return this.byUid.get(uid)?.obj;
  }

  list<T extends ObjectLike = KubeObject>(kind: string, namespace?: string): Stored<T>[] {
    const byNs = this.objects.get(kind);
    if (!byNs) return [];
    const out: Stored[] = [];
    if (namespace !== undefined && isNamespaced(kind)) {
      for (const c of byNs.get(namespace)?.values() ?? []) out.push(c.obj);
      return out as Stored<T>[];
    }
    for (const m of byNs.values()) for (const c of m.values()) out.push(c.obj);
    return out as Stored<T>[];
  }

  listBySelector<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined, selector: LabelSelector): Stored<T>[] {
    return this.list<T>(kind, namespace).filter((o) => matchesSelector(o.metadata.labels, selector));
  }

  dependentsOf<T extends ObjectLike = KubeObject>(uid: string, kind?: string): Stored<T>[] {
    const out: Stored[] = [];
    const deps = this.byOwner.get(uid);
    if (!deps) return [];
    for (const { obj: o } of deps.values()) if (!kind || o.kind === kind) out.push(o);
    return out as Stored<T>[];
  }

  controlledBy<T extends ObjectLike = KubeObject>(uid: string, kind: string): Stored<T>[] {
    const out: Stored[] = [];
    const deps = this.byOwner.get(uid);
    if (!deps) return [];
    for (const { obj: o } of deps.values()) if (o.kind === kind && controllerRef(o)?.uid === uid) out.push(o);
    return out as Stored<T>[];
  }

  orphans<T extends ObjectLike = KubeObject>(kind: string, namespace: string | undefined): Stored<T>[] {
    const out: Stored[] = [];
    for (const c of this.orphanIndex.get(`${kind}/${nsOf(kind, namespace)}`)?.values() ?? []) out.push(c.obj);
    return out as Stored<T>[];
  }

  podsOnNode(nodeName: string): Stored[] {
    const onNode = this.byNode.get(nodeName);
    const out: Stored[] = [];
    for (const c of onNode?.values() ?? []) out.push(c.obj);
    return out;
  }

  count(kind: string): number {
    let n = 0;
    for (const m of this.objects.get(kind)?.values() ?? []) n += m.size;
    return n;
  }

  /** Every object, sorted by kind, namespace, name. */
  all(): Stored[] {
    const out: Stored[] = [];
    for (const kind of [...this.objects.keys()].sort()) {
      const byNs = this.objects.get(kind)!;
      for (const ns of [...byNs.keys()].sort()) {
        const m = byNs.get(ns)!;
        for (const name of [...m.keys()].sort()) out.push(m.get(name)!.obj);
      }
    }
    return out;
  }

  /** Every object, kind by kind in the order each was first created, without sorting (cheap). */
  inCreationOrder(): Stored[] {
    const out: Stored[] = [];
    for (const byNs of this.objects.values()) for (const m of byNs.values()) for (const c of m.values()) out.push(c.obj);
    return out;
  }

  // ---- writes ----

  /** Creates an object: names it (generateName), fills metadata, applies defaults. */
  create<T extends ObjectLike>(input: T): Stored<T> {
    const kind = input.kind ?? '';
    if (!isKind(kind)) throw new ApiError('Invalid', `the server doesn't have a resource type "${kind}"`);
    const obj = applyDefaults(input as unknown as KubeObject);
    const meta = (obj.metadata ?? (obj.metadata = {})) as Mutable<ObjectMeta>;
    obj.apiVersion = obj.apiVersion || API_VERSION[kind];
    if (isNamespaced(kind)) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name) {
      if (!meta.generateName) throw new ApiError('Invalid', `${kind}: name or generateName is required`);
      // The API server retries generateName collisions; so do we (a generated name is then free).
      do meta.name = generateName(meta.generateName, this.opts.rand);
      while (this.get(kind, meta.namespace, meta.name));
      const cut = meta.name.length - GENERATED_SUFFIX_LENGTH;
      this.tokens?.made({ kind: 'name', value: meta.name.slice(cut), prefix: meta.name.slice(0, cut) });
    } else if (this.get(kind, meta.namespace, meta.name)) {
      throw new ApiError('AlreadyExists', `${kind.toLowerCase()}s "${meta.name}" already exists`);
    }
    meta.uid = this.newUid();
    this.tokens?.made({ kind: 'uid', value: meta.uid });
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp = rfc3339(Math.floor(this.opts.now() / 1000) * 1000);
    meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    prepareForCreate(obj);
    const stored = this.put(obj as Stored);
    this.notify({ type: 'ADDED', object: stored });
    return stored as unknown as Stored<T>;
  }

  /**
   * Replaces an object's metadata (labels, annotations, ownerReferences…) and spec; status is kept.
   * `generation` grows only when the spec changed.
   */
  update<T extends ObjectLike>(input: T): Stored<T> {
    const old = this.mustGet(input as unknown as KubeObject);
    const given = input as unknown as KubeObject;
    // A pod written back with its stored spec (a controller dropping a finalizer, relabelling) needs no
    // defaulting — the stored spec was defaulted when written, and the Pod defaulter reads only spec and
    // status — so only the metadata is copied (the caller keeps its objects).
    const next =
      given.kind === 'Pod' && given.spec !== undefined && given.spec === old.spec
        ? withFields(given, { metadata: clonePlain(given.metadata), status: undefined })
        : applyDefaults({ ...given, status: undefined });
    next.status = old.status;
    next.apiVersion = old.apiVersion;
    const meta: Mutable<ObjectMeta> = (next.metadata = {
      ...next.metadata,
      name: old.metadata.name,
      namespace: old.metadata.namespace,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      generation: old.metadata.generation,
    });
    if (!isNamespaced(old.kind)) delete meta.namespace;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (!deepEqual(next.spec, old.spec)) meta.generation = old.metadata.generation + 1;
    const stored = this.replace(old, next as Stored);
    // The last finalizer of an object whose deletion is due is gone: the object goes (apiserver registry).
    if (meta.deletionGracePeriodSeconds === 0 && !meta.finalizers?.length) this.remove(old.kind, old.metadata.namespace, old.metadata.name);
    return stored as unknown as Stored<T>;
  }

  /** Replaces only `status`. */
  updateStatus<T extends ObjectLike & { status?: unknown }>(input: T): Stored<T> {
    const old = this.mustGet(input as unknown as KubeObject);
    return this.replace(old, withField(old, 'status', input.status)) as unknown as Stored<T>;
  }

  /** Binds a pod to a node (the pods/binding subresource): sets nodeName and PodScheduled=True. */
  bind(namespace: string | undefined, name: string, nodeName: string): Stored {
    const old = this.get('Pod', namespace, name);
    if (!old) throw new ApiError('NotFound', `pods "${name}" not found`);
    if (old.spec?.nodeName) throw new ApiError('Conflict', `pod ${name} is already assigned to node "${old.spec.nodeName}"`);
    const at = this.secondsNow();
    const scheduled = scheduledConditions.get2('PodScheduled', at, () => ({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(at) }));
    const conditions = [...((old.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'PodScheduled'), scheduled];
    const spec = old.spec ?? {};
    // Pods of a template share their spec (immutable), so those bound to one node share the bound spec.
    const boundSpec = boundSpecs.get2(spec, nodeName, () => withField(spec, 'nodeName', nodeName));
    const bound = withFields(old, { spec: boundSpec, status: withField(old.status ?? {}, 'conditions', conditions) });
    return this.replace(old, bound as Stored);
  }

  /**
   * Deletes an object. Pods bound to a node and still running are deleted gracefully: they get
   * deletionTimestamp (now + grace period) and are removed by the kubelet; other objects go at once.
   * Returns the object as it is after the call, or undefined when it is gone.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Stored | undefined {
    const old = this.get(kind, namespace, name);
    if (!old) throw new ApiError('NotFound', `${kind.toLowerCase()}s "${name}" not found`);
    if (kind === 'Pod' && this.isGraceful(old, opts)) {
      if (old.metadata.deletionTimestamp) return old;
      const grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30;
      const meta = withFields(old.metadata, {
        deletionTimestamp: rfc3339(this.secondsNow() + grace * 1000),
        deletionGracePeriodSeconds: grace,
        generation: old.metadata.generation + 1,
      });
      return this.replace(old, withField(old, 'metadata', meta));
    }
    this.remove(kind, namespace, name, opts.propagationPolicy);
    return this.get(kind, namespace, name);
  }

  /** Removes an object for good (the end of a graceful deletion) — or, while finalizers remain, marks it deleted. */
  remove(kind: string, namespace: string | undefined, name: string, propagationPolicy?: PropagationPolicy): void {
    const old = this.get(kind, namespace, name);
    if (!old) return;
    if (old.metadata.finalizers?.length) {
      this.holdForFinalizers(old);
      return;
    }
    this.unindex(old);
    this.objects.get(kind)!.get(nsOf(kind, namespace))!.delete(name);
    // A deletion is a write: the final version carries a new resourceVersion.
    const gone = withField(old, 'metadata', withField(old.metadata, 'resourceVersion', String(++this.rv)));
    if (this.opts.freeze) deepFreeze(gone);
    this.notify({ type: 'DELETED', object: gone, old, propagationPolicy: propagationPolicy ?? 'Background' });
  }

  /** Finalizers keep a deleted object: deletionTimestamp now, grace 0, until the last one is removed. */
  private holdForFinalizers(old: Stored): void {
    if (old.metadata.deletionGracePeriodSeconds === 0) return;
    const meta = withFields(old.metadata, {
      deletionTimestamp: rfc3339(this.secondsNow()),
      deletionGracePeriodSeconds: 0,
      generation: old.metadata.deletionTimestamp ? old.metadata.generation : old.metadata.generation + 1,
    });
    this.replace(old, withField(old, 'metadata', meta));
  }

  private isGraceful(pod: Stored, opts: DeleteOptions): boolean {
    // pkg/registry/core/pod/strategy.go CheckGracefulDelete: unscheduled or terminated pods go at once.
    if (opts.gracePeriodSeconds === 0) return false;
    if (!pod.spec?.nodeName) return false;
    const phase = pod.status?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  }

  private secondsNow(): number {
    return Math.floor(this.opts.now() / 1000) * 1000;
  }

  private mustGet(input: KubeObject): Stored {
    const name = input.metadata?.name;
    // Writers mostly pass back a version they read: its uid finds it in one lookup, if it is still there
    // under that kind, namespace and name.
    const byUid = input.metadata?.uid ? this.byUid.get(input.metadata.uid)?.obj : undefined;
    if (byUid && byUid.kind === input.kind && byUid.metadata.name === name && byUid.metadata.namespace === (isNamespaced(input.kind) ? input.metadata.namespace || 'default' : undefined)) {
      return byUid;
    }
    const old = name ? this.get(input.kind, input.metadata.namespace, name) : undefined;
    if (!old) throw new ApiError('NotFound', `${input.kind.toLowerCase()}s "${name ?? ''}" not found`);
    return old;
  }

  private replace(old: Stored, next: Stored): Stored {
    next.metadata = withField(next.metadata, 'resourceVersion', String(++this.rv));
    if (this.opts.freeze) deepFreeze(next);
    const cell = this.byUid.get(old.metadata.uid)!;
    // Most writes (status) leave owner references and node binding alone: the indexes stay as they are.
    const sameIndexes =
      next.metadata.ownerReferences === old.metadata.ownerReferences && (old.kind !== 'Pod' || next.spec?.nodeName === old.spec?.nodeName);
    if (sameIndexes) {
      cell.obj = next;
    } else {
      // Re-indexed: the object moves last in its owners' and node's lists (dependentsOf order).
      this.unindexRefs(old);
      cell.obj = next;
      this.indexRefs(cell);
    }
    this.notify({ type: 'MODIFIED', object: next, old });
    return next;
  }

  private put(obj: Stored): Stored {
    if (this.opts.freeze) deepFreeze(obj);
    const ns = nsOf(obj.kind, obj.metadata.namespace);
    let byNs = this.objects.get(obj.kind);
    if (!byNs) this.objects.set(obj.kind, (byNs = new Map()));
    let m = byNs.get(ns);
    if (!m) byNs.set(ns, (m = new Map()));
    const cell: Cell = { obj };
    m.set(obj.metadata.name, cell);
    this.index(cell);
    return obj;
  }

  private index(cell: Cell): void {
    this.byUid.set(cell.obj.metadata.uid, cell);
    this.indexRefs(cell);
  }

  private unindex(o: Stored): void {
    this.byUid.delete(o.metadata.uid);
    this.unindexRefs(o);
  }

  /** The owner, node and orphan indexes (the uid index holds the cell whatever its version). */
  private indexRefs(cell: Cell): void {
    const o = cell.obj;
    const uid = o.metadata.uid;
    for (const ref of o.metadata.ownerReferences ?? []) addTo(this.byOwner, ref.uid, uid, cell);
    if (o.kind === 'Pod' && o.spec?.nodeName) addTo(this.byNode, o.spec.nodeName, uid, cell);
    if (!controllerRef(o)) addTo(this.orphanIndex, `${o.kind}/${nsOf(o.kind, o.metadata.namespace)}`, uid, cell);
  }

  private unindexRefs(o: Stored): void {
    const uid = o.metadata.uid;
    for (const ref of o.metadata.ownerReferences ?? []) removeFrom(this.byOwner, ref.uid, uid);
    if (o.kind === 'Pod' && o.spec?.nodeName) removeFrom(this.byNode, o.spec.nodeName, uid);
    // Only an object without a controller is in the orphan index (indexRefs), so only then is a key made.
    if (!controllerRef(o)) removeFrom(this.orphanIndex, `${o.kind}/${nsOf(o.kind, o.metadata.namespace)}`, uid);
  }

  /**
   * Makes the next token of `kind` as create() would, drawing the same random numbers: a fast-forward
   * makes the tokens of the cycles it generates, so the generator ends where a full run leaves it.
   */
  makeToken(kind: 'uid' | 'name'): string {
    return kind === 'uid' ? this.newUid() : randomSuffix(this.opts.rand);
  }

  /** The resourceVersion the next write will take, minus one. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** Counts `n` writes that a fast-forward generated instead of making. */
  skipVersions(n: number): void {
    this.rv += n;
  }

  /**
   * Puts `obj` in place of the current version of the object with its uid, telling no watcher: the
   * version a fast-forward computed for an object that lives on through the generated cycles. Refused
   * (false) unless the fields the indexes use — identity, owners, node — are unchanged.
   */
  replaceVersion(obj: Stored): boolean {
    const cell = this.byUid.get(obj.metadata.uid);
    const old = cell?.obj;
    if (!cell || !old || old.kind !== obj.kind || old.metadata.name !== obj.metadata.name || old.metadata.namespace !== obj.metadata.namespace) return false;
    if (!deepEqual(old.metadata.ownerReferences, obj.metadata.ownerReferences) || old.spec?.nodeName !== obj.spec?.nodeName) return false;
    if (this.opts.freeze) deepFreeze(obj);
    cell.obj = obj;
    return true;
  }

  private newUid(): string {
    // RFC 4122 version-4 layout, from the seeded generator, digits drawn left to right.
    const rand = this.opts.rand;
    const codes = UID_CODES;
    for (let i = 0; i < 36; i++) {
      const at = UID_LAYOUT[i]!;
      codes[i] = at === HEX ? HEX_CODES[rand.int(16)]! : at === VARIANT ? VARIANT_CODES[rand.int(4)]! : at;
    }
    return String.fromCharCode.apply(null, codes as unknown as number[]);
  }

  private notify(change: WatchChange): void {
    for (const h of this.handlers) h(change);
  }
}

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const VARIANT_CODES = [...'89ab'].map((c) => c.charCodeAt(0));
/** A uid's 36 places: a random hex digit, the random variant digit, or a fixed character code. */
const HEX = -1;
const VARIANT = -2;
const UID_LAYOUT = [...'xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx'].map((c) => (c === 'x' ? HEX : c === 'v' ? VARIANT : c.charCodeAt(0)));
const UID_CODES = new Uint16Array(36);

function addTo(index: Map<string, Map<string, Cell>>, key: string, uid: string, o: Cell): void {
  let m = index.get(key);
  if (!m) index.set(key, (m = new Map()));
  m.set(uid, o);
}

function removeFrom(index: Map<string, Map<string, Cell>>, key: string, value: string): void {
  const s = index.get(key);
  if (!s) return;
  s.delete(value);
  if (s.size === 0) index.delete(key);
}
