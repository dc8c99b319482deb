/**
 * The Job controller's view of its pods, kept up to date from the Pod watch (as upstream's informer
 * cache and the job-tracking finalizer let pkg/controller/job/job_controller.go avoid re-reading
 * finished pods): a sync needs only the pods not yet settled — still running or terminating, or
 * finished but not yet counted (tracking finalizer) — plus the failed ones (back-off, podFailurePolicy,
 * backoffLimitPerIndex) and the latest success time. Succeeded pods already counted in status are
 * kept out, so a sync costs O(active pods), not O(all pods of the Job).
 *
 * Order matters (status writes, events and podFailurePolicy messages follow it): pods come back in
 * the order StoreReader.dependentsOf gives them, i.e. the order in which the store last (re)indexed
 * each pod — on creation, and on a write that changes its ownerReferences or node (store.ts replace).
 */
import type { StoreReader, WatchChange } from '../../store.js';
import { controllerRef } from '../../api/types.js';
import { finishedAt, hasTrackingFinalizer, isTerminal, type JobPod } from './pods.js';
import { perStore } from '../podutil.js';

type Settled = 'open' | 'failed' | 'succeeded';

interface Entry {
  readonly job: string;
  /** Position in the store's owner index: larger is later. */
  seq: number;
  state: Settled;
  /** The pod's current version. */
  pod: JobPod;
  /** For counted succeeded pods: when they finished, once read (only back-off needs it). */
  finishedAt: number | undefined;
}

class PodsOfJob {
  readonly open = new Map<string, Entry>();
  readonly failed = new Map<string, Entry>();
  readonly succeeded = new Map<string, Entry>();
  /** Counted succeeded pods not yet folded into lastSuccess. */
  private readonly unread = new Set<Entry>();
  /** The latest finish of a counted succeeded pod; undefined: to be recomputed from all of them. */
  private lastSuccess: number | undefined = -Infinity;

  isEmpty(): boolean {
    return this.open.size === 0 && this.failed.size === 0 && this.succeeded.size === 0;
  }

  add(e: Entry): void {
    if (e.state === 'open') this.open.set(e.pod.metadata.uid, e);
    else if (e.state === 'failed') this.failed.set(e.pod.metadata.uid, e);
    else {
      this.succeeded.set(e.pod.metadata.uid, e);
      this.unread.add(e);
    }
  }

  remove(e: Entry): void {
    const uid = e.pod.metadata.uid;
    if (e.state === 'open') this.open.delete(uid);
    else if (e.state === 'failed') this.failed.delete(uid);
    else {
      this.succeeded.delete(uid);
      // Removing the latest success may move it back: recompute when next asked (rare).
      if (!this.unread.delete(e) && this.lastSuccess !== undefined && e.finishedAt! >= this.lastSuccess) this.lastSuccess = undefined;
    }
  }

  /** When the latest counted succeeded pod finished, or undefined when there is none. */
  latestSuccess(): number | undefined {
    if (this.succeeded.size === 0) return undefined;
    let latest = this.lastSuccess;
    const fold = latest === undefined ? this.succeeded.values() : this.unread.values();
    latest ??= -Infinity;
    for (const e of fold) {
      e.finishedAt ??= finishedAt(e.pod);
      if (e.finishedAt > latest) latest = e.finishedAt;
    }
    this.unread.clear();
    this.lastSuccess = latest;
    return latest;
  }
}

/** Counted (no tracking finalizer) and finished: the pod no longer changes the Job's counts. */
function settledState(pod: JobPod): Settled {
  if (!isTerminal(pod) || hasTrackingFinalizer(pod)) return 'open';
  return pod.status?.phase === 'Failed' ? 'failed' : 'succeeded';
}

