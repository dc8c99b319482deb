// Pod predicates the StatefulSet controller decides with (stateful_set_utils.go, pkg/api/v1/pod util).
import type { PodLike } from './shapes.js';

export function isPodReady(pod: PodLike): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Ready for at least minReadySeconds at `now` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: PodLike, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const since = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : Number.NaN;
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now;
}

/** When a Ready pod becomes available, or undefined if it is not Ready. */
export function availableAt(pod: PodLike, minReadySeconds: number): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready?.lastTransitionTime) return undefined;
  return Date.parse(ready.lastTransitionTime) + Math.max(0, minReadySeconds) * 1000;
}

export function isRunningAndReady(pod: PodLike): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: PodLike, minReadySeconds: number, now: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

export function isTerminating(pod: PodLike): boolean {
  return pod.metadata?.deletionTimestamp !== undefined;
}

export function isHealthy(pod: PodLike): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

export function isFailed(pod: PodLike): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: PodLike): boolean {
  return pod.status?.phase === 'Succeeded';
}

export function isPending(pod: PodLike): boolean {
  return pod.status?.phase === 'Pending';
}
