// What a DaemonSet sync does: which nodes get a pod, which pods go, and the rolling update's choice
// (pkg/controller/daemon/daemon_controller.go manage/podsShouldBeOnNode/syncNodes, update.go rollingUpdate).
import type { PodLike } from '../statefulset/shapes.js';
import type { DsLike, NodeLike } from './shapes.js';
import { isPodAvailable, isPodReady } from '../statefulset/podstate.js';
import { daemonPodSpec, nodeVerdict, type NodeVerdict } from './predicates.js';

/** Label with the DaemonSet revision hash a pod was made from (apps.DefaultDaemonSetUniqueLabelKey). */
export const DAEMON_REVISION_LABEL = 'controller-revision-hash';
/** Creates and deletes per sync (daemon_controller.go BurstReplicas). */
export const BURST_REPLICAS = 250;

export interface DaemonPlanInput {
  ds: DsLike;
  nodes: readonly NodeLike[];
  /** Pods the DaemonSet controls, in any state. */
  pods: readonly PodLike[];
  /** Hash of the current revision. */
  hash: string;
  now: number;
}

export interface DaemonEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface DaemonPlan {
  /** Nodes to create a daemon pod on, in order. */
  createOn: string[];
  deletePods: PodLike[];
  events: DaemonEvent[];
}

/** Node a daemon pod is for: spec.nodeName, or before binding its matchFields metadata.name (GetTargetNodeName). */
export function targetNodeName(pod: PodLike): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

export function isPodUpdated(pod: PodLike, hash: string): boolean {
  return hash !== '' && pod.metadata?.labels?.[DAEMON_REVISION_LABEL] === hash;
}

function isTerminal(pod: PodLike): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** Scheduled first, then oldest, then by name (podByCreationTimestampAndPhase). */
export function byAge(a: PodLike, b: PodLike): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  return ta - tb || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/** Pods by target node; terminal pods already being deleted are left out (getNodesToDaemonPods). */
export function podsByNode(pods: readonly PodLike[]): Map<string, PodLike[]> {
  const out = new Map<string, PodLike[]>();
  for (const pod of pods) {
    if (isTerminal(pod) && pod.metadata?.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  return out;
}

/** intstr.GetScaledValueFromIntOrPercent with rounding up, as both DaemonSet limits use. */
export function scaledValue(v: number | string | undefined, total: number): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}

export function surgeCount(ds: DsLike, desired: number): number {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return 0;
  return scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxSurge, desired);
}

export function unavailableCount(ds: DsLike, desired: number): number {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return 0;
  return scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, desired);
}

function ns(pod: PodLike): string {
  return pod.metadata?.namespace ?? 'default';
}

/** podsShouldBeOnNode: whether `node` needs a pod, and which of its pods to delete. */
function podsShouldBeOnNode(
  node: NodeLike,
  verdict: NodeVerdict,
  daemonPods: readonly PodLike[] | undefined,
  input: DaemonPlanInput,
  plan: DaemonPlan,
): void {
  const name = node.metadata?.name ?? '';
  const exists = daemonPods !== undefined && daemonPods.length > 0;
  if (verdict.shouldRun && !exists) {
    plan.createOn.push(name);
    return;
  }
  if (!verdict.shouldContinueRunning) {
    for (const pod of daemonPods ?? []) if (!pod.metadata?.deletionTimestamp) plan.deletePods.push(pod);
    return;
  }
  const running: PodLike[] = [];
  for (const pod of daemonPods ?? []) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.status?.phase === 'Failed') {
      plan.events.push({
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: `Found failed daemon pod ${ns(pod)}/${pod.metadata?.name} on node ${name}, will try to kill it`,
      });
      plan.deletePods.push(pod);
    } else if (pod.status?.phase === 'Succeeded') {
      plan.events.push({
        type: 'Normal',
        reason: 'SucceededDaemonPod',
        message: `Found succeeded daemon pod ${ns(pod)}/${pod.metadata?.name} on node ${name}, will try to delete it`,
      });
      plan.deletePods.push(pod);
    } else running.push(pod);
  }
  running.sort(byAge);
  if (surgeCount(input.ds, 1) <= 0) {
    // Without surge, one pod per node: keep the oldest. A node left with none gets one next sync.
    plan.deletePods.push(...running.slice(1));
    return;
  }
  if (running.length <= 1) {
    if (running.length === 0 && verdict.shouldRun) plan.createOn.push(name);
    return;
  }
  surgePrune(running, input, plan);
}

/** With surge, keep the oldest new pod and the oldest old one until the new one is available. */
function surgePrune(running: PodLike[], input: DaemonPlanInput, plan: DaemonPlan): void {
  let oldestNew: PodLike | undefined;
  let oldestOld: PodLike | undefined;
  for (const pod of running) {
    if (isPodUpdated(pod, input.hash)) {
      if (!oldestNew) {
        oldestNew = pod;
        continue;
      }
    } else if (!oldestOld) {
      oldestOld = pod;
      continue;
    }
    plan.deletePods.push(pod);
  }
  if (oldestNew && oldestOld) {
    const minReady = input.ds.spec?.minReadySeconds ?? 0;
    if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, minReady, input.now)) plan.deletePods.push(oldestOld);
  }
}

