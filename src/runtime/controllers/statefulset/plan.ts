// What a StatefulSet sync does next, decided from observed pods: the heart of
// kubernetes pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet, processReplica,
// processCondemned and the RollingUpdate loop), as a pure function returning steps.
import type { PodLike, SetLike } from './shapes.js';
import { claimNamesFor, endOrdinal, identityMatches, ordinalOf, startOrdinal, storageMatches } from './identity.js';
import { factsOf, memoFor, type PodFacts, type PodMemo } from './facts.js';
import { availableAt, isHealthy, isRunningAndAvailable, isRunningAndReady, isTerminating } from './podstate.js';

export type Step =
  /** Create the pod of `ordinal` (its missing claims first) from the template of `revision`. */
  | { op: 'create'; ordinal: number; revision: string }
  /** Delete a pod: a failed/succeeded one to recreate it, a condemned one to scale down, an old one to update it. */
  | { op: 'delete'; pod: PodLike; reason: 'failed' | 'scaleDown' | 'update' }
  /** A Pending pod whose claims may have been deleted: create the missing ones. */
  | { op: 'ensureClaims'; pod: PodLike }
  /** The pod lost its identity labels or claim volumes: restore them (and create missing claims). */
  | { op: 'repair'; pod: PodLike }
  /** The pod's claims do not carry the owner references the retention policy asks for. */
  | { op: 'fixClaimOwners'; pod: PodLike };

export interface PlanInput {
  set: SetLike;
  /** Pods the set controls (by controller reference), in any state. */
  pods: readonly PodLike[];
  currentRevision: string;
  updateRevision: string;
  now: number;
  /** True when the pod's claims carry the owner references the retention policy asks for. */
  claimsMatchPolicy?: (pod: PodLike, memo?: PodMemo) => boolean;
  /** True when a claim of this ordinal still belongs to a previous pod being cleaned up (PodClaimIsStale). */
  claimIsStale?: (ordinal: number) => boolean;
}

export interface Plan {
  steps: Step[];
  /** Why progress stopped, for explanations ("waiting for web-1 to be Running and Ready"). */
  blockedOn?: { pod: string; waitingFor: 'Running and Ready' | 'Available' | 'Terminate' | 'claim cleanup' };
  /** Sync again after this long (minReadySeconds still running). */
  requeueAfterMs?: number;
}

/** A replica slot: an existing pod, or one this plan creates (upstream's not-yet-created pod object). */
interface Slot {
  ordinal: number;
  pod?: PodLike;
  /** The pod's facts, looked up once per sync. */
  f?: PodFacts;
  revision: string;
}

interface Member {
  pod: PodLike;
  f: PodFacts;
}

export function revisionOf(pod: PodLike): string {
  return factsOf(pod).revision;
}

/** OrderedReady is "monotonic"; Parallel allows bursts (allowsBurst). */
export function isMonotonic(set: SetLike): boolean {
  return set.spec?.podManagementPolicy !== 'Parallel';
}

export function partitionOf(set: SetLike): number {
  return set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
}

/**
 * The revision a newly created pod of `ordinal` gets (newVersionedStatefulSetPod): under RollingUpdate,
 * ordinals below the partition stay on the current revision; every other new pod gets the update revision.
 */
export function revisionForNewPod(set: SetLike, ordinal: number, current: string, update: string): string {
  const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
  const ru = set.spec?.updateStrategy?.rollingUpdate;
  const currentReplicas = set.status?.currentReplicas ?? 0;
  const start = startOrdinal(set);
  if (rolling && ru === undefined && ordinal < start + currentReplicas) return current;
  if (ru !== undefined && ordinal < start + (ru.partition ?? 0)) return current;
  return update;
}

