/**
 * What the ReplicaSet controller needs to know of each ReplicaSet's pods without reading them all on
 * every sync, kept up to date from the Pod watch (upstream reads its informer cache; a sync of a
 * 10,000-pod ReplicaSet there is O(pods) too, but here a rollout's hundred syncs made that the cost
 * of the run). Per ReplicaSet (the uid in its pods' controller reference): how many pods it controls
 * and how many of them are active, by label set (the pods of a template share one labels object, so
 * there are a handful), how many active pods are Ready, and the active pods per node.
 *
 * The index holds counts only, never an order: a sync that must list pods (to delete some, to claim
 * or release) still reads them from the store.
 */
import type { Stored } from '../../api/types.js';
import { controllerRef } from '../../api/types.js';
import type { Labels } from '../../api/selectors.js';
import type { StoreReader, WatchChange } from '../../store.js';
import { isPodActive, isPodReady, perStore } from '../podutil.js';

/** One pod version's share of its owner's counts. */
interface Share {
  owner: string | undefined;
  labels: Labels;
  active: boolean;
  ready: boolean;
  node: string;
}

/** The share of a pod a ReplicaSet controls (other pods — a Job's, a StatefulSet's — are not counted). */
function shareOf(pod: Stored | undefined): Share | undefined {
  const ref = pod && controllerRef(pod);
  if (ref?.kind !== 'ReplicaSet') return undefined;
  const owner = ref.uid;
  const active = isPodActive(pod!);
  return { owner, labels: pod!.metadata.labels, active, ready: active && isPodReady(pod!), node: pod!.spec?.nodeName ?? '' };
}

function sameShare(a: Share | undefined, b: Share | undefined): boolean {
  if (!a || !b) return a === b;
  return a.owner === b.owner && a.labels === b.labels && a.active === b.active && a.ready === b.ready && a.node === b.node;
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

  /** Nothing counted (out-of-order changes can leave a count at zero while another is not yet). */
  isEmpty(): boolean {
    return this.size === 0 && this.active === 0 && this.ready === 0 && this.byLabels.size === 0 && this.activeByLabels.size === 0 && this.activeOnNode.size === 0;
  }
}

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

export class ReplicaSetPodIndex {
  private readonly owners = new Map<string, OwnedPods>();
  /** The latest resourceVersion the index was built from: changes up to it are counted already. */
  private readonly seededRv: number = 0;

  /** Starts from the pods the store holds already. */
  constructor(store: StoreReader) {
    for (const p of store.list('Pod')) {
      this.seededRv = Math.max(this.seededRv, Number(p.metadata.resourceVersion));
      this.add(shareOf(p), 1);
    }
  }

  /**
   * Applies one pod change: the share of the version it replaced goes, the share of the new one comes.
   * Changes can arrive out of order (a watch handler that writes while handling a change notifies later
   * handlers of its write first), but counts are sums, so once every change has been seen they are the
   * store's whatever the order.
   */
  observe(change: WatchChange): void {
    if (Number(change.object.metadata.resourceVersion) <= this.seededRv) return;
    const before = change.type === 'ADDED' ? undefined : shareOf(change.old);
    const after = change.type === 'DELETED' ? undefined : shareOf(change.object);
    if (sameShare(before, after)) return;
    this.add(before, -1);
    this.add(after, 1);
  }

  /** The counts of the pods `ownerUid` controls (empty counts when it controls none). */
  of(ownerUid: string): OwnedPods {
    return this.owners.get(ownerUid) ?? EMPTY;
  }

  private add(s: Share | undefined, by: 1 | -1): void {
    if (!s) return;
    let o = this.owners.get(s.owner!);
    if (!o) this.owners.set(s.owner!, (o = new OwnedPods()));
    o.size += by;
    bump(o.byLabels, s.labels, by);
    if (s.active) {
      o.active += by;
      if (s.ready) o.ready += by;
      bump(o.activeByLabels, s.labels, by);
      bump(o.activeOnNode, s.node, by);
    }
    if (o.isEmpty()) this.owners.delete(s.owner!);
  }
}

const EMPTY = new OwnedPods();

/** The index of `store` (one per cluster; built from the store on first use, then fed by the Pod watch). */
export const replicaSetPodIndex = perStore((store) => new ReplicaSetPodIndex(store));
