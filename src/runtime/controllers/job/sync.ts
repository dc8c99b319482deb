/**
 * syncJob (pkg/controller/job/job_controller.go): count newly finished pods, decide whether the
 * Job has failed (backoffLimit, activeDeadlineSeconds, podFailurePolicy) or succeeded, keep the
 * pods running (manageJob), and write the status. Pods carry the batch.kubernetes.io/job-tracking
 * finalizer until counted, so each finished pod is counted exactly once even after it is deleted.
 */
import type { Action, SyncContext } from '../../controller.js';
import type { JobStatus } from 'kubernetes-types/batch/v1.js';
import type { Job, Stored } from '../../api/types.js';
import { refOf, splitKey } from '../../api/types.js';
import { parseTime } from '../../time.js';
import { backoffRecord, type BackoffRecord } from './backoff.js';
import { ensureCondition, findCondition, isFinished, isTrue, newCondition, timestamp, type Finish } from './conditions.js';
import { completionIndexOf, formatIndexes, parseIndexes } from './indexes.js';
import { jsonEqual } from './equal.js';
import { deletePod, isIndexed, manageJob, withoutFinalizer } from './manage.js';
import { matchPodFailurePolicy } from './pod-failure-policy.js';
import { jobPodIndex } from './pod-index.js';
import { matchSuccessPolicy } from './success-policy.js';
import { failedIndexes, hasBackoffLimitPerIndex, lastFailures, type IndexFailure } from './per-index.js';
import {
  finishedPods,
  hasTrackingFinalizer,
  isActive,
  isPodFailed,
  isReady,
  isTerminating,
  restartsOfLivePods,
  type JobPod,
} from './pods.js';

