// Whether a DaemonSet wants a pod on a node (pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod / predicates): nodeName, nodeSelector + required node affinity, then taints
// against the pod's tolerations including the automatic daemon ones.
import type { PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { nodeAffinity, tolerates } from '../../scheduler/filters.js';
import type { DsLike, NodeLike } from './shapes.js';
import { withDaemonTolerations } from './tolerations.js';

/** The first taint of the given effects that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[],
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !tolerates(tolerations, taint));
}

/** nodeSelector and required node affinity both hold: the scheduler's NodeAffinity filter, reused. */
export function fitsNodeAffinity(spec: PodSpec, node: NodeLike): boolean {
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec };
  return nodeAffinity(pod, node as Stored) === undefined;
}

export interface NodeVerdict {
  /** A daemon pod should be created here if there is none. */
  shouldRun: boolean;
  /** An existing daemon pod may stay (only NoExecute taints it does not tolerate evict it). */
  shouldContinueRunning: boolean;
}

/** The pod spec a DaemonSet's pods are judged with: its template plus the automatic tolerations (NewPod). */
export function daemonPodSpec(ds: DsLike): PodSpec {
  return withDaemonTolerations(ds.spec?.template?.spec ?? { containers: [] });
}

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: NodeLike, ds: DsLike): NodeVerdict {
  return nodeVerdict(node, daemonPodSpec(ds));
}

/** NodeShouldRunDaemonPod with the daemon pod spec computed once (see daemonPodSpec). */
export function nodeVerdict(node: NodeLike, spec: PodSpec): NodeVerdict {
  const name = node.metadata?.name;
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!fitsNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints;
  if (untoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !untoleratedTaint(taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
