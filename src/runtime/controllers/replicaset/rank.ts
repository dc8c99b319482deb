// Which pods a ReplicaSet deletes first when it has too many: controller.ActivePodsWithRanks
// (pkg/controller/controller_utils.go) with the LogarithmicScaleDown ordering, and
// getPodsRankedByRelatedPodsOnSameNode (pkg/controller/replicaset/replica_set.go).
import type { Stored } from '../../api/types.js';
import { isPodReady, isPodActive, podCondition, restartCount } from '../podutil.js';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** Timestamps compared on a log2 scale of their age in ns, so pods of similar age tie (then by uid). */
export function logRank(time: string | undefined, now: number): number {
  return time ? logRankMs(parseTimeCached(time), now) : 0;
}

function logRankMs(ms: number, now: number): number {
  const ageNs = (now - ms) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : 0;
}

/** Thousands of pods share a handful of timestamps. */
const parsedTimes = new Map<string, number>();
function parseTimeCached(t: string): number {
  let ms = parsedTimes.get(t);
  if (ms === undefined) {
    if (parsedTimes.size > 10_000) parsedTimes.clear();
    parsedTimes.set(t, (ms = Date.parse(t)));
  }
  return ms;
}

function deletionCost(pod: Stored): number {
  const v = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** The sort key of a pod: each field compared in order, lower deleted first. */
export interface DeletionKey {
  pod: Stored;
  unassigned: number; // 0 when not on a node (deleted first)
  phase: number;
  ready: number;
  cost: number;
  doubledUp: number; // minus the number of related pods on its node
  readyAge: number; // log-scaled age of readiness (newer first); 0 when not ready
  restarts: number; // minus restarts
  age: number; // log-scaled age (newer first)
  uid: string;
}

export function deletionKey(pod: Stored, rank: number, now: number): DeletionKey {
  const ready = isPodReady(pod);
  return {
    pod,
    unassigned: pod.spec?.nodeName ? 1 : 0,
    phase: PHASE_ORDINAL[pod.status?.phase ?? 'Pending'] ?? 0,
    ready: ready ? 1 : 0,
    cost: deletionCost(pod),
    doubledUp: -rank,
    readyAge: ready ? logRank(podCondition(pod, 'Ready')?.lastTransitionTime, now) : 0,
    restarts: -restartCount(pod),
    age: logRank(pod.metadata.creationTimestamp, now),
    uid: pod.metadata.uid,
  };
}

/** Negative when `a` should be deleted before `b` (ActivePodsWithRanks.Less). */
export function compareKeys(a: DeletionKey, b: DeletionKey): number {
  return (
    a.unassigned - b.unassigned ||
    a.phase - b.phase ||
    a.ready - b.ready ||
    a.cost - b.cost ||
    a.doubledUp - b.doubledUp ||
    a.readyAge - b.readyAge ||
    a.restarts - b.restarts ||
    a.age - b.age ||
    (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
  );
}

/**
 * The `count` pods to delete from `pods`: ranked, each pod's rank being how many active `related` pods
 * share its node (doubled-up pods go first).
 */
export function podsToDelete(pods: Stored[], related: Stored[], count: number, now: number): Stored[] {
  if (count >= pods.length) return pods;
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  }
  const keys = pods.map((p) => deletionKey(p, onNode.get(p.spec?.nodeName ?? '') ?? 0, now));
  keys.sort(compareKeys);
  return keys.slice(0, count).map((k) => k.pod);
}
