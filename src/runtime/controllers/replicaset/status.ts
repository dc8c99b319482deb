// ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go calculateStatus). Zero counts are
// omitted, as the API's omitempty JSON does.
import type { Stored } from '../../api/types.js';
import { labelsMatch } from '../../api/selectors.js';
import { isPodReady, isPodAvailable, availableAt } from '../podutil.js';

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration: number;
  conditions?: unknown[];
}

export function calculateStatus(rs: Stored, activePods: Stored[], now: number): ReplicaSetStatus {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const p of activePods) {
    if (labelsMatch(p.metadata.labels, templateLabels)) fully++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: activePods.length, observedGeneration: rs.metadata.generation };
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
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
