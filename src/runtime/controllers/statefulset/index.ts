// The StatefulSet controller (pkg/controller/statefulset): ordered, stable-identity pods with their own
// claims, rolled between ControllerRevisions. Decisions live in plan.ts; this file gathers what the
// plan needs from the store and turns its steps into writes.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { splitKey } from '../../api/types.js';
import type { Action, Controller, SyncContext, WatchChange } from '../../controller.js';
import { availableAt } from '../podutil.js';
import { controllerOwnerKeys, ownedBy, selfKey } from '../podutil.js';
import { claimPods, podOwnerKeys } from './claim.js';
import { templateOf, type RevLike } from '../history/index.js';
import { claimName, isMemberOf } from './identity.js';
import { planStatefulSet, revisionOf } from './plan.js';
import { claimsMatchPolicy, stepActions, type PodSource } from './pods.js';
import { claimIsStale } from './retention.js';
import { pruneRevisions, setRevisions, type Rev } from './revisions.js';
import { computeStatus, statusChanged } from './status.js';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';
/** How soon to look again when a claim from a previous pod is still being cleaned up (rate-limited retry). */
const STALE_CLAIM_RETRY_MS = 1000;

type Set = Stored<StatefulSet & KubeObject>;
type PodObj = Stored<Pod & KubeObject>;

/**
 * A set's own changes. Upstream resyncs on every update, status included; a status write that leaves
 * what the plan reads unchanged (spec, currentRevision, collisionCount) would only replan to the same
 * nothing, so it is skipped — the same outcome with one O(pods) pass fewer per status write.
 */
function setKeys(change: WatchChange): string[] {
  const a = change.old;
  const b = change.object;
  if (change.type === 'MODIFIED' && a && a.spec === b.spec && a.metadata.deletionTimestamp === b.metadata.deletionTimestamp) {
    const same = a.status?.currentRevision === b.status?.currentRevision && a.status?.collisionCount === b.status?.collisionCount;
    if (same) return [];
  }
  return selfKey(change);
}

export const statefulSetController: Controller = {
  name: STATEFULSET_CONTROLLER,
  watches: {
    StatefulSet: setKeys,
    Pod: podOwnerKeys('StatefulSet'),
    ControllerRevision: controllerOwnerKeys('StatefulSet'),
  },
  sync: syncStatefulSet,
};

export function syncStatefulSet(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const set = ctx.store.get<StatefulSet & KubeObject>('StatefulSet', namespace, name) as Set | undefined;
  if (!set) return [];
  const actions: Action[] = [];
  // getPodsForStatefulSet: claim by selector, adopting only pods named as members.
  const pods = claimPods(set, ctx.store, actions, (p) => isMemberOf(set, p)).filter((p) => isMemberOf(set, p)) as PodObj[];
  const revisions: Rev[] = ownedBy<KubeObject & RevLike>(ctx.store, set, 'ControllerRevision');
  const revs = setRevisions(set, revisions);
  actions.push(...revs.actions);
  const src: PodSource = {
    set,
    store: ctx.store,
    templateOf: (rev) => (rev === revs.update.metadata.name ? set.spec?.template : templateOf(rev === revs.current.metadata.name ? revs.current : revs.update)),
  };
  const plan = planStatefulSet({
    set,
    pods,
    currentRevision: revs.current.metadata.name!,
    updateRevision: revs.update.metadata.name!,
    now: ctx.now,
    claimsMatchPolicy: (pod, memo) => claimsMatchPolicy(src, pod, memo),
    claimIsStale: (ordinal) => staleClaim(set, ordinal, ctx),
  });
  for (const step of plan.steps) actions.push(...stepActions(src, step));
  const deleting = new Set(plan.steps.flatMap((s) => (s.op === 'delete' ? [s.pod.metadata!.name!] : [])));
  const status = computeStatus({
    set,
    pods,
    currentRevision: revs.current.metadata.name!,
    updateRevision: revs.update.metadata.name!,
    collisionCount: revs.collisionCount,
    now: ctx.now,
    deleting,
  });
  if (statusChanged(set.status, status)) actions.push({ type: 'updateStatus', object: { ...set, status } });
  if (revisions.length > (set.spec?.revisionHistoryLimit ?? 10)) {
    const live = new Set([revs.current.metadata.name!, revs.update.metadata.name!, ...pods.map(revisionOf)]);
    actions.push(...pruneRevisions(set, revisions, live));
  }
  const wake = requeueMs(set, pods, plan.requeueAfterMs, plan.blockedOn?.waitingFor === 'claim cleanup', ctx.now);
  if (wake !== undefined) actions.push({ type: 'requeueAfter', ms: wake });
  return actions;
}

function staleClaim(set: Set, ordinal: number, ctx: SyncContext): boolean {
  return (set.spec?.volumeClaimTemplates ?? []).some((t: { metadata?: { name?: string } }) =>
    claimIsStale(ctx.store.get('PersistentVolumeClaim', set.metadata.namespace, claimName(t.metadata?.name ?? '', set.metadata.name, ordinal)), undefined),
  );
}

/** When to sync again: a pod becoming available (minReadySeconds) or a stale claim going away. */
function requeueMs(set: Set, pods: PodObj[], planned: number | undefined, staleWait: boolean, now: number): number | undefined {
  const minReady = set.spec?.minReadySeconds ?? 0;
  let next = planned ?? Infinity;
  if (minReady > 0) {
    for (const pod of pods) {
      const at = availableAt(pod, minReady);
      if (at !== undefined && at > now) next = Math.min(next, at - now);
    }
  }
  if (staleWait) next = Math.min(next, STALE_CLAIM_RETRY_MS);
  return next === Infinity ? undefined : next;
}