/** Splits pods into the replica slots [start, end] and the condemned (out of range), condemned descending. */
function partitionPods(set: SetLike, pods: readonly PodLike[]): { replicas: (Member | undefined)[]; condemned: PodLike[] } {
  const start = startOrdinal(set);
  const replicas: (Member | undefined)[] = new Array(Math.max(0, endOrdinal(set) - start + 1)).fill(undefined);
  const condemned: PodLike[] = [];
  for (const pod of pods) {
    const f = factsOf(pod);
    if (f.ordinal < 0) continue; // not a member name: ignored, as upstream
    if (f.ordinal >= start && f.ordinal - start < replicas.length) replicas[f.ordinal - start] = { pod, f };
    else condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  return { replicas, condemned };
}

function slotHealthy(s: Slot): boolean {
  return s.f !== undefined && s.f.phase === 'Running' && s.f.ready && !s.f.terminating;
}

export function planStatefulSet(input: PlanInput): Plan {
  const { set, currentRevision, updateRevision, now } = input;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const monotonic = isMonotonic(set);
  const claimsOk = input.claimsMatchPolicy ?? (() => true);
  const stale = input.claimIsStale ?? (() => false);
  const { replicas: pods, condemned } = partitionPods(set, input.pods);
  const start = startOrdinal(set);
  const slots: Slot[] = pods.map((m, i) => {
    const ordinal = start + i;
    return m
      ? { ordinal, pod: m.pod, f: m.f, revision: m.f.revision }
      : { ordinal, revision: revisionForNewPod(set, ordinal, currentRevision, updateRevision) };
  });
  // The first unhealthy pod, replicas in ordinal order then condemned ascending: the only condemned pod
  // OrderedReady may delete while it is itself unhealthy.
  const firstUnhealthy =
    slots.find((s) => !slotHealthy(s))?.pod ?? [...condemned].reverse().find((p) => !isHealthy(p));

  const plan: Plan = { steps: [] };
  if (set.metadata?.deletionTimestamp) return plan; // being deleted: status only

  if (processReplicas(slots, plan, { monotonic, minReady, now, set, claimsOk, stale })) return plan;

  // Condemned pods' claims get their retention owner references before the pods go (fixPodClaim).
  for (const pod of condemned) if (!claimsOk(pod)) plan.steps.push({ op: 'fixClaimOwners', pod });

  if (processCondemned(condemned, firstUnhealthy, plan, { monotonic, minReady, now })) return plan;

  if (set.spec?.updateStrategy?.type === 'OnDelete') return plan; // pods change only when deleted by hand
  rollingUpdate(slots, partitionOf(set), updateRevision, plan);
  return plan;
}

interface ReplicaCtx {
  monotonic: boolean;
  minReady: number;
  now: number;
  set: SetLike;
  claimsOk: (pod: PodLike, memo?: PodMemo) => boolean;
  stale: (ordinal: number) => boolean;
}

/** processReplica over every slot in ordinal order; true when the sync must stop here. */
function processReplicas(slots: Slot[], plan: Plan, ctx: ReplicaCtx): boolean {
  for (const slot of slots) {
    // Parallel (slowStartBatch): a blocked replica does not stop the others.
    if (processReplica(slot, plan, ctx) && ctx.monotonic) return true;
  }
  return false;
}

function processReplica(slot: Slot, plan: Plan, ctx: ReplicaCtx): boolean {
  const pod = slot.pod;
  const f = slot.f;
  if (!pod || !f) {
    if (ctx.stale(slot.ordinal)) {
      plan.blockedOn ??= { pod: `${ctx.set.metadata?.name}-${slot.ordinal}`, waitingFor: 'claim cleanup' };
      return true;
    }
    plan.steps.push({ op: 'create', ordinal: slot.ordinal, revision: slot.revision });
    return ctx.monotonic; // OrderedReady creates one pod per pass; Parallel goes on
  }
  if (f.phase === 'Failed' || f.phase === 'Succeeded') {
    // Recreate: delete now, the next sync (after it is gone) creates the replacement with the same name.
    if (!f.terminating) plan.steps.push({ op: 'delete', pod, reason: 'failed' });
    return true;
  }
  if (f.phase === 'Pending') plan.steps.push({ op: 'ensureClaims', pod });
  if (ctx.monotonic && f.terminating) {
    plan.blockedOn ??= { pod: pod.metadata?.name ?? '', waitingFor: 'Terminate' };
    return true;
  }
  if (ctx.monotonic && !(f.phase === 'Running' && f.ready)) {
    plan.blockedOn ??= { pod: pod.metadata?.name ?? '', waitingFor: 'Running and Ready' };
    return true;
  }
  if (ctx.monotonic && ctx.minReady > 0 && !isRunningAndAvailable(pod, ctx.minReady, ctx.now)) {
    plan.blockedOn ??= { pod: pod.metadata?.name ?? '', waitingFor: 'Available' };
    requeueAtAvailability(plan, pod, ctx.minReady, ctx.now);
    return true;
  }
  const memo = memoFor(f, ctx.set.spec, () => ({
    identityOk: identityMatches(ctx.set, pod) && storageMatches(ctx.set, pod),
    claimNames: claimNamesFor(ctx.set, slot.ordinal),
  }));
  if (!memo.identityOk) plan.steps.push({ op: 'repair', pod });
  else if (!ctx.claimsOk(pod, memo)) plan.steps.push({ op: 'fixClaimOwners', pod });
  return false;
}

function requeueAtAvailability(plan: Plan, pod: PodLike, minReady: number, now: number): void {
  const at = availableAt(pod, minReady);
  if (at === undefined || at <= now) return;
  plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, at - now);
}

/** processCondemned, highest ordinal first; true when the sync must stop here. */
function processCondemned(
  condemned: PodLike[],
  firstUnhealthy: PodLike | undefined,
  plan: Plan,
  ctx: { monotonic: boolean; minReady: number; now: number },
): boolean {
  for (const pod of condemned) {
    const name = pod.metadata?.name ?? '';
    if (isTerminating(pod)) {
      if (!ctx.monotonic) continue;
      plan.blockedOn ??= { pod: name, waitingFor: 'Terminate' };
      return true;
    }
    if (ctx.monotonic && pod !== firstUnhealthy && !isRunningAndReady(pod)) {
      plan.blockedOn ??= { pod: firstUnhealthy?.metadata?.name ?? name, waitingFor: 'Running and Ready' };
      return true;
    }
    if (ctx.monotonic && pod !== firstUnhealthy && !isRunningAndAvailable(pod, ctx.minReady, ctx.now)) {
      plan.blockedOn ??= { pod: firstUnhealthy?.metadata?.name ?? name, waitingFor: 'Available' };
      requeueAtAvailability(plan, pod, ctx.minReady, ctx.now);
      return true;
    }
    plan.steps.push({ op: 'delete', pod, reason: 'scaleDown' });
    if (ctx.monotonic) return true;
  }
  return false;
}

/**
 * RollingUpdate: from the highest ordinal down to the partition, delete the first pod not on the update
 * revision (the next sync recreates it at the update revision); stop at any unhealthy pod on the way.
 */
function rollingUpdate(slots: Slot[], partition: number, updateRevision: string, plan: Plan): void {
  for (let i = slots.length - 1; i >= partition; i--) {
    const slot = slots[i]!;
    const pod = slot.pod;
    if (pod && slot.revision !== updateRevision && !isTerminating(pod)) {
      plan.steps.push({ op: 'delete', pod, reason: 'update' });
      return;
    }
    if (!slotHealthy(slot)) {
      plan.blockedOn ??= { pod: pod?.metadata?.name ?? `#${slot.ordinal}`, waitingFor: 'Running and Ready' };
      return;
    }
  }
}