const BACKOFF_LIMIT_EXCEEDED: Finish = { type: 'FailureTarget', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
const DEADLINE_EXCEEDED: Finish = { type: 'FailureTarget', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
const COMPLETIONS_REACHED: Finish = { type: 'SuccessCriteriaMet', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };

export function syncJob(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const job = ctx.store.get<Job>('Job', namespace, name);
  if (!job || isFinished(job.status?.conditions)) return [];
  const index = jobPodIndex(ctx.store);
  return new JobSync(job, index.podsOf(job.metadata.uid), () => index.lastSuccessAt(job.metadata.uid), ctx.now).run();
}

type WorkingStatus = { [K in StatusField]-?: JobStatus[K] | undefined };
type StatusField =
  | 'conditions'
  | 'startTime'
  | 'completionTime'
  | 'active'
  | 'succeeded'
  | 'failed'
  | 'terminating'
  | 'completedIndexes'
  | 'failedIndexes'
  | 'ready';

/** The status fields the sync reads and writes, all present: one object shape for every sync. */
function workingStatus(s: JobStatus | undefined): WorkingStatus {
  return {
    conditions: s?.conditions,
    startTime: s?.startTime,
    completionTime: s?.completionTime,
    active: s?.active,
    succeeded: s?.succeeded,
    failed: s?.failed,
    terminating: s?.terminating,
    completedIndexes: s?.completedIndexes,
    failedIndexes: s?.failedIndexes,
    ready: s?.ready,
  };
}

class JobSync {
  private readonly actions: Action[] = [];
  private readonly status: WorkingStatus;
  private readonly completions: number | undefined;
  private readonly indexed: boolean;
  private readonly suspended: boolean;

  constructor(
    private readonly job: Stored<Job>,
    /** The pods that can still change the status, and the failed ones (see pod-index.ts). */
    private readonly pods: readonly JobPod[],
    private readonly lastSuccess: () => number | undefined,
    private readonly now: number,
  ) {
    this.status = workingStatus(job.status);
    this.completions = job.spec?.completions ?? undefined;
    this.indexed = isIndexed(job);
    this.suspended = job.spec?.suspend === true;
  }

  run(): Action[] {
    const { job, pods, now } = this;
    // One pass over the pods: active (and ready), terminating, and the finished ones not yet counted.
    const activePods: JobPod[] = [];
    const newSucceeded: JobPod[] = [];
    let ready = 0;
    let terminating = 0;
    let newFailed = 0;
    for (const p of pods) {
      if (isActive(p)) {
        activePods.push(p);
        if (isReady(p)) ready++;
      } else if (isTerminating(p)) terminating++;
      if (!hasTrackingFinalizer(p) || !this.validIndex(p)) continue;
      if (p.status?.phase === 'Succeeded') newSucceeded.push(p);
      else if (isPodFailed(p, job) && this.policy(p).countFailed) newFailed++;
    }
    let active = activePods.length;
    let succeeded = (this.status.succeeded ?? 0) + newSucceeded.length;
    const failed = (this.status.failed ?? 0) + newFailed;
    if (!this.status.startTime && !this.suspended) this.status.startTime = timestamp(now);

    const prevIndexes = this.indexed ? parseIndexes(this.status.completedIndexes, this.completions ?? 0) : [];
    const succeededIndexes = new Set(prevIndexes);
    if (this.indexed) {
      for (const p of newSucceeded) succeededIndexes.add(completionIndexOf(p.metadata.annotations)!);
      succeeded = succeededIndexes.size;
    }
    const perIndex = hasBackoffLimitPerIndex(job) ? this.perIndex(succeededIndexes) : undefined;
    let finish = this.failureOrSuccessSoFar(failed) ?? (perIndex && this.failedIndexesFinish(perIndex.failed, succeededIndexes.size));
    if (!finish && this.indexed) {
      const matched = matchSuccessPolicy(job.spec?.successPolicy, this.completions ?? 0, succeededIndexes);
      if (matched) finish = { type: 'SuccessCriteriaMet', reason: 'SuccessPolicy', message: matched };
    }

    if (finish) {
      // A finishing Job's remaining pods are terminated (deleteActivePods; finalizers stay until counted).
      for (const p of activePods) this.actions.push(...deletePod(job, p, false));
      terminating += active;
      // Every ready pod counted is active, and they all go.
      ready = 0;
      active = 0;
    } else {
      let managed = false;
      if (!job.metadata.deletionTimestamp) {
        const backoff = (): BackoffRecord => backoffRecord(finishedPods(pods, job, this.lastSuccess));
        const m = manageJob({ job, now, activePods, succeeded, succeededIndexes, terminating, backoff, ...(perIndex ? { perIndex } : {}) });
        this.actions.push(...m.actions);
        if (m.requeueMs !== undefined) this.actions.push({ type: 'requeueAfter', ms: m.requeueMs });
        active = m.active;
        terminating += m.removed;
        ready -= m.removedReady;
        managed = true;
      }
      const complete = this.completions === undefined ? succeeded > 0 && active === 0 : succeeded >= this.completions && active === 0;
      if (complete) finish = COMPLETIONS_REACHED;
      else if (managed) this.updateSuspended();
    }
    this.status.active = active;
    this.status.ready = ready;
    this.status.terminating = terminating;
    this.trackFinishedPods(finish, terminating, prevIndexes);
    return this.actions;
  }

  /** Whether the Job has already failed or succeeded, before pods are managed. */
  private failureOrSuccessSoFar(failed: number): Finish | undefined {
    const conditions = this.status.conditions;
    const met = findCondition(conditions, 'SuccessCriteriaMet');
    if (met?.status === 'True') return { type: 'SuccessCriteriaMet', reason: met.reason ?? '', message: met.message ?? '' };
    const target = findCondition(conditions, 'FailureTarget');
    if (target?.status === 'True') return { type: 'FailureTarget', reason: target.reason ?? '', message: target.message ?? '' };
    const failJob = this.failJobMessage();
    if (failJob) return { type: 'FailureTarget', reason: 'PodFailurePolicy', message: failJob };
    const limit = this.job.spec?.backoffLimit ?? 6;
    if (failed > limit || this.pastBackoffLimitOnFailure(limit)) return BACKOFF_LIMIT_EXCEEDED;
    const deadline = this.job.spec?.activeDeadlineSeconds;
    const start = this.status.startTime ? parseTime(this.status.startTime) : undefined;
    if (deadline != null && start !== undefined && !this.suspended) {
      const left = deadline * 1000 - (this.now - start);
      if (left <= 0) return DEADLINE_EXCEEDED;
      this.actions.push({ type: 'requeueAfter', ms: left });
    }
    return undefined;
  }

  private perIndex(succeeded: ReadonlySet<number>): { failures: Map<number, IndexFailure>; failed: Set<number> } {
    const failures = lastFailures(this.job, this.pods, (p) => this.policy(p));
    const previous = parseIndexes(this.status.failedIndexes ?? undefined, this.completions ?? 0);
    const failed = failedIndexes(this.job, failures, previous, succeeded);
    this.status.failedIndexes = formatIndexes([...failed].sort((a, b) => a - b));
    return { failures, failed };
  }

  /** With backoffLimitPerIndex: too many failed indexes, or every index either succeeded or failed. */
  private failedIndexesFinish(failed: ReadonlySet<number>, succeeded: number): Finish | undefined {
    const max = this.job.spec?.maxFailedIndexes;
    if (max != null && failed.size > max) {
      return { type: 'FailureTarget', reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
    }
    if (failed.size > 0 && failed.size + succeeded >= (this.completions ?? 0)) {
      return { type: 'FailureTarget', reason: 'FailedIndexes', message: 'Job has failed indexes' };
    }
    return undefined;
  }

  private failJobMessage(): string | undefined {
    if (!this.job.spec?.podFailurePolicy) return undefined;
    for (const p of this.pods) {
      if (!isPodFailed(p, this.job)) continue;
      const m = this.policy(p).failJobMessage;
      if (m) return m;
    }
    return undefined;
  }

  /** restartPolicy OnFailure: container restarts of live pods count against backoffLimit. */
  private pastBackoffLimitOnFailure(limit: number): boolean {
    if (this.job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
    const restarts = restartsOfLivePods(this.pods);
    return limit === 0 ? restarts > 0 : restarts >= limit;
  }

  private policy(p: JobPod): ReturnType<typeof matchPodFailurePolicy> {
    return matchPodFailurePolicy(this.job.spec?.podFailurePolicy, {
      name: p.metadata.name,
      namespace: p.metadata.namespace ?? 'default',
      containerStatuses: p.status?.containerStatuses,
      initContainerStatuses: p.status?.initContainerStatuses,
      conditions: p.status?.conditions,
    });
  }

  private validIndex(p: JobPod): boolean {
    if (!this.indexed) return true;
    const ix = completionIndexOf(p.metadata.annotations);
    return ix !== undefined && ix < (this.completions ?? 0);
  }

  /** The Suspended condition and events; resuming restarts the activeDeadlineSeconds clock. */
  private updateSuspended(): void {
    const conditions = this.status.conditions ?? [];
    const next = this.suspended
      ? ensureCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', this.now)
      : ensureCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', this.now);
    if (!next) return;
    this.status.conditions = next;
    this.event('Normal', this.suspended ? 'Suspended' : 'Resumed', this.suspended ? 'Job suspended' : 'Job resumed');
    if (!this.suspended) this.status.startTime = timestamp(this.now);
  }

  /**
   * trackJobStatusAndRemoveFinalizers: count finished pods once (dropping their finalizer), add the
   * interim condition, and the final Complete/Failed one once no pod is terminating.
   */
  private trackFinishedPods(finish: Finish | undefined, terminating: number, prevIndexes: readonly number[]): void {
    const { job } = this;
    const failing = finish !== undefined && finish.type !== 'SuccessCriteriaMet';
    const indexes = new Set(prevIndexes);
    for (const p of this.pods) {
      if (!hasTrackingFinalizer(p)) continue;
      const considerFailed = isPodFailed(p, job);
      if (!job.metadata.deletionTimestamp && !finish && p.status?.phase !== 'Succeeded' && !considerFailed) continue;
      this.actions.push(withoutFinalizer(p));
      if (p.status?.phase === 'Succeeded') {
        if (this.indexed) {
          if (this.validIndex(p)) indexes.add(completionIndexOf(p.metadata.annotations)!);
        } else this.status.succeeded = (this.status.succeeded ?? 0) + 1;
      } else if ((considerFailed || failing) && this.validIndex(p) && this.policy(p).countFailed) {
        this.status.failed = (this.status.failed ?? 0) + 1;
      }
    }
    if (this.indexed) {
      const sorted = [...indexes].sort((a, b) => a - b);
      this.status.completedIndexes = formatIndexes(sorted);
      this.status.succeeded = sorted.length;
    }
    let conditions = this.status.conditions ?? [];
    if (finish && !isTrue(conditions, finish.type)) conditions = [...conditions, newCondition(finish.type, 'True', finish.reason, finish.message, this.now)];
    const finalType = finish ? (failing ? 'Failed' : 'Complete') : undefined;
    const finished = finalType !== undefined && terminating === 0;
    if (finished) {
      conditions = [...conditions, newCondition(finalType, 'True', finish!.reason, finish!.message, this.now)];
      if (finalType === 'Complete') this.status.completionTime = timestamp(this.now);
    }
    if (conditions.length > 0) this.status.conditions = conditions;
    this.writeStatus();
    if (finished) this.recordFinished(finalType, finish!);
  }

  private writeStatus(): void {
    const s = this.status;
    // Field order and omitempty as batch/v1 JobStatus serialises.
    const out: JobStatus = {};
    if (s.conditions) out.conditions = s.conditions;
    if (s.startTime) out.startTime = s.startTime;
    if (s.completionTime) out.completionTime = s.completionTime;
    if (s.active) out.active = s.active;
    if (s.succeeded) out.succeeded = s.succeeded;
    if (s.failed) out.failed = s.failed;
    out.terminating = s.terminating ?? 0;
    if (this.indexed) out.completedIndexes = s.completedIndexes ?? '';
    if (s.failedIndexes != null) out.failedIndexes = s.failedIndexes;
    out.uncountedTerminatedPods = {};
    out.ready = s.ready ?? 0;
    if (jsonEqual(out, this.job.status ?? {})) return;
    this.actions.push({ type: 'updateStatus', object: { ...this.job, status: out } });
  }

  private recordFinished(type: 'Complete' | 'Failed', finish: Finish): void {
    if (type === 'Complete') {
      const completions = this.completions;
      if (completions !== undefined && (this.status.succeeded ?? 0) > completions) {
        this.event('Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      }
      this.event('Normal', 'Completed', 'Job completed');
    } else {
      this.event('Warning', finish.reason, finish.message);
    }
  }

  private event(eventType: 'Normal' | 'Warning', reason: string, message: string): void {
    this.actions.push({ type: 'event', eventType, reason, involved: refOf(this.job), message });
  }
}
