// Deployment status and conditions (pkg/controller/deployment/sync.go calculateStatus, progress.go).
import type { Plan } from './plan.js';
import { getCondition, newCondition, setCondition, removeCondition } from './plan.js';
import type { RS, DeploymentStatusLike } from './util.js';
import {
  actualReplicas,
  availableReplicas,
  readyReplicas,
  specReplicas,
  maxUnavailable,
  replicasOf,
  deploymentComplete,
  deploymentProgressing,
  statusOf,
} from './util.js';
import type { Dep } from './util.js';

export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const RS_UPDATED = 'ReplicaSetUpdated';
export const TIMED_OUT = 'ProgressDeadlineExceeded';
export const NEW_RS_CREATED = 'NewReplicaSetCreated';
export const FOUND_NEW_RS = 'FoundNewReplicaSet';
export const PAUSED = 'DeploymentPaused';
export const RESUMED = 'DeploymentResumed';

export function hasProgressDeadline(d: Dep): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== 2147483647;
}

/** calculateStatus: counts from the ReplicaSets; Available when at least replicas − maxUnavailable are. */
export function calculateStatus(plan: Plan, all: RS[], newRS: RS | undefined): DeploymentStatusLike {
  const d = plan.d;
  const available = availableReplicas(all);
  const status: DeploymentStatusLike = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicas(all),
    updatedReplicas: actualReplicas(newRS ? [newRS] : []),
    readyReplicas: readyReplicas(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(all) - available),
  };
  if (plan.status.collisionCount !== undefined) status.collisionCount = plan.status.collisionCount;
  status.conditions = [...(plan.status.conditions ?? [])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(plan, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'));
  } else {
    setCondition(status, newCondition(plan, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'));
  }
  return status;
}

/** DeploymentTimedOut: Progressing not updated for progressDeadlineSeconds. */
export function timedOut(d: Dep, status: DeploymentStatusLike, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(status, 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE) return false;
  if (c.reason === TIMED_OUT) return true;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : now;
  return from + (d.spec!.progressDeadlineSeconds ?? 600) * 1000 < now;
}

/** syncRolloutStatus: status plus the Progressing condition (complete / progressing / timed out). */
export function syncRolloutStatus(plan: Plan, all: RS[], newRS: RS | undefined): void {
  const d = plan.d;
  const next = calculateStatus(plan, all, newRS);
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const current = getCondition(plan.status, 'Progressing');
  const complete = next.replicas === next.updatedReplicas && current?.reason === NEW_RS_AVAILABLE;
  if (hasProgressDeadline(d) && !complete) {
    const what = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, next)) {
      setCondition(next, newCondition(plan, 'Progressing', 'True', NEW_RS_AVAILABLE, `${what} has successfully progressed.`));
    } else if (deploymentProgressing(statusOf(d), next)) {
      const c = newCondition(plan, 'Progressing', 'True', RS_UPDATED, `${what} is progressing.`);
      // Progress refreshes lastUpdateTime even when the reason is unchanged (progress.go).
      if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime!;
      removeCondition(next, 'Progressing');
      setCondition(next, c);
    } else if (timedOut(d, next, plan.now)) {
      setCondition(next, newCondition(plan, 'Progressing', 'False', TIMED_OUT, `${what} has timed out progressing.`));
    }
  }
  plan.status = next;
  requeueStuck(plan, next);
}

/** requeueStuckDeployment: check again just after the progress deadline would pass. */
function requeueStuck(plan: Plan, status: DeploymentStatusLike): void {
  const d = plan.d;
  const c = getCondition(status, 'Progressing');
  if (!hasProgressDeadline(d) || !c || deploymentComplete(d, status) || c.reason === TIMED_OUT) return;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : plan.now;
  const after = from + (d.spec!.progressDeadlineSeconds ?? 600) * 1000 - plan.now;
  // Upstream re-queues rate-limited when under a second is left; a second later is past the deadline.
  plan.actions.push({ type: 'requeueAfter', ms: after < 1000 ? 1000 : after + 1000 });
}

/** syncDeploymentStatus: status only (scaling, paused). */
export function syncDeploymentStatus(plan: Plan, all: RS[], newRS: RS | undefined): void {
  plan.status = calculateStatus(plan, all, newRS);
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(plan: Plan): void {
  const d = plan.d;
  if (!hasProgressDeadline(d)) return;
  const c = getCondition(plan.status, 'Progressing');
  if (c?.reason === TIMED_OUT) return;
  const pausedCond = c?.reason === PAUSED;
  if (d.spec?.paused && !pausedCond) {
    setCondition(plan.status, newCondition(plan, 'Progressing', 'Unknown', PAUSED, 'Deployment is paused'));
  } else if (!d.spec?.paused && pausedCond) {
    setCondition(plan.status, newCondition(plan, 'Progressing', 'Unknown', RESUMED, 'Deployment is resumed'));
  }
}
