// Deployment rollout math and ReplicaSet bookkeeping as pure functions
// (pkg/controller/deployment/util/deployment_util.go).
import type { Stored, ReplicaSet, Deployment, PodTemplateSpec } from '../../api/types.js';
import { deepEqual } from '../../api/equal.js';

export type RS = Stored<ReplicaSet>;
export type Dep = Stored<Deployment>;

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Annotations of a Deployment that are not copied to its ReplicaSets (annotationsToSkip). */
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export type IntOrPercent = number | string | undefined;

/** intstr.GetScaledValueFromIntOrPercent: "25%" of total, rounded up or down; integers as they are. */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) {
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  }
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; both zero would deadlock, so unavailable
 * becomes 1.
 */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function replicasOf(o: { spec?: { replicas?: number } } | undefined): number {
  return o?.spec?.replicas ?? 0;
}

function isRollingUpdate(d: Dep): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function maxSurge(d: Dep): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d)).surge;
}

export function maxUnavailable(d: Dep): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, desired).unavailable, desired);
}

/** Sum of spec.replicas. */
export function specReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + replicasOf(rs), 0);
}

/** Sum of status.replicas (pods that exist). */
export function actualReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. Rolling: grow into the surge room left by
 * all ReplicaSets' spec.replicas, never past the desired count. Recreate: the desired count.
 */
export function newRSNewReplicas(strategy: 'RollingUpdate' | 'Recreate', desired: number, surge: number, allSpecReplicas: number, newRSReplicas: number): number {
  if (strategy === 'Recreate') return desired;
  const maxTotal = desired + surge;
  if (allSpecReplicas >= maxTotal) return newRSReplicas;
  const up = Math.min(maxTotal - allSpecReplicas, desired - newRSReplicas);
  return newRSReplicas + up;
}

/** Template equality ignoring the pod-template-hash label (EqualIgnoreHash). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHash(a), withoutHash(b));
}

export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!t) return t;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

function timeOf(rs: RS): number {
  return rs.metadata.creationTimestamp ? Date.parse(rs.metadata.creationTimestamp) : Number.MAX_SAFE_INTEGER;
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: RS, b: RS): number {
  return timeOf(a) - timeOf(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

export function revisionOf(rs: { metadata: { annotations?: Record<string, string> } } | undefined): number {
  const v = rs?.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** ReplicaSetsByRevision: lowest revision first (then by creation). */
export function byRevision(a: RS, b: RS): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

export function maxRevision(rss: readonly RS[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Dep, rss: readonly RS[]): RS | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** ReplicaSets with spec.replicas > 0 (FilterActiveReplicaSets). */
export function activeReplicaSets(rss: readonly (RS | undefined)[]): RS[] {
  return rss.filter((rs): rs is RS => !!rs && replicasOf(rs) > 0);
}

/** The desired/max replicas annotations a ReplicaSet should carry; true when they differ. */
export function replicasAnnotationsNeedUpdate(rs: RS, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision (recording the old
 * one in revision-history when a ReplicaSet is reused, i.e. a rollback), and for a new ReplicaSet the
 * replicas annotations. Returns the annotations and whether they changed.
 */
export function newReplicaSetAnnotations(d: Dep, rs: { metadata: { annotations?: Record<string, string> } }, newRevision: number, exists: boolean): { annotations: Record<string, string>; changed: boolean } {
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION];
  const oldRevisionInt = oldRevision === undefined ? 0 : Number.parseInt(oldRevision, 10) || 0;
  if (oldRevisionInt < newRevision) {
    annotations[REVISION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined && exists) {
      const history = annotations[REVISION_HISTORY];
      annotations[REVISION_HISTORY] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  if (!exists) {
    const surge = maxSurge(d);
    annotations[DESIRED_REPLICAS] = String(replicasOf(d));
    annotations[MAX_REPLICAS] = String(replicasOf(d) + surge);
    changed = true;
  }
  return { annotations, changed };
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Dep, status: DeploymentStatusLike): boolean {
  const n = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === n &&
    (status.replicas ?? 0) === n &&
    (status.availableReplicas ?? 0) === n &&
    (status.observedGeneration ?? 0) >= d.metadata.generation
  );
}

export interface DeploymentStatusLike {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  collisionCount?: number;
  conditions?: DeploymentConditionLike[];
}

export interface DeploymentConditionLike {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than before. */
export function deploymentProgressing(old: DeploymentStatusLike, next: DeploymentStatusLike): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * getReplicaSetFraction/GetProportion: a ReplicaSet's share of a scaling of the Deployment, proportional to
 * its size against the max-replicas annotation (or the Deployment's current size).
 */
export function proportion(rsReplicas: number, annotatedMax: number | undefined, dReplicas: number, dSurge: number, dStatusReplicas: number, toAdd: number, added: number): number {
  if (rsReplicas === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (dReplicas === 0) fraction = -rsReplicas;
  else {
    const annotated = annotatedMax ?? dStatusReplicas;
    const size = annotated === 0 ? 0 : (rsReplicas * (dReplicas + dSurge)) / annotated;
    fraction = roundHalfAway(size) - rsReplicas;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** integer.RoundToInt32: round half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function annotationInt(rs: RS, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? undefined : n;
}

/** The Deployment's stored status, in the loose shape the helpers use. */
export function statusOf(d: Dep): DeploymentStatusLike {
  return (d.status ?? {}) as DeploymentStatusLike;
}