export class JobPodIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, PodsOfJob>();
  /** The latest resourceVersion the index was built from: older writes are already in place. */
  private readonly seededRv: number = 0;

  /** Starts from what the store holds already, in its owner-index order. */
  constructor(private readonly store: StoreReader) {
    const jobUids = new Set<string>();
    for (const p of store.list('Pod')) {
      this.seededRv = Math.max(this.seededRv, Number(p.metadata.resourceVersion));
      const owner = controllerRef(p);
      if (owner?.kind === 'Job') jobUids.add(owner.uid);
    }
    // Positions below every resourceVersion to come, in the store's order.
    let seq = -this.store.count('Pod');
    for (const uid of jobUids) {
      for (const p of store.dependentsOf<JobPod>(uid, 'Pod')) if (controllerRef(p)?.uid === uid) this.put(p, uid, seq++);
    }
  }

  /**
   * Applies one store change. Changes can arrive out of order (a watch handler that writes while
   * handling a change notifies the later handlers of its write first), so the pod is read from the
   * store as it is now, and its position is the resourceVersion of the latest write that moved it.
   */
  observe(change: WatchChange): void {
    const uid = change.object.metadata.uid;
    const pod = this.store.getByUid(uid) as JobPod | undefined;
    const prev = this.entries.get(uid);
    const owner = pod ? controllerRef(pod) : undefined;
    const job = owner?.kind === 'Job' ? owner.uid : undefined;
    if (!prev && job === undefined) return;
    const seq = Math.max(prev?.seq ?? -Infinity, this.movedAt(change));
    if (prev && pod && prev.job === job) {
      const state = settledState(pod);
      // The common write (status): same place, same state — update the entry where it stands.
      if (seq === prev.seq && state === prev.state && state !== 'succeeded') prev.pod = pod;
      else this.relocate(prev, pod, seq, state);
      return;
    }
    if (prev) this.drop(prev);
    if (pod && job !== undefined) this.put(pod, job, seq);
  }

  /** A pod of the same Job that moved or changed state: its entry goes last in its new place. */
  private relocate(e: Entry, pod: JobPod, seq: number, state: Settled): void {
    const of = this.jobs.get(e.job)!;
    of.remove(e);
    e.seq = seq;
    e.state = state;
    e.pod = pod;
    e.finishedAt = undefined;
    of.add(e);
  }

  /** store.ts replace re-indexes a pod (moves it last) on creation and when its owners or node change. */
  private movedAt(change: WatchChange): number {
    const rv = Number(change.object.metadata.resourceVersion);
    if (rv <= this.seededRv || change.type === 'DELETED') return -Infinity;
    const old = change.old;
    const moved = change.type === 'ADDED' || !old || old.metadata.ownerReferences !== change.object.metadata.ownerReferences || old.spec?.nodeName !== change.object.spec?.nodeName;
    return moved ? rv : -Infinity;
  }

  /**
   * The Job's pods that can still change its status, and its counted failed pods, in store order.
   * Counted succeeded pods are left out: see lastSuccessAt.
   */
  podsOf(jobUid: string): JobPod[] {
    const of = this.jobs.get(jobUid);
    if (!of) return [];
    const entries = [...of.open.values()];
    for (const e of of.failed.values()) entries.push(e);
    let sorted = true;
    for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1]!.seq < entries[i]!.seq;
    if (!sorted) entries.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    return entries.map((e) => e.pod);
  }

  /** When the latest counted succeeded pod of the Job finished, or undefined when there is none. */
  lastSuccessAt(jobUid: string): number | undefined {
    return this.jobs.get(jobUid)?.latestSuccess();
  }

  private put(pod: JobPod, job: string, seq: number): void {
    const e: Entry = { job, seq, state: settledState(pod), pod, finishedAt: undefined };
    this.entries.set(pod.metadata.uid, e);
    let of = this.jobs.get(job);
    if (!of) this.jobs.set(job, (of = new PodsOfJob()));
    of.add(e);
  }

  private drop(e: Entry): void {
    this.entries.delete(e.pod.metadata.uid);
    const of = this.jobs.get(e.job)!;
    of.remove(e);
    if (of.isEmpty()) this.jobs.delete(e.job);
  }
}

/** The index of `store` (one per cluster; built from the store on first use). */
export const jobPodIndex = perStore((store) => new JobPodIndex(store));
