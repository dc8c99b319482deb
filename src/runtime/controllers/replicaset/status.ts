// ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go calculateStatus). Zero counts are
// omitted, as the API's omitempty JSON does.
import type { KubeObject, Stored } from '../../api/types.js';
import { labelsMatch } from '../../api/selectors.js';
import type { Labels } from '../../api/selectors.js';
import { isPodReady, isPodAvailable, availableAt, lastResult } from '../podutil.js';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration: number;
  conditions?: unknown[];
}

/** How many of a ReplicaSet's active pods are fully labeled, ready, available. */
export interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

export function calculateStatus(rs: Stored, activePods: Stored[], now: number): ReplicaSetStatus {
  return statusFromCounts(rs, countReplicas(rs, activePods, now));
}

function countReplicas(rs: Stored, activePods: Stored[], now: number): ReplicaCounts {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const fullyLabeled = lastResult((labels: Labels) => labelsMatch(labels, templateLabels));
  // Ready and available depend only on the Ready condition: decided once per (interned) condition list.
  const readiness = lastResult((conditions: unknown) => {
    const p = { metadata: {}, status: { conditions } } as KubeObject;
    return isPodReady(p) ? (isPodAvailable(p, minReady, now) ? 2 : 1) : 0;
  });
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const p of activePods) {
    if (fullyLabeled(p.metadata.labels)) fully++;
    const r = readiness(p.status?.conditions);
    if (r > 0) ready++;
    if (r > 1) available++;
  }
  return { replicas: activePods.length, fullyLabeled: fully, ready, available };
}

export function statusFromCounts(rs: Stored, counts: ReplicaCounts): ReplicaSetStatus {
  const status: ReplicaSetStatus = { replicas: counts.replicas, observedGeneration: rs.metadata.generation };
  if (counts.fullyLabeled) status.fullyLabeledReplicas = counts.fullyLabeled;
  if (counts.ready) status.readyReplicas = counts.ready;
  if (counts.available) status.availableReplicas = counts.available;
  if (rs.status?.conditions?.length) status.conditions = rs.status.conditions;
  return status;
}

/** The next instant a ready pod becomes available (minReadySeconds), if one is waiting. */
export function nextAvailableAt(rs: Stored, activePods: Stored[], now: number): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (!minReady) return undefined;
  let next: number | undefined;
  for (const p of activePods) {
    const at = availableAt(p, minReady);
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}
