// A node whose kubelet stops reporting, as the node lifecycle controller and the taint-eviction controller
// handle it (pkg/controller/nodelifecycle, pkg/controller/tainteviction):
//   after --node-monitor-grace-period the node's Ready condition becomes Unknown, it gets the
//   node.kubernetes.io/unreachable NoSchedule and NoExecute taints and its pods are marked not Ready;
//   each pod is then evicted when its toleration of the NoExecute taint runs out — 300 s for ordinary
//   pods (the DefaultTolerationSeconds admission plugin), never for DaemonSet pods (no tolerationSeconds).
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import type { Stored } from '../api/types.js';
import { refOf } from '../api/types.js';
import type { Cluster } from '../cluster.js';
import { tolerates } from '../scheduler/filters.js';
import { rfc3339 } from '../time.js';
import { markDisruption, NODE_CONTROLLER, NODE_MONITOR_GRACE_MS, TAINT_EVICTION_CONTROLLER, TAINT_UNREACHABLE } from './node-ops.js';

/** Per cluster, per node: bumped by every fail/recover so stale timers know to do nothing. */
const epochs = new WeakMap<Cluster, Map<string, number>>();

function bump(c: Cluster, name: string): number {
  let m = epochs.get(c);
  if (!m) epochs.set(c, (m = new Map()));
  const e = (m.get(name) ?? 0) + 1;
  m.set(name, e);
  return e;
}

function current(c: Cluster, name: string, epoch: number): boolean {
  return epochs.get(c)?.get(name) === epoch;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
}

function stamp(c: Cluster): string {
  return rfc3339(Math.floor(c.now() / 1000) * 1000);
}

function setCondition(conditions: readonly Condition[] | undefined, next: Condition): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((x) => x.type === next.type);
  if (i < 0) return [...list, next];
  list[i] = { ...list[i], ...next, lastTransitionTime: list[i]!.status === next.status ? list[i]!.lastTransitionTime : next.lastTransitionTime };
  return list;
}

/**
 * How long a pod stays on a node with this taint (taint-eviction): 0 with no matching toleration,
 * undefined (forever) when a matching toleration has no tolerationSeconds, else the smallest one.
 */
export function evictionDelayMs(tolerations: readonly Toleration[] | undefined, taint: Taint): number | undefined {
  const matching = (tolerations ?? []).filter((t) => tolerates([t], taint));
  if (!matching.length) return 0;
  if (matching.some((t) => t.tolerationSeconds === undefined || t.tolerationSeconds === null)) return undefined;
  return Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds!))) * 1000;
}

/** The node's kubelet stops; after the grace period the control plane notices (see the file comment). */
export function failNode(c: Cluster, name: string, graceMs = NODE_MONITOR_GRACE_MS): void {
  if (!c.store.get('Node', undefined, name)) throw new Error(`nodes "${name}" not found`);
  const epoch = bump(c, name);
  c.kubelet.setNodeReachable(name, false);
  c.loop.after(graceMs, `node-controller monitor ${name}`, () => {
    if (current(c, name, epoch)) markUnreachable(c, name, epoch);
  });
}

function markUnreachable(c: Cluster, name: string, epoch: number): void {
  const n = c.store.get('Node', undefined, name);
  if (!n) return;
  const now = stamp(c);
  const ready: Condition = { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now };
  c.store.updateStatus({ ...n, status: { ...n.status, conditions: setCondition(n.status?.conditions, ready) } });
  const noExecute: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: now };
  const taints = [...((n.spec?.taints ?? []) as Taint[]).filter((t) => t.key !== TAINT_UNREACHABLE), { key: TAINT_UNREACHABLE, effect: 'NoSchedule', timeAdded: now }, noExecute];
  const latest = c.store.get('Node', undefined, name)!;
  c.store.update({ ...latest, spec: { ...latest.spec, taints } });
  c.recorder.record(NODE_CONTROLLER, refOf(n), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  for (const pod of c.store.podsOnNode(name)) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    markPodNotReady(c, pod, now);
    scheduleEviction(c, name, epoch, pod, noExecute);
  }
}

/** MarkPodsNotReady: the pod's Ready condition turns False, with a NodeNotReady warning. */
function markPodNotReady(c: Cluster, pod: Stored, now: string): void {
  const conditions = setCondition(pod.status?.conditions, { type: 'Ready', status: 'False', lastTransitionTime: now });
  c.store.updateStatus({ ...pod, status: { ...pod.status, conditions } });
  c.recorder.record(NODE_CONTROLLER, refOf(pod), 'Warning', 'NodeNotReady', 'Node is not ready');
}

function scheduleEviction(c: Cluster, nodeName: string, epoch: number, pod: Stored, taint: Taint): void {
  const delay = evictionDelayMs(pod.spec?.tolerations, taint);
  if (delay === undefined) return; // tolerated forever: DaemonSet pods stay
  const uid = pod.metadata.uid;
  c.loop.after(delay, `taint-eviction ${pod.metadata.namespace}/${pod.metadata.name}`, () => {
    const p = c.store.getByUid(uid);
    if (!current(c, nodeName, epoch) || !p || p.metadata.deletionTimestamp) return;
    c.recorder.record(TAINT_EVICTION_CONTROLLER, refOf(p), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`);
    markDisruption(c, p, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
    c.store.delete('Pod', p.metadata.namespace, p.metadata.name);
  });
}

/** The kubelet reports again: Ready, the unreachable taints removed, pending evictions cancelled. */
export function recoverNode(c: Cluster, name: string): void {
  const n = c.store.get('Node', undefined, name);
  if (!n) throw new Error(`nodes "${name}" not found`);
  bump(c, name);
  // The kubelet reconnects first: deletions it could not finish now complete.
  c.kubelet.setNodeReachable(name, true);
  const now = stamp(c);
  const ready: Condition = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: now, lastHeartbeatTime: now };
  c.store.updateStatus({ ...n, status: { ...n.status, conditions: setCondition(n.status?.conditions, ready) } });
  const latest = c.store.get('Node', undefined, name)!;
  const taints = ((latest.spec?.taints ?? []) as Taint[]).filter((t) => t.key !== TAINT_UNREACHABLE);
  const spec = { ...latest.spec, taints };
  if (!taints.length) delete spec.taints;
  c.store.update({ ...latest, spec });
  c.recorder.record(NODE_CONTROLLER, refOf(n), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`);
  for (const pod of c.store.podsOnNode(name)) {
    // The kubelet reports its pods again: Ready follows the containers.
    const containersReady = (pod.status?.conditions as Condition[] | undefined)?.find((x) => x.type === 'ContainersReady')?.status;
    if (pod.status?.phase !== 'Running' || !containersReady) continue;
    const conditions = setCondition(pod.status?.conditions, { type: 'Ready', status: containersReady, lastTransitionTime: now });
    c.store.updateStatus({ ...pod, status: { ...pod.status, conditions } });
  }
}
