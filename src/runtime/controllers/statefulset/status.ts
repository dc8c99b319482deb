// StatefulSet status from its pods (stateful_set_control.go computeReplicaStatus, completeRollingUpdate,
// stateful_set_utils.go inconsistentStatus).
import type { StatefulSetStatus } from 'kubernetes-types/apps/v1.js';
import type { PodLike, SetLike } from './shapes.js';
import { isRunningAndAvailable } from './podstate.js';
import { factsOf } from './facts.js';

export interface StatusInput {
  set: SetLike;
  pods: readonly PodLike[];
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  now: number;
  /** Pods this sync deletes: they count as terminating. */
  deleting?: ReadonlySet<string>;
}

export function computeStatus(input: StatusInput): StatefulSetStatus {
  const { set, currentRevision, updateRevision, now } = input;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata?.generation ?? 0,
    replicas: 0,
    readyReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    availableReplicas: 0,
    currentRevision,
    updateRevision,
    collisionCount: input.collisionCount,
  };
  for (const pod of input.pods) {
    const f = factsOf(pod); // once per pod: status is computed on every sync
    if (f.ordinal < 0) continue;
    status.replicas! += 1;
    if (f.phase === 'Running' && f.ready) {
      status.readyReplicas! += 1;
      if (minReady <= 0 || isRunningAndAvailable(pod, minReady, now)) status.availableReplicas! += 1;
    }
    if (f.terminating || (input.deleting?.has(pod.metadata?.name ?? '') ?? false)) continue;
    if (f.revision === currentRevision) status.currentReplicas! += 1;
    if (f.revision === updateRevision) status.updatedReplicas! += 1;
  }
  return completeRollingUpdate(set, status);
}

/** When every wanted pod is updated and ready, the update revision becomes the current one. */
export function completeRollingUpdate(set: SetLike, status: StatefulSetStatus): StatefulSetStatus {
  const want = set.spec?.replicas ?? 1;
  const rolling = set.spec?.updateStrategy?.type !== 'OnDelete';
  if (rolling && status.updatedReplicas === want && status.readyReplicas === want && status.replicas === want) {
    return { ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision };
  }
  return status;
}

const COMPARED = [
  'replicas',
  'readyReplicas',
  'currentReplicas',
  'updatedReplicas',
  'availableReplicas',
  'currentRevision',
  'updateRevision',
  'collisionCount',
] as const;

/** Whether the computed status differs from the stored one (only then is it written). */
export function statusChanged(old: StatefulSetStatus | undefined, next: StatefulSetStatus): boolean {
  if ((next.observedGeneration ?? 0) > (old?.observedGeneration ?? -1)) return true;
  return COMPARED.some((k) => (old?.[k] ?? 0) !== (next[k] ?? 0));
}
