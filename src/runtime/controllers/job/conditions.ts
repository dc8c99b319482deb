/**
 * Job conditions as the Job controller writes them (job_controller.go newCondition,
 * ensureJobConditionStatus). Since Kubernetes 1.31 a finishing Job first gets the interim
 * SuccessCriteriaMet / FailureTarget condition, and Complete / Failed once no pod is terminating.
 */
import type { JobCondition } from 'kubernetes-types/batch/v1.js';
import { rfc3339 } from '../../time.js';

export type ConditionType = 'Complete' | 'Failed' | 'SuccessCriteriaMet' | 'FailureTarget' | 'Suspended';

/** The conditions of an object that has none: one shared empty list to loop over. */
export const NO_CONDITIONS: readonly { type: string; status: string }[] = [];

export interface Finish {
  type: ConditionType;
  reason: string;
  message: string;
}

/** Timestamps are metav1.Time: whole seconds. */
export function timestamp(now: number): string {
  return rfc3339(Math.floor(now / 1000) * 1000);
}

export function newCondition(type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): JobCondition {
  const t = timestamp(now);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function findCondition(conditions: readonly JobCondition[] | undefined, type: ConditionType): JobCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

export function isTrue(conditions: readonly JobCondition[] | undefined, type: ConditionType): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

/** IsJobFinished: Complete or Failed is True. */
export function isFinished(conditions: readonly JobCondition[] | undefined): boolean {
  return isTrue(conditions, 'Complete') || isTrue(conditions, 'Failed');
}

/**
 * ensureJobConditionStatus: set `type` to `status`, appending only a True condition that is not
 * there yet. Returns the new list, or undefined when nothing changed.
 */
export function ensureCondition(
  conditions: readonly JobCondition[],
  type: ConditionType,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: number,
): JobCondition[] | undefined {
  const i = conditions.findIndex((c) => c.type === type);
  if (i < 0) return status === 'True' ? [...conditions, newCondition(type, status, reason, message, now)] : undefined;
  const c = conditions[i]!;
  if (c.status === status && c.reason === reason && c.message === message) return undefined;
  const next = [...conditions];
  next[i] = c.status === status ? { ...c, reason, message, lastProbeTime: timestamp(now) } : newCondition(type, status, reason, message, now);
  return next;
}
