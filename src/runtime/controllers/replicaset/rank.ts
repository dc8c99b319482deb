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
  return keyMaker(now)(pod, rank);
}

/** `fn` remembering every argument's result: for a pure function of an immutable argument. */
function memo<A, R>(fn: (a: A) => R): (a: A) => R {
  const results = new Map<A, R>();
  return (a: A): R => {
    let r = results.get(a);
    if (r === undefined) results.set(a, (r = fn(a)));
    return r;
  };
}

/**
 * Makes deletion keys at `now`. Readiness and ages are decided once per condition list (the kubelet's
 * are interned, shared by the pods that became ready in the same second) and per creation timestamp
 * (pods made in the same second), however the pods are interleaved.
 */
function keyMaker(now: number): (pod: Stored, rank: number) => DeletionKey {
  const readiness = memo((conditions: unknown): { ready: number; readyAge: number } => {
    const p = { metadata: {}, status: { conditions } } as unknown as Stored;
    const ready = isPodReady(p);
    return { ready: ready ? 1 : 0, readyAge: ready ? logRank(podCondition(p, 'Ready')?.lastTransitionTime, now) : 0 };
  });
  const ageOf = memo((created: string | undefined) => logRank(created, now));
  return (pod, rank) => {
    const { ready, readyAge } = readiness(pod.status?.conditions);
    return {
      pod,
      unassigned: pod.spec?.nodeName ? 1 : 0,
      phase: PHASE_ORDINAL[pod.status?.phase ?? 'Pending'] ?? 0,
      ready,
      cost: deletionCost(pod),
      doubledUp: -rank,
      readyAge,
      restarts: -restartCount(pod),
      age: ageOf(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid,
    };
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

/** Counts `pods` that are active, by node (the rank of a pod is the count on its node). */
export function countActiveByNode(pods: Iterable<Stored>, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const p of pods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/**
 * The `count` pods to delete from `pods`: ranked, each pod's rank being how many active related pods
 * share its node (`relatedOnNode`; doubled-up pods go first).
 */
export function podsToDelete(pods: Stored[], relatedOnNode: ReadonlyMap<string, number>, count: number, now: number): Stored[] {
  if (count >= pods.length) return pods;
  const key = keyMaker(now);
  const keys = pods.map((p) => key(p, relatedOnNode.get(p.spec?.nodeName ?? '') ?? 0));
  return smallest(keys, count, compareKeys).map((k) => k.pod);
}

/**
 * The `k` smallest of `items` in order: the same as sorting and taking the first `k` when `cmp` is a total
 * order (compareKeys is: uids are unique), in O(n + k log k) by quickselect rather than O(n log n).
 * Reorders `items`.
 */
export function smallest<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k >= items.length) return items.sort(cmp);
  const swap = (i: number, j: number): void => {
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  };
  let lo = 0;
  let hi = items.length - 1;
  const target = k - 1;
  // Introselect: a partition sequence far longer than log n means unlucky pivots; sorting bounds it.
  let budget = 2 * Math.ceil(Math.log2(items.length)) + 8;
  while (hi > lo) {
    if (budget-- === 0) return items.sort(cmp).slice(0, k);
    const mid = lo + ((hi - lo) >> 1);
    if (cmp(items[mid]!, items[lo]!) < 0) swap(lo, mid);
    if (cmp(items[hi]!, items[lo]!) < 0) swap(lo, hi);
    if (cmp(items[hi]!, items[mid]!) < 0) swap(mid, hi);
    const pivot = items[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(items[i]!, pivot) < 0) i++;
      while (cmp(items[j]!, pivot) > 0) j--;
      if (i <= j) swap(i++, j--);
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return items.slice(0, k).sort(cmp);
}
