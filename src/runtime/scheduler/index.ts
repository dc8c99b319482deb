// The default scheduler: binds pending pods one at a time (FIFO), filtering nodes then scoring the fits.
// Like kube-scheduler it keeps a cache of what each node has been given, so a decision is O(nodes).
import type { Stored } from '../api/types.js';
import { keyOf, refOf } from '../api/types.js';
import type { Store, WatchChange } from '../store.js';
import type { Loop } from '../loop.js';
import type { EventRecorder } from '../events.js';
import { rfc3339 } from '../time.js';
import { nodeAffinity, nodeUnschedulable, taintToleration, resourcesFit, preferredAffinityScore, requiredNodeNames } from './filters.js';
import type { NodeUsage, Requests, NodeCapacity } from './filters.js';
import { podRequests, nodeCapacity } from './resources.js';
import { withField } from '../api/copy.js';
import { NodeRanking, leastAllocated, preferred } from './ranking.js';
import type { NodeEntry } from './ranking.js';

export const SCHEDULER_NAME = 'default-scheduler';

/** podInitialBackoffDuration 1 s, doubled per failed attempt, podMaxBackoffDuration 10 s. */
export function schedulingBackoff(attempts: number): number {
  return Math.min(10_000, 1000 * 2 ** Math.max(0, Math.min(attempts - 1, 10)));
}

/** No nodeSelector and no node affinity: the pod's node filters are the ones every pod has. */
function anyNodeMay(pod: Stored): boolean {
  return !pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity;
}

function isTerminal(pod: Stored): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The FailedScheduling message: how many nodes failed for each reason. */
function unschedulableMessage(nodeCount: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
  return (
    `0/${nodeCount} nodes are available` +
    (parts.length ? `: ${parts.join(', ')}.` : '.') +
    ` preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`
  );
}

export class Scheduler {
  private readonly usage = new Map<string, NodeUsage>();
  private readonly queued = new Set<string>();
  /** Pods that fit nowhere, retried when the cluster changes (nodes added/changed, pods gone). */
  private readonly unschedulable = new Map<string, string>();
  /** Failed attempts per pod key, for the back-off before its next attempt. */
  private readonly attempts = new Map<string, { count: number; last: number }>();
  private retryQueued = false;
  /** Nodes in store order, refreshed when a node changes. */
  private nodes: NodeEntry[] | undefined;
  /** Every node is open (neither cordoned nor tainted), refreshed with `nodes`. */
  private allOpen = false;
  /** The nodes in preference order for the pods last bound without node constraints. */
  private ranking: NodeRanking | undefined;
  /** The same entries by node name, for pods whose required affinity names their nodes. */
  private nodesByName: Map<string, NodeEntry> | undefined;
  /** Bumped whenever what a node has been given, or the set of nodes, changes. */
  private clusterVersion = 0;
  /**
   * The last "fits nowhere" verdict of a pod without node affinity or selector. It depends only on the
   * pod's requests and tolerations (shared by the pods of a template) and on the nodes and their usage,
   * so it holds for the next such pods until the cluster changes: a burst of pods beyond capacity is
   * refused once, not once per node per pod.
   */
  private noFit: { version: number; req: Requests; tolerations: unknown; message: string } | undefined;

  constructor(
    private readonly store: Store,
    private readonly loop: Loop,
    private readonly recorder: EventRecorder,
  ) {
    store.watch((c) => this.onChange(c));
  }

  private onChange(c: WatchChange): void {
    const o = c.object;
    if (o.kind === 'Node') {
      this.nodes = undefined;
      this.nodesByName = undefined;
      this.ranking = undefined;
      this.clusterVersion++;
      if (c.type !== 'DELETED') this.retryUnschedulable();
      else this.usage.delete(o.metadata.name);
      return;
    }
    if (o.kind !== 'Pod') return;
    // Most pod writes are status updates of bound pods that neither end nor move them: nothing to do.
    if (c.type === 'MODIFIED' && c.old && c.old.spec === o.spec && o.spec?.nodeName && isTerminal(o) === isTerminal(c.old)) return;
    this.trackAssignment(c);
    if (c.type === 'DELETED') {
      const key = keyOf(o);
      this.unschedulable.delete(key);
      this.attempts.delete(key);
      if (c.old?.spec?.nodeName) this.retryUnschedulable();
      return;
    }
    if (this.needsScheduling(o)) {
      if (c.type === 'ADDED') this.enqueue(keyOf(o), o.metadata.uid);
    } else if (isTerminal(o) && c.old && !isTerminal(c.old) && o.spec?.nodeName) {
      this.retryUnschedulable();
    }
  }

