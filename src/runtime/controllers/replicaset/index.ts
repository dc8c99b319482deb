// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps `replicas` active pods
// matching the selector, adopting orphans and releasing pods that no longer match.
import type { Stored, ReplicaSet } from '../../api/types.js';
import { controllerRef, keyOf, refOf, splitKey, newControllerRef } from '../../api/types.js';
import { matchesSelector, labelsMatch } from '../../api/selectors.js';
import type { Labels } from '../../api/selectors.js';
import type { Action, Controller, SyncContext } from '../../controller.js';
import type { StoreReader, WatchChange } from '../../store.js';
import { deepEqual } from '../../api/equal.js';
import { isPodActive, podFromTemplate, ownedBy, controllerOwnerKeys, selfKey, lastResult } from '../podutil.js';
import { podsToDelete, countActiveByNode } from './rank.js';
import { calculateStatus, nextAvailableAt, statusFromCounts } from './status.js';
import type { ReplicaCounts } from './status.js';
import { replicaSetPodIndex } from './pod-index.js';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** At most this many creations or deletions per sync (replica_set.go BurstReplicas). */
export const BURST_REPLICAS = 500;

/** Pod changes go to the controlling ReplicaSet; an orphan goes to every ReplicaSet whose selector matches. */
const ownerKeys = controllerOwnerKeys('ReplicaSet');

function podKeys(change: WatchChange, store: StoreReader): readonly string[] {
  replicaSetPodIndex(store).observe(change);
  const owners = ownerKeys(change);
  const pod = change.object;
  if (change.type === 'DELETED' || controllerRef(pod) || pod.metadata.deletionTimestamp) return owners;
  const keys = [...owners];
  for (const rs of store.list('ReplicaSet', pod.metadata.namespace)) {
    if (matchesSelector(pod.metadata.labels, rs.spec?.selector)) keys.push(keyOf(rs));
  }
  return keys;
}

/** Claims pods as upstream's PodControllerRefManager: adopt matching orphans, release non-matching pods. */
function claimPods(rs: Stored, store: StoreReader, actions: Action[]): Stored[] {
  const selector = rs.spec?.selector;
  const selected = lastResult((labels: Labels) => matchesSelector(labels, selector));
  const claimed: Stored[] = [];
  for (const pod of ownedBy(store, rs, 'Pod')) {
    if (selected(pod.metadata.labels)) {
      claimed.push(pod);
    } else if (!pod.metadata.deletionTimestamp) {
      const ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
      const metadata = { ...pod.metadata, ownerReferences };
      if (!ownerReferences.length) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
      actions.push({ type: 'update', object: { ...pod, metadata } });
    }
  }
  if (rs.metadata.deletionTimestamp) return claimed;
  for (const pod of store.orphans('Pod', rs.metadata.namespace)) {
    if (pod.metadata.deletionTimestamp || !selected(pod.metadata.labels)) continue;
    const ownerReferences = [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)];
    const adopted = { ...pod, metadata: { ...pod.metadata, ownerReferences } } as Stored;
    actions.push({ type: 'update', object: adopted });
    claimed.push(adopted);
  }
  return claimed;
}

/**
 * Active pods per node of the ReplicaSets sharing this one's controller (the Deployment's other
 * versions), for ranking (getPodsRankedByRelatedPodsOnSameNode).
 */
function relatedOnNode(rs: Stored, store: StoreReader, own: Stored[]): Map<string, number> {
  const owner = controllerRef(rs);
  if (!owner) return countActiveByNode(own);
  const index = replicaSetPodIndex(store);
  const counts = new Map<string, number>();
  for (const sibling of store.dependentsOf(owner.uid, 'ReplicaSet')) {
    for (const [node, n] of index.of(sibling.metadata.uid).activeOnNode) counts.set(node, (counts.get(node) ?? 0) + n);
  }
  return counts;
}

/**
 * The replica counts of `rs` from the pod index, when a sync needs no pod list to claim: every pod it
 * controls matches its selector (none to release) and no orphan matches (none to adopt). With
 * minReadySeconds, availability depends on the time, so the pods are read (undefined).
 */
