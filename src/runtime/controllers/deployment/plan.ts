// The working state of one Deployment sync: local copies of the Deployment's status and its ReplicaSets,
// updated as upstream's sync would update them through the API, and the actions that do so.
import type { Action } from '../../controller.js';
import type { StoreReader } from '../../store.js';
import type { Dep, RS, DeploymentStatusLike, DeploymentConditionLike } from './util.js';
import { maxSurge, replicasOf, replicasAnnotationsNeedUpdate, DESIRED_REPLICAS, MAX_REPLICAS } from './util.js';
import { refOf } from '../../api/types.js';
import { rfc3339 } from '../../time.js';
import { clonePlain } from '../../api/equal.js';

export interface Plan {
  now: number;
  store: StoreReader;
  d: Dep;
  /** The Deployment's annotations as this sync leaves them. */
  annotations: Record<string, string>;
  status: DeploymentStatusLike;
  /** Claimed ReplicaSets, as this sync leaves them. */
  rss: RS[];
  actions: Action[];
}

export const CONTROLLER_NAME = 'deployment-controller';

export function newPlan(d: Dep, rss: RS[], now: number, store: StoreReader, actions: Action[]): Plan {
  return {
    now,
    store,
    d,
    annotations: { ...(d.metadata.annotations ?? {}) },
    status: clonePlain(d.status ?? {}) as DeploymentStatusLike,
    rss,
    actions,
  };
}

export function nowTime(plan: Plan): string {
  return rfc3339(Math.floor(plan.now / 1000) * 1000);
}

/** Replaces a ReplicaSet in the plan by name. */
export function putRS(plan: Plan, rs: RS): RS {
  const i = plan.rss.findIndex((x) => x.metadata.name === rs.metadata.name);
  if (i >= 0) plan.rss[i] = rs;
  else plan.rss.push(rs);
  return rs;
}

/**
 * scaleReplicaSet: set spec.replicas and the desired/max annotations; a size change is recorded as a
 * ScalingReplicaSet event on the Deployment ("Scaled up replica set web-5d8f7c9b4 from 0 to 3").
 */
export function scaleReplicaSet(plan: Plan, rs: RS, newScale: number, operation: 'up' | 'down'): RS {
  const desired = replicasOf(plan.d);
  const max = desired + maxSurge(plan.d);
  const sizeChanged = replicasOf(rs) !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return rs;
  const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
  const next = { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, replicas: newScale } } as RS;
  plan.actions.push({ type: 'update', object: next });
  if (sizeChanged) {
    plan.actions.push({
      type: 'event',
      eventType: 'Normal',
      reason: 'ScalingReplicaSet',
      involved: refOf(plan.d),
      message: `Scaled ${operation} replica set ${rs.metadata.name} from ${replicasOf(rs)} to ${newScale}`,
    });
  }
  return putRS(plan, next);
}

/** scaleReplicaSetAndRecordEvent: no-op when already at that size. Returns whether it scaled. */
export function scaleAndRecord(plan: Plan, rs: RS, newScale: number): boolean {
  if (replicasOf(rs) === newScale) return false;
  scaleReplicaSet(plan, rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
  return true;
}

export function getCondition(status: DeploymentStatusLike, type: string): DeploymentConditionLike | undefined {
  return status.conditions?.find((c) => c.type === type);
}

export function newCondition(plan: Plan, type: string, status: DeploymentConditionLike['status'], reason: string, message: string): DeploymentConditionLike {
  const t = nowTime(plan);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** SetDeploymentCondition: unchanged status+reason keeps the old condition; same status keeps its transition time. */
export function setCondition(status: DeploymentStatusLike, c: DeploymentConditionLike): void {
  const current = getCondition(status, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime! } : c;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(status: DeploymentStatusLike, type: string): void {
  if (status.conditions) status.conditions = status.conditions.filter((x) => x.type !== type);
}
