/**
 * backoffLimitPerIndex for Indexed Jobs (pkg/controller/job/indexed_job_utils.go,
 * backoff_utils.go getRemainingTimePerIndex): each index has its own failure count, carried from
 * pod to pod in the `batch.kubernetes.io/job-index-failure-count` annotation; an index failing
 * more than backoffLimitPerIndex times is failed for good (status.failedIndexes) and a replacement
 * for a failed pod waits out its own index's back-off.
 */
import type { Job, Stored } from '../../api/types.js';
import { backoffDelay } from './backoff.js';
import { completionIndexOf } from './indexes.js';
import { finishedAt, isPodFailed, type JobPod } from './pods.js';
import type { PolicyMatch } from './pod-failure-policy.js';

export const INDEX_FAILURE_COUNT_KEY = 'batch.kubernetes.io/job-index-failure-count';

export function hasBackoffLimitPerIndex(job: Stored<Job>): boolean {
  return job.spec?.backoffLimitPerIndex != null;
}

/** The latest failed pod of each index and the index's failure count including it. */
export interface IndexFailure {
  pod: JobPod;
  failures: number;
  finishedAt: number;
  /** podFailurePolicy FailIndex: the index fails whatever the count. */
  failIndex: boolean;
}

export function lastFailures(job: Stored<Job>, pods: readonly JobPod[], policy: (p: JobPod) => PolicyMatch): Map<number, IndexFailure> {
  const out = new Map<number, IndexFailure>();
  for (const p of pods) {
    const ix = completionIndexOf(p.metadata.annotations);
    if (ix === undefined || !isPodFailed(p, job)) continue;
    const at = finishedAt(p);
    const prev = out.get(ix);
    if (prev && prev.finishedAt >= at) continue;
    const match = policy(p);
    const before = Number(p.metadata.annotations?.[INDEX_FAILURE_COUNT_KEY] ?? '0') || 0;
    out.set(ix, { pod: p, failures: before + (match.countFailed ? 1 : 0), finishedAt: at, failIndex: match.action === 'FailIndex' });
  }
  return out;
}

/** Indexes failed for good: over the per-index limit, or failed by a FailIndex rule. */
export function failedIndexes(job: Stored<Job>, failures: ReadonlyMap<number, IndexFailure>, previous: readonly number[], succeeded: ReadonlySet<number>): Set<number> {
  const limit = job.spec?.backoffLimitPerIndex ?? 0;
  const out = new Set(previous);
  for (const [ix, f] of failures) if (!succeeded.has(ix) && (f.failIndex || f.failures > limit)) out.add(ix);
  return out;
}

/** How long index `ix` must still wait before a new pod (0: now). */
export function remainingForIndex(failures: ReadonlyMap<number, IndexFailure>, ix: number, now: number): number {
  const f = failures.get(ix);
  if (!f || f.failures === 0) return 0;
  const delay = backoffDelay(f.failures);
  const elapsed = now - f.finishedAt;
  return delay < elapsed ? 0 : delay - elapsed;
}