  private needsScheduling(pod: Stored): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
  }

  /**
   * Keeps the node usage cache in step with bound, non-terminal pods: the version a change replaces
   * gives its requests back to its node, the new version takes its own. Usage is a sum, so this holds
   * whatever order changes arrive in.
   */
  private trackAssignment(c: WatchChange): void {
    const before = c.type === 'ADDED' ? undefined : (c.old ?? c.object);
    const after = c.type === 'DELETED' ? undefined : c.object;
    const was = before && !isTerminal(before) ? before.spec?.nodeName : undefined;
    const is = after && !isTerminal(after) ? after.spec?.nodeName : undefined;
    if (!was && !is) return;
    if (was === is && podRequests(before!) === podRequests(after!)) return;
    this.clusterVersion++;
    if (was) this.account(was, before!, -1);
    if (is) this.account(is, after!, 1);
  }

  private account(node: string, pod: Stored, by: 1 | -1): void {
    // A node's entry goes with the node; pods still bound to it are gone soon after (pod GC).
    const u = by < 0 ? this.usage.get(node) : this.usageOf(node);
    if (!u) return;
    this.ranking?.touched(node);
    const requests = podRequests(pod);
    const nonZero = podRequests(pod, true);
    u.pods += by;
    u.requested.cpu += by * requests.cpu;
    u.requested.memory += by * requests.memory;
    u.nonZero.cpu += by * nonZero.cpu;
    u.nonZero.memory += by * nonZero.memory;
  }

  private usageOf(node: string): NodeUsage {
    let u = this.usage.get(node);
    if (!u) this.usage.set(node, (u = { requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 }, pods: 0 }));
    return u;
  }

  /** Queues the pod `key` (whose uid, when it is still the same pod, finds it in one lookup). */
  private enqueue(key: string, uid: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.loop.at(this.loop.now(), `schedule ${key}`, () => {
      this.queued.delete(key);
      this.scheduleOne(key, uid);
    });
  }

  /**
   * A cluster change may make unschedulable pods fit: move them back to the queue, each once its
   * back-off has passed (1 s doubling to 10 s per failed attempt, as the scheduling queue's backoffQ).
   */
  private retryUnschedulable(): void {
    if (this.retryQueued || this.unschedulable.size === 0) return;
    this.retryQueued = true;
    this.loop.at(this.loop.now(), 'scheduler retry unschedulable', () => {
      this.retryQueued = false;
      const now = this.loop.now();
      for (const [key, uid] of [...this.unschedulable]) {
        this.unschedulable.delete(key);
        const a = this.attempts.get(key);
        const due = a ? a.last + schedulingBackoff(a.count) : now;
        if (due <= now) this.enqueue(key, uid);
        else this.loop.at(due, `schedule ${key} after back-off`, () => this.enqueue(key, uid));
      }
    });
  }

  private scheduleOne(key: string, uid: string): void {
    // A pod deleted and made again under its name (a StatefulSet's) is scheduled by the name.
    const pod = this.store.getByUid(uid) ?? this.store.get('Pod', ...(key.split('/') as [string, string]));
    if (!pod || !this.needsScheduling(pod)) return;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name;
    const nodes = this.nodes ?? this.listNodes();
    // NodeAffinity PreFilter: a required affinity naming its nodes (a DaemonSet pod) restricts the search to
    // them. Every other node would fail the affinity filter, so the choice is the same; when none of the
    // named nodes fits, the full pass below runs to report every node's reason, as before.
    const named = requiredNodeNames(pod);
    if (named) {
      const byName = (this.nodesByName ??= new Map(nodes.map((e) => [e.node.metadata.name, e])));
      const candidates: NodeEntry[] = [];
      for (const n of named) {
        const e = byName.get(n);
        if (e) candidates.push(e);
      }
      const best = this.pick(pod, candidates).best;
      if (best) return this.bindTo(pod, ns, name, key, best);
    }
    const req = podRequests(pod);
    const tolerations: unknown = pod.spec?.tolerations;
    const cacheable = anyNodeMay(pod);
    const known = this.noFit;
    if (cacheable && known && known.version === this.clusterVersion && known.req === req && known.tolerations === tolerations) {
      return this.markUnschedulable(pod, known.message);
    }
    // Without node constraints on open nodes only NodeResourcesFit filters and LeastAllocated scores:
    // the first node of the ranking that fits is the one the pass below would choose.
    if (cacheable && this.allOpen) {
      const nonZero = podRequests(pod, true);
      if (!this.ranking?.serves(nodes, nonZero)) this.ranking = new NodeRanking(nodes, nonZero);
      const ranked = this.ranking.best(req);
      if (ranked) return this.bindTo(pod, ns, name, key, ranked.node);
    }
    const { best, reasons } = this.pick(pod, nodes);
    if (!best) {
      const message = unschedulableMessage(nodes.length, reasons);
      if (cacheable) this.noFit = { version: this.clusterVersion, req, tolerations, message };
      this.markUnschedulable(pod, message);
      return;
    }
    this.bindTo(pod, ns, name, key, best);
  }

  private listNodes(): NodeEntry[] {
    const nodes = this.store.list('Node').map((node) => ({
      node,
      usage: this.usageOf(node.metadata.name),
      cap: nodeCapacity(node),
      open: !node.spec?.unschedulable && !node.spec?.taints?.length,
    }));
    this.allOpen = nodes.every((e) => e.open);
    this.nodes = nodes;
    return nodes;
  }

  /** Filters then scores `nodes`: the best fit, and how many nodes failed for each reason. */
  private pick(pod: Stored, nodes: readonly NodeEntry[]): { best: Stored | undefined; reasons: Map<string, number> } {
    const reasons = new Map<string, number>();
    const req = podRequests(pod);
    const nonZero = podRequests(pod, true);
    // Without node affinity or a node selector the affinity filter and score are no-ops for every node.
    const anyNode = anyNodeMay(pod);
    let best: NodeEntry | undefined;
    let bestScore = 0;
    // Failing nodes mostly fail alike: count runs of the same (shared) reason list, then add them up.
    let run: readonly string[] = [];
    let runLength = 0;
    const endRun = (): void => {
      for (const r of run) reasons.set(r, (reasons.get(r) ?? 0) + runLength);
    };
    for (const entry of nodes) {
      const { node, usage, cap } = entry;
      const fail = entry.open && anyNode ? resourcesFit(req, usage, cap) : this.filter(pod, node, req, usage, cap);
      if (fail.length) {
        if (fail !== run) {
          endRun();
          run = fail;
          runLength = 0;
        }
        runLength++;
        continue;
      }
      const score = leastAllocated(nonZero, usage, cap) + (anyNode ? 0 : preferredAffinityScore(pod, node));
      // A total order (ranking.ts preferred), so the scan order does not matter.
      if (!best || preferred(entry, score, best, bestScore)) {
        best = entry;
        bestScore = score;
      }
    }
    endRun();
    return { best: best?.node, reasons };
  }

  private bindTo(pod: Stored, ns: string, name: string, key: string, node: Stored): void {
    this.attempts.delete(key);
    this.store.bind(ns, name, node.metadata.name);
    this.recorder.record(SCHEDULER_NAME, refOf(pod), 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node.metadata.name}`);
  }

  private filter(pod: Stored, node: Stored, req: Requests, usage: NodeUsage, cap: NodeCapacity): readonly string[] {
    const r = nodeUnschedulable(pod, node) ?? nodeAffinity(pod, node) ?? taintToleration(pod, node);
    return r ? [r] : resourcesFit(req, usage, cap);
  }

  private markUnschedulable(pod: Stored, message: string): void {
    const key = keyOf(pod);
    this.unschedulable.set(key, pod.metadata.uid);
    const a = this.attempts.get(key);
    this.attempts.set(key, { count: (a?.count ?? 0) + 1, last: this.loop.now() });
    this.recorder.record(SCHEDULER_NAME, refOf(pod), 'Warning', 'FailedScheduling', message);
    // The condition is written only when it changes (podutil.UpdatePodCondition).
    const current = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message) return;
    const conditions = [
      ...((pod.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'PodScheduled'),
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: rfc3339(Math.floor(this.loop.now() / 1000) * 1000),
        reason: 'Unschedulable',
        message,
      },
    ];
    this.store.updateStatus(withField(pod, 'status', withField(pod.status ?? {}, 'conditions', conditions)));
  }
}
