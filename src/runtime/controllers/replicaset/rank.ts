// Which pods a ReplicaSet deletes first when it has too many: controller.ActivePodsWithRanks
// (pkg/controller/controller_utils.go) with the LogarithmicScaleDown ordering, and
// getPodsRankedByRelatedPodsOnSameNode (pkg/controller/replicaset/replica_set.go).
import type { Stored } from '../../api/types.js';
import { isPodReady, isPodActive, podCondition, restartCount } from '../podutil.js';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** Timestamps compared on a log2 scale of their age in ns, so pods of similar age tie (then by uid). */
function logRank(time: string | undefined, now: number): number {
  if (!time) return 0;
  const ageNs = (now - Date.parse(time)) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : 0;
}

function deletionCost(pod: Stored): number {
  const v = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** Negative when `a` should be deleted before `b`. */
export function compareForDeletion(a: Stored, b: Stored, rankA: number, rankB: number, now: number): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !na ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status?.phase ?? 'Pending'] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (rankA !== rankB) return rankB - rankA;
  if (ra && rb) {
    const ta = logRank(podCondition(a, 'Ready')?.lastTransitionTime, now);
    const tb = logRank(podCondition(b, 'Ready')?.lastTransitionTime, now);
    if (ta !== tb) return ta - tb;
  }
  const rca = restartCount(a);
  const rcb = restartCount(b);
  if (rca !== rcb) return rcb - rca;
  const ga = logRank(a.metadata.creationTimestamp, now);
  const gb = logRank(b.metadata.creationTimestamp, now);
  if (ga !== gb) return ga - gb;
  return a.metadata.uid < b.metadata.uid ? -1 : a.metadata.uid > b.metadata.uid ? 1 : 0;
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
  const ranked = pods.map((p) => ({ p, rank: onNode.get(p.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => compareForDeletion(x.p, y.p, x.rank, y.rank, now));
  return ranked.slice(0, count).map((x) => x.p);
}
