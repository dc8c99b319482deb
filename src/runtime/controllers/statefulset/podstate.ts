// Pod predicates the StatefulSet controller decides with (stateful_set_utils.go, pkg/api/v1/pod util).
import type { PodLike } from './shapes.js';
import { factsOf } from './facts.js';

export function isPodReady(pod: PodLike): boolean {
  return factsOf(pod).ready;
}

/** Ready for at least minReadySeconds at `now` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: PodLike, minReadySeconds: number, now: number): boolean {
  const f = factsOf(pod);
  if (!f.ready) return false;
  if (minReadySeconds <= 0) return true;
  return Number.isFinite(f.readySince) && f.readySince + minReadySeconds * 1000 <= now;
}

/** When a Ready pod becomes available, or undefined if it is not Ready. */
export function availableAt(pod: PodLike, minReadySeconds: number): number | undefined {
  const f = factsOf(pod);
  if (!f.ready || !Number.isFinite(f.readySince)) return undefined;
  return f.readySince + Math.max(0, minReadySeconds) * 1000;
}

export function isRunningAndReady(pod: PodLike): boolean {
  const f = factsOf(pod);
  return f.phase === 'Running' && f.ready;
}

export function isRunningAndAvailable(pod: PodLike, minReadySeconds: number, now: number): boolean {
  return factsOf(pod).phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

export function isTerminating(pod: PodLike): boolean {
  return factsOf(pod).terminating;
}

export function isHealthy(pod: PodLike): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
