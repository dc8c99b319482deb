// DaemonSet status from nodes and pods (daemon_controller.go updateDaemonSetStatus / storeDaemonSetStatus).
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1.js';
import type { PodLike } from '../statefulset/shapes.js';
import type { DsLike, NodeLike } from './shapes.js';
import { isPodAvailable, isPodReady, availableAt } from '../statefulset/podstate.js';
import { byAge, isPodUpdated, podsByNode } from './plan.js';
import { daemonPodSpec, nodeVerdict } from './predicates.js';

export interface DaemonStatusResult {
  status: DaemonSetStatus;
  /** Sync again when a Ready pod becomes available (minReadySeconds). */
  requeueAfterMs?: number;
}

export function computeDaemonStatus(ds: DsLike, nodes: readonly NodeLike[], pods: readonly PodLike[], hash: string, now: number): DaemonStatusResult {
  const byNode = podsByNode(pods);
  const spec = daemonPodSpec(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  let nextAvailable = Infinity;
  for (const node of nodes) {
    const onNode = byNode.get(node.metadata?.name ?? '') ?? [];
    const scheduled = onNode.length > 0;
    if (!nodeVerdict(node, spec).shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...onNode].sort(byAge)[0]!; // the oldest stands for the node
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else nextAvailable = Math.min(nextAvailable, availableAt(pod, minReady) ?? Infinity);
    }
    if (isPodUpdated(pod, hash)) updated++;
  }
  const status: DaemonSetStatus = {
    ...(ds.status ?? {}),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata?.generation ?? 0,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  const result: DaemonStatusResult = { status };
  if (nextAvailable !== Infinity && nextAvailable > now) result.requeueAfterMs = nextAvailable - now;
  return result;
}

const COMPARED = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
  'collisionCount',
] as const;

export function daemonStatusChanged(old: DaemonSetStatus | undefined, next: DaemonSetStatus): boolean {
  if ((old?.observedGeneration ?? -1) < (next.observedGeneration ?? 0)) return true;
  return COMPARED.some((k) => (old?.[k] ?? 0) !== (next[k] ?? 0));
}