function indexedCounts(rs: Stored, store: StoreReader): ReplicaCounts | undefined {
  if (rs.spec?.minReadySeconds) return undefined;
  const selector = rs.spec?.selector;
  const owned = replicaSetPodIndex(store).of(rs.metadata.uid);
  for (const labels of owned.byLabels.keys()) if (!matchesSelector(labels, selector)) return undefined;
  if (!rs.metadata.deletionTimestamp) {
    for (const pod of store.orphans('Pod', rs.metadata.namespace)) {
      if (!pod.metadata.deletionTimestamp && matchesSelector(pod.metadata.labels, selector)) return undefined;
    }
  }
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  let fullyLabeled = 0;
  for (const [labels, n] of owned.activeByLabels) if (labelsMatch(labels, templateLabels)) fullyLabeled += n;
  return { replicas: owned.active, fullyLabeled, ready: owned.ready, available: owned.ready };
}

/**
 * Creations or deletions toward spec.replicas, given how many pods are active; `active` lists them,
 * read only when some are to be deleted.
 */
export function manageReplicas(
  rs: Stored<ReplicaSet>,
  activeCount: number,
  active: () => Stored[],
  related: () => ReadonlyMap<string, number>,
  now: number,
): Action[] {
  const want = rs.spec?.replicas ?? 1;
  const diff = activeCount - want;
  const involved = refOf(rs);
  const actions: Action[] = [];
  if (diff < 0) {
    const n = Math.min(-diff, BURST_REPLICAS);
    // Upstream creates in slow-start batches (1, 2, 4, …) and stops at the first failure; creations
    // here do not fail, so every batch goes through and the observable result is the same.
    for (let i = 0; i < n; i++) {
      actions.push({
        type: 'create',
        object: podFromTemplate(rs.spec!.template!, rs as Stored, `${rs.metadata.name}-`),
        event: { eventType: 'Normal', reason: 'SuccessfulCreate', involved, message: 'Created pod: {name}' },
      });
    }
  } else if (diff > 0) {
    for (const pod of podsToDelete(active(), related(), Math.min(diff, BURST_REPLICAS), now)) {
      actions.push({
        type: 'delete',
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        event: { eventType: 'Normal', reason: 'SuccessfulDelete', involved, message: `Deleted pod: ${pod.metadata.name}` },
      });
    }
  }
  return actions;
}

export function syncReplicaSet(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const rs = ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name);
  if (!rs) return [];
  const counts = indexedCounts(rs as Stored, ctx.store);
  return counts ? syncFromCounts(rs, counts, ctx) : syncFromPods(rs, ctx);
}

/** A sync that claims nothing: the counts come from the index, the pods are read only to delete some. */
function syncFromCounts(rs: Stored<ReplicaSet>, counts: ReplicaCounts, ctx: SyncContext): Action[] {
  const actions: Action[] = [];
  if (!rs.metadata.deletionTimestamp) {
    // Every controlled pod matches the selector, so the claimed pods are the controlled ones.
    let active: Stored[] | undefined;
    const list = (): Stored[] => (active ??= ownedBy(ctx.store, rs as Stored, 'Pod').filter(isPodActive));
    actions.push(...manageReplicas(rs, counts.replicas, list, () => relatedOnNode(rs as Stored, ctx.store, list()), ctx.now));
  }
  const status = statusFromCounts(rs as Stored, counts);
  if (!deepEqual(status, rs.status ?? {})) actions.push({ type: 'updateStatus', object: { ...rs, status } });
  return actions;
}

function syncFromPods(rs: Stored<ReplicaSet>, ctx: SyncContext): Action[] {
  const actions: Action[] = [];
  const claimed = claimPods(rs as Stored, ctx.store, actions);
  const active = claimed.filter(isPodActive);
  if (!rs.metadata.deletionTimestamp) {
    actions.push(...manageReplicas(rs, active.length, () => active, () => relatedOnNode(rs as Stored, ctx.store, claimed), ctx.now));
  }
  const status = calculateStatus(rs as Stored, active, ctx.now);
  if (!deepEqual(status, rs.status ?? {})) actions.push({ type: 'updateStatus', object: { ...rs, status } });
  const next = nextAvailableAt(rs as Stored, active, ctx.now);
  if (next !== undefined) actions.push({ type: 'requeueAfter', ms: next - ctx.now });
  return actions;
}

export const replicaSetController: Controller = {
  name: REPLICASET_CONTROLLER,
  watches: { ReplicaSet: selfKey, Pod: podKeys },
  sync: syncReplicaSet,
};