/** manage: one pod on each node that should run one, none elsewhere; creates and deletes capped at the burst. */
export function planManage(input: DaemonPlanInput): DaemonPlan {
  const plan: DaemonPlan = { createOn: [], deletePods: [], events: [] };
  const byNode = podsByNode(input.pods);
  const spec = daemonPodSpec(input.ds);
  const nodeNames = new Set<string>();
  for (const node of input.nodes) {
    nodeNames.add(node.metadata?.name ?? '');
    podsShouldBeOnNode(node, nodeVerdict(node, spec), byNode.get(node.metadata?.name ?? ''), input, plan);
  }
  // Unscheduled pods aimed at nodes that no longer exist: nothing else will ever clean them up.
  for (const [node, pods] of byNode) {
    if (nodeNames.has(node)) continue;
    for (const pod of pods) if (!pod.spec?.nodeName && !pod.metadata?.deletionTimestamp) plan.deletePods.push(pod);
  }
  plan.createOn = plan.createOn.slice(0, BURST_REPLICAS);
  plan.deletePods = plan.deletePods.slice(0, BURST_REPLICAS);
  return plan;
}

/** At most one old and one new live pod on a node, else undefined (findUpdatedPodsOnNode). */
function updatedPodsOnNode(pods: readonly PodLike[], hash: string): { newPod?: PodLike; oldPod?: PodLike } | undefined {
  let newPod: PodLike | undefined;
  let oldPod: PodLike | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/** Desired count and the surge/unavailable limits (updatedDesiredNodeCounts). */
export function updateLimits(input: DaemonPlanInput): { desired: number; maxSurge: number; maxUnavailable: number } {
  const spec = daemonPodSpec(input.ds);
  const desired = input.nodes.filter((n) => nodeVerdict(n, spec).shouldRun).length;
  const maxSurge = surgeCount(input.ds, desired);
  let maxUnavailable = unavailableCount(input.ds, desired);
  // An impossible 0/0 configuration falls back to accepting one unavailable pod.
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { desired, maxSurge, maxUnavailable };
}

/** The wanted nodes (each with its pods, possibly none), in node order: the rolling update's view. */
function wantedNodes(input: DaemonPlanInput): { name: string; shouldRun: boolean; pods: PodLike[] }[] {
  const byNode = podsByNode(input.pods);
  const spec = daemonPodSpec(input.ds);
  const out: { name: string; shouldRun: boolean; pods: PodLike[] }[] = [];
  for (const node of input.nodes) {
    const name = node.metadata?.name ?? '';
    const shouldRun = nodeVerdict(node, spec).shouldRun;
    if (shouldRun || byNode.has(name)) out.push({ name, shouldRun, pods: byNode.get(name) ?? [] });
  }
  return out;
}

/** rollingUpdate: old pods to delete (no surge) or nodes to surge a new pod onto (maxSurge > 0). */
export function planRollingUpdate(input: DaemonPlanInput): DaemonPlan {
  const { maxSurge, maxUnavailable, desired } = updateLimits(input);
  const minReady = input.ds.spec?.minReadySeconds ?? 0;
  const available = (p: PodLike) => isPodAvailable(p, minReady, input.now);
  const plan: DaemonPlan = { createOn: [], deletePods: [], events: [] };
  const nodes = wantedNodes(input);
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: PodLike[] = [];
    const candidates: PodLike[] = [];
    for (const node of nodes) {
      const found = updatedPodsOnNode(node.pods, input.hash);
      if (!found) {
        numUnavailable++; // excess pods: manage prunes them first
        continue;
      }
      const { newPod, oldPod } = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod && !available(oldPod)) {
        replacements.push(oldPod); // an unavailable old pod may always be replaced
        numUnavailable++;
      } else if (oldPod && numUnavailable < maxUnavailable) candidates.push(oldPod);
    }
    const room = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    plan.deletePods = [...replacements, ...candidates.slice(0, room)];
    return plan;
  }
  surgeUpdate(nodes, input, { maxSurge, desired, available }, plan);
  return plan;
}

function surgeUpdate(
  nodes: { name: string; shouldRun: boolean; pods: PodLike[] }[],
  input: DaemonPlanInput,
  lim: { maxSurge: number; desired: number; available: (p: PodLike) => boolean },
  plan: DaemonPlan,
): void {
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  const shouldNotRun: PodLike[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const node of nodes) {
    const found = updatedPodsOnNode(node.pods, input.hash);
    if (!found) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (oldPod ? lim.available(oldPod) : newPod ? lim.available(newPod) : false) numAvailable++;
    if (!oldPod) continue; // manage creates a pod where there is none
    if (!newPod) {
      if (!lim.available(oldPod)) {
        if (!node.shouldRun) plan.deletePods.push(oldPod);
        else allowedNew.push(node.name); // unavailable old pod: replace at once, surge limit or not
      } else if (!node.shouldRun) shouldNotRun.push(oldPod);
      else if (numSurge < lim.maxSurge) candidateNew.push(node.name);
      continue;
    }
    if (!lim.available(newPod)) numSurge++;
    else plan.deletePods.push(oldPod); // the new pod is available: the old one goes
  }
  // Pods on nodes that no longer qualify go only once enough others are available (100% availability).
  const deletable = Math.min(Math.max(0, numAvailable - lim.desired), shouldNotRun.length);
  plan.deletePods.push(...shouldNotRun.slice(0, deletable));
  const room = Math.min(Math.max(0, lim.maxSurge - numSurge), candidateNew.length);
  plan.createOn = [...allowedNew, ...candidateNew.slice(0, room)];
}
