/**
 * What the ReplicaSet controller needs to know of each ReplicaSet's pods without reading them all on
 * every sync, kept up to date from the Pod watch (upstream reads its informer cache; a sync of a
 * 10,000-pod ReplicaSet there is O(pods) too, but here a rollout's hundred syncs made that the cost
 * of the run). Per controlling owner: how many pods it controls and how many of them are active, by
 * label set (the pods of a template share one labels object, so there are a handful), how many active
 * pods are Ready, and the active pods per node.
 *
 * The index holds counts only, never an order: a sync that must list pods (to delete some, to claim
 * or release) still reads them from the store.
 */
import type { Stored } from '../../api/types.js';
import { controllerRef } from '../../api/types.js';
import type { Labels } from '../../api/selectors.js';
import type { StoreReader, WatchChange } from '../../store.js';
import { isPodActive, isPodReady } from '../podutil.js';

/** One pod's share of its owner's counts. */
interface Share {
  /** The pod version the share was made from. */
  pod: Stored;
  owner: string;
  labels: Labels;
  active: boolean;
  ready: boolean;
  node: string;
}

/** The counts of the pods one owner controls. */
export class OwnedPods {
  /** Controlled pods, by labels object. */
  readonly byLabels = new Map<Labels, number>();
  /** Active (not terminal, not being deleted) controlled pods, by labels object. */
  readonly activeByLabels = new Map<Labels, number>();
  /** Active controlled pods per node ('' for unscheduled), as rank.ts countActiveByNode counts them. */
  readonly activeOnNode = new Map<string, number>();
  active = 0;
  /** Active pods whose Ready condition is True. */
  ready = 0;
  size = 0;
}

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

export class ReplicaSetPodIndex {
  private readonly shares = new Map<string, Share>();
  private readonly owners = new Map<string, OwnedPods>();

  /** Starts from the pods the store holds already. */
  constructor(private readonly store: StoreReader) {
    for (const p of store.list('Pod')) this.reconcile(p.metadata.uid);
  }

  /**
   * Applies one pod change. Changes can arrive out of order (a watch handler that writes while handling a
   * change notifies later handlers of its write first), so the pod's share is made from the store as it
   * is now: after every change has been seen, the counts are those of the store.
   */
  observe(change: WatchChange): void {
    this.reconcile(change.object.metadata.uid);
  }

  /** The counts of the pods `ownerUid` controls (empty counts when it controls none). */
  of(ownerUid: string): OwnedPods {
    return this.owners.get(ownerUid) ?? EMPTY;
  }

  private reconcile(uid: string): void {
    const pod = this.store.getByUid(uid);
    const prev = this.shares.get(uid);
    // A write notifies every watcher of its version once, and nested writes reach this index out of
    // order: a version already counted needs no second look.
    if (prev && prev.pod === pod) return;
    const owner = pod?.kind === 'Pod' ? controllerRef(pod)?.uid : undefined;
    if (owner === undefined) {
      if (prev) this.drop(uid, prev);
      return;
    }
    const p = pod!;
    const labels = p.metadata.labels;
    const active = isPodActive(p);
    const ready = active && isPodReady(p);
    const node = p.spec?.nodeName ?? '';
    if (prev && prev.owner === owner && prev.labels === labels && prev.active === active && prev.ready === ready && prev.node === node) {
      prev.pod = p;
      return;
    }
    if (prev) this.drop(uid, prev);
    const next: Share = { pod: p, owner, labels, active, ready, node };
    this.shares.set(uid, next);
    this.add(next, 1);
  }

  private drop(uid: string, share: Share): void {
    this.shares.delete(uid);
    this.add(share, -1);
  }

  private add(s: Share, by: 1 | -1): void {
    let o = this.owners.get(s.owner);
    if (!o) this.owners.set(s.owner, (o = new OwnedPods()));
    o.size += by;
    bump(o.byLabels, s.labels, by);
    if (s.active) {
      o.active += by;
      if (s.ready) o.ready += by;
      bump(o.activeByLabels, s.labels, by);
      bump(o.activeOnNode, s.node, by);
    }
    if (o.size === 0) this.owners.delete(s.owner);
  }
}

const EMPTY = new OwnedPods();

const indexes = new WeakMap<StoreReader, ReplicaSetPodIndex>();

/** The index of `store` (one per cluster; built from the store on first use, then fed by the Pod watch). */
export function replicaSetPodIndex(store: StoreReader): ReplicaSetPodIndex {
  let index = indexes.get(store);
  if (!index) indexes.set(store, (index = new ReplicaSetPodIndex(store)));
  return index;
}
