// Whether a DsLike wants a pod on a node (pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod / predicates): nodeName, nodeSelector + required node affinity, then taints
// against the pod's tolerations including the automatic daemon ones.
import type { NodeSelector, NodeSelectorRequirement, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1.js';
import type { DsLike, NodeLike } from './shapes.js';
import { labelsMatch } from '../../api/selectors.js';
import { withDaemonTolerations } from './tolerations.js';

/** v1.Toleration.ToleratesTaint: empty effect/key match all, Exists ignores the value. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first taint of the given effects that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[],
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => toleratesTaint(t, taint)));
}

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

/**
 * Required node affinity (nodeaffinity.NodeSelector.Match): terms are ORed, requirements within a term
 * ANDed; a term with no requirements matches nothing; matchFields knows only `metadata.name`.
 */
export function nodeSelectorMatches(selector: NodeSelector, node: NodeLike): boolean {
  const labels = node.metadata?.labels ?? {};
  return selector.nodeSelectorTerms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return (
      exprs.every((r) => requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) &&
      fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name))
    );
  });
}

/** nodeSelector and required node affinity both hold (GetRequiredNodeAffinity(pod).Match). */
export function fitsNodeAffinity(spec: PodSpec, node: NodeLike): boolean {
  if (!labelsMatch(node.metadata?.labels, spec.nodeSelector)) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorMatches(required, node);
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
