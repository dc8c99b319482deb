/**
 * The Job controller's pod-failure back-off (pkg/controller/job/backoff_utils.go): after N failures
 * with no success since, new pods wait 10s·2^(N-1), at most 6 minutes, counted from the last failure.
 * Upstream keeps this record in memory and updates it with newly finished pods; computing it from
 * all finished pods gives the same record, so it is derived here rather than stored.
 */

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 6 * 60_000;

export interface FinishedPod {
  readonly succeeded: boolean;
  /** When it finished (container exit, else deletion), ms. */
  readonly finishedAt: number;
}

export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime?: number;
}

/** The delay after `failures` consecutive failures: 0, 10s, 20s, 40s, … capped at 6 min. */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  let delay = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= MAX_JOB_POD_FAILURE_BACKOFF_MS) return MAX_JOB_POD_FAILURE_BACKOFF_MS;
  }
  return delay;
}

/** Failures that finished after the last success, and when the latest of them finished. */
export function backoffRecord(pods: readonly FinishedPod[]): BackoffRecord {
  let lastSuccess = -Infinity;
  for (const p of pods) if (p.succeeded && p.finishedAt > lastSuccess) lastSuccess = p.finishedAt;
  let failures = 0;
  let lastFailure: number | undefined;
  for (const p of pods) {
    if (p.succeeded || p.finishedAt <= lastSuccess) continue;
    failures++;
    if (lastFailure === undefined || p.finishedAt > lastFailure) lastFailure = p.finishedAt;
  }
  return lastFailure === undefined ? { failuresAfterLastSuccess: 0 } : { failuresAfterLastSuccess: failures, lastFailureTime: lastFailure };
}

/** How long pod creation must still wait at `now` (0: create now). */
export function remainingBackoff(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const delay = backoffDelay(record.failuresAfterLastSuccess);
  const elapsed = now - record.lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}
