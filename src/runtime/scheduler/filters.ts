// Scheduler filter plugins, as pkg/scheduler/framework/plugins: NodeUnschedulable, NodeAffinity
// (nodeSelector + required node affinity), TaintToleration, NodeResourcesFit.
import type { KubeObject, Stored } from '../api/types.js';
import type { Toleration, Taint, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1.js';
import { labelsMatch } from '../api/selectors.js';

export interface Requests {
  cpu: number; // millicores
  memory: number; // bytes
}

export interface NodeUsage {
  requested: Requests;
  /** Requests with upstream's non-zero defaults (100m, 200Mi) for scoring. */
  nonZero: Requests;
  pods: number;
}

export interface NodeCapacity {
  cpu: number;
  memory: number;
  pods: number;
}

/** A filter's verdict: undefined when the node fits, else the reason as the scheduler reports it. */
export type FilterResult = string | undefined;

/** v1helper.TolerationsTolerateTaint: does any toleration tolerate this taint? */
export function tolerates(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (!t.key && t.operator !== 'Exists') return false;
    if (t.operator === 'Exists') return true;
    return (t.value ?? '') === (taint.value ?? '');
  });
}

export function nodeUnschedulable(pod: KubeObject, node: Stored): FilterResult {
  if (!node.spec?.unschedulable) return undefined;
  const taint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  return tolerates(pod.spec?.tolerations, taint) ? undefined : 'node(s) were unschedulable';
}

export function taintToleration(pod: KubeObject, node: Stored): FilterResult {
  const taints = node.spec?.taints as Taint[] | undefined;
  if (!taints) return undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerates(pod.spec?.tolerations, taint)) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  return undefined;
}

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(values[0]!, 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
function termMatches(term: NodeSelectorTerm, node: Stored): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    exprs.every((r) => requirementMatches(r, labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name))
  );
}

export function nodeAffinity(pod: KubeObject, node: Stored): FilterResult {
  if (!pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity) return undefined;
  const miss = "node(s) didn't match Pod's node affinity/selector";
  if (!labelsMatch(node.metadata.labels, pod.spec?.nodeSelector)) return miss;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required && !(required.nodeSelectorTerms ?? []).some((t: NodeSelectorTerm) => termMatches(t, node))) return miss;
  return undefined;
}

/**
 * NodeAffinity PreFilter (plugins/nodeaffinity/node_affinity.go): when every required term has a
 * `metadata.name In [...]` field requirement, only the union of those names can match; else undefined.
 */
export function requiredNodeNames(pod: KubeObject): Set<string> | undefined {
  const terms: NodeSelectorTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    const byName = (term.matchFields ?? []).find((r) => r.key === 'metadata.name' && r.operator === 'In');
    if (!byName) return undefined;
    for (const n of byName.values ?? []) names.add(n);
  }
  return names;
}

/**
 * Every combination of NodeResourcesFit insufficiencies, made once: a pod that fits nowhere is checked
 * against every node, and the scheduler counts the reasons by list.
 */
const FIT_FAILURES: readonly (readonly string[])[] = Array.from({ length: 8 }, (_, m) =>
  Object.freeze([...(m & 1 ? ['Too many pods'] : []), ...(m & 2 ? ['Insufficient cpu'] : []), ...(m & 4 ? ['Insufficient memory'] : [])]),
);

/** NodeResourcesFit: returns every insufficiency ("Insufficient cpu", "Too many pods"); empty when it fits. */
export function resourcesFit(req: Requests, usage: NodeUsage, cap: NodeCapacity): readonly string[] {
  let m = 0;
  if (usage.pods + 1 > cap.pods) m |= 1;
  // A resource the pod does not request never keeps it off a node.
  if (req.cpu > 0 && usage.requested.cpu + req.cpu > cap.cpu) m |= 2;
  if (req.memory > 0 && usage.requested.memory + req.memory > cap.memory) m |= 4;
  return FIT_FAILURES[m]!;
}

/** Preferred node affinity weight sum (NodeAffinity Score). */
export function preferredAffinityScore(pod: KubeObject, node: Stored): number {
  if (!pod.spec?.affinity?.nodeAffinity) return 0;
  let score = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (p.preference && termMatches(p.preference, node)) score += p.weight ?? 0;
  }
  return score;
}
