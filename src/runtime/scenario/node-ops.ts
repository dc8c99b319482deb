// What an operator does to nodes and claims, as the scenario steps relabelNode, taintNode, untaintNode,
// cordon, uncordon, drain, failNode, recoverNode and deletePVC play it against a Cluster. Each acts
// through the API (store writes) like kubectl and kube-controller-manager would.
import type { Taint } from 'kubernetes-types/core/v1.js';
import type { KubeObject, Stored } from '../api/types.js';
import { controllerRef } from '../api/types.js';
import { ApiError } from '../store.js';
import type { Cluster } from '../cluster.js';
import { rfc3339 } from '../time.js';

export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** kube-controller-manager --node-monitor-grace-period (40 s up to Kubernetes 1.31). */
export const NODE_MONITOR_GRACE_MS = 40_000;
export const NODE_CONTROLLER = 'node-controller';
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

function node(c: Cluster, name: string): Stored {
  const n = c.store.get('Node', undefined, name);
  if (!n) throw new ApiError('NotFound', `nodes "${name}" not found`);
  return n;
}

function writeNode(c: Cluster, n: Stored, spec: KubeObject['spec'], labels = n.metadata.labels): void {
  c.store.update({ ...n, metadata: { ...n.metadata, labels }, spec });
}

function taintsOf(n: Stored): Taint[] {
  return [...((n.spec?.taints ?? []) as Taint[])];
}

/** `kubectl label node NAME k=v k2-`: a null value removes the label. */
export function relabelNode(c: Cluster, name: string, labels: Record<string, string | null>): void {
  const n = node(c, name);
  const next: Record<string, string> = { ...(n.metadata.labels ?? {}) };
  for (const [k, v] of Object.entries(labels)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  writeNode(c, n, n.spec, next);
}

/** `kubectl taint node NAME key=value:Effect --overwrite`: a taint with the same key and effect is replaced. */
export function taintNode(c: Cluster, name: string, taint: Taint): void {
  const n = node(c, name);
  const t: Taint = { key: taint.key, effect: taint.effect, ...(taint.value ? { value: taint.value } : {}) };
  if (t.effect === 'NoExecute') t.timeAdded = rfc3339(Math.floor(c.now() / 1000) * 1000);
  const taints = taintsOf(n).filter((x) => !(x.key === t.key && x.effect === t.effect));
  writeNode(c, n, { ...n.spec, taints: [...taints, t] });
}

/** `kubectl taint node NAME key[:Effect]-`: without an effect every taint with the key goes. */
export function untaintNode(c: Cluster, name: string, key: string, effect?: string): void {
  const n = node(c, name);
  const taints = taintsOf(n).filter((x) => !(x.key === key && (!effect || x.effect === effect)));
  const spec = { ...n.spec, taints };
  if (!taints.length) delete spec.taints;
  writeNode(c, n, spec);
}

/**
 * `kubectl cordon`: spec.unschedulable, plus the node.kubernetes.io/unschedulable:NoSchedule taint the
 * node lifecycle controller adds for it (TaintNodesByCondition) — DaemonSet pods tolerate that one.
 */
export function cordon(c: Cluster, name: string): void {
  const n = node(c, name);
  const taints = taintsOf(n).filter((x) => x.key !== TAINT_UNSCHEDULABLE);
  writeNode(c, n, { ...n.spec, unschedulable: true, taints: [...taints, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: rfc3339(Math.floor(c.now() / 1000) * 1000) }] });
}

export function uncordon(c: Cluster, name: string): void {
  const n = node(c, name);
  const spec = { ...n.spec };
  delete spec.unschedulable;
  const taints = taintsOf(n).filter((x) => x.key !== TAINT_UNSCHEDULABLE);
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  writeNode(c, n, spec);
}

/**
 * The DisruptionTarget condition the control plane adds before it deletes a pod (eviction API:
 * pkg/registry/core/pod/storage/eviction.go; taint manager: pkg/controller/tainteviction), which a Job's
 * podFailurePolicy can match (onPodConditions).
 */
export function markDisruption(c: Cluster, pod: Stored, reason: string, message: string): void {
  const at = rfc3339(Math.floor(c.now() / 1000) * 1000);
  const cond = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: at, reason, message };
  const conditions = [...((pod.status?.conditions ?? []) as { type: string }[]).filter((x) => x.type !== 'DisruptionTarget'), cond];
  c.store.updateStatus({ ...pod, status: { ...pod.status, conditions } });
}

/**
 * `kubectl drain NAME --ignore-daemonsets --delete-emptydir-data --force`: cordon, then evict (delete
 * gracefully) every pod on the node except DaemonSet pods, which would only come back. Returns the evicted.
 */
export function drain(c: Cluster, name: string): string[] {
  cordon(c, name);
  const evicted: string[] = [];
  for (const pod of c.store.podsOnNode(name)) {
    if (pod.metadata.deletionTimestamp || controllerRef(pod)?.kind === 'DaemonSet') continue;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    markDisruption(c, pod, 'EvictionByEvictionAPI', 'Eviction API: evicting');
    c.store.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    evicted.push(pod.metadata.name);
  }
  return evicted;
}

/** `kubectl delete pvc NAME`. */
export function deletePVC(c: Cluster, namespace: string | undefined, name: string): void {
  c.store.delete('PersistentVolumeClaim', namespace ?? 'default', name);
}
