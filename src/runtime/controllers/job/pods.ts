/**
 * How the Job controller reads its pods (pkg/controller/job/job_controller.go and
 * pkg/controller/controller_utils.go): active, failed, terminating, ready, finish times, and the
 * order in which surplus pods are deleted.
 */
import type { Job, Pod, Stored } from '../../api/types.js';
import { parseTime } from '../../time.js';
import type { FinishedPod } from './backoff.js';
import { NO_CONDITIONS } from './conditions.js';

export type JobPod = Stored<Pod>;

/** The finalizer that keeps a finished pod around until the Job has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export function isTerminal(pod: JobPod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** controller.FilterActivePods: not finished and not being deleted. */
export function isActive(pod: JobPod): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** controller.CountTerminatingPods: being deleted, not yet finished. */
export function isTerminating(pod: JobPod): boolean {
  return !!pod.metadata.deletionTimestamp && !isTerminal(pod);
}

export function isReady(pod: JobPod): boolean {
  for (const c of pod.status?.conditions ?? NO_CONDITIONS) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

export function hasTrackingFinalizer(pod: JobPod): boolean {
  return pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) === true;
}

/**
 * podReplacementPolicy Failed (explicit, or implied by a podFailurePolicy): a replacement waits
 * until the old pod has fully failed instead of being created while it terminates.
 */
export function onlyReplaceFailedPods(job: Stored<Job>): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy !== undefined;
}

/** isPodFailed: Failed, or (by default) being deleted before it succeeded. */
export function isPodFailed(pod: JobPod, job: Stored<Job>): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** getFinishedTime: the last container exit, else when deletion started, else creation. */
export function finishedAt(pod: JobPod): number {
  let latest: number | undefined;
  for (const s of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
    const t = s.state?.terminated?.finishedAt ? parseTime(s.state.terminated.finishedAt) : undefined;
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  if (latest !== undefined) return latest;
  const deletion = pod.metadata.deletionTimestamp ? parseTime(pod.metadata.deletionTimestamp) : undefined;
  if (deletion !== undefined) return deletion - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(pod.metadata.creationTimestamp) ?? 0;
}

/**
 * Finished pods as the back-off record sees them. `pods` holds every failed pod but not the succeeded
 * pods already counted; `lastSuccess` (when the latest of those finished) stands in for them, as
 * only the latest success matters to the record (read only when some pod failed).
 */
export function finishedPods(pods: readonly JobPod[], job: Stored<Job>, lastSuccess: () => number | undefined): FinishedPod[] {
  const out: FinishedPod[] = [];
  // Without a failure there is no back-off: skip reading finish times.
  if (!pods.some((p) => isPodFailed(p, job))) return out;
  const latest = lastSuccess();
  if (latest !== undefined) out.push({ succeeded: true, finishedAt: latest });
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded') out.push({ succeeded: true, finishedAt: finishedAt(p) });
    else if (isPodFailed(p, job)) out.push({ succeeded: false, finishedAt: finishedAt(p) });
  }
  return out;
}

/** Sum of container restarts of pods still Pending or Running (pastBackoffLimitOnFailure). */
export function restartsOfLivePods(pods: readonly JobPod[]): number {
  let total = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status.containerStatuses ?? []), ...(p.status.initContainerStatuses ?? [])]) total += s.restartCount ?? 0;
  }
  return total;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * controller.ActivePods ordering: the pods cheapest to lose first — unscheduled before scheduled,
 * Pending before Running, not ready before ready, more restarts first, newer before older.
 */
export function byDeletionPreference(a: JobPod, b: JobPod): number {
  const scheduled = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
  if (scheduled !== 0) return scheduled;
  const phase = (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0);
  if (phase !== 0) return phase;
  const ready = Number(isReady(a)) - Number(isReady(b));
  if (ready !== 0) return ready;
  const restarts = restartsOfLivePods([b]) - restartsOfLivePods([a]);
  if (restarts !== 0) return restarts;
  const created = (parseTime(b.metadata.creationTimestamp) ?? 0) - (parseTime(a.metadata.creationTimestamp) ?? 0);
  return created !== 0 ? created : a.metadata.name.localeCompare(b.metadata.name);
}
