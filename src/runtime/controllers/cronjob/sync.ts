/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go: sync, cleanupFinishedJobs,
 * syncCronJob): history cleanup, bookkeeping of active Jobs, then at most one new Job for the most
 * recent unmet schedule, honouring suspend, startingDeadlineSeconds and concurrencyPolicy.
 * The next wake-up is a loop timer that settling does not wait for: no schedule fires while the
 * simulation settles.
 */
import type { ObjectReference } from 'kubernetes-types/core/v1.js';
import type { CronJobStatus } from 'kubernetes-types/batch/v1.js';
import type { Action, SyncContext } from '../../controller.js';
import type { CronJob, Job, KubeObject, Stored } from '../../api/types.js';
import { newControllerRef, refOf, splitKey } from '../../api/types.js';
import { parseTime, rfc3339 } from '../../time.js';
import { jsonEqual } from '../job/equal.js';
import { NO_CONDITIONS } from '../job/conditions.js';
import { jobNameFor, mostRecentScheduleTime, nextWakeTime, type ScheduleState } from './missed.js';
import { cronJobSchedule, timeZoneError, type Schedule } from './schedule.js';
import { formatRFC1123Z, formatRFC3339, loadZone, UTC_ZONE } from './zone.js';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

type StoredJob = Stored<Job>;

export function syncCronJob(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const cj = ctx.store.get<CronJob>('CronJob', namespace, name);
  if (!cj) return [];
  const jobs = ctx.store.controlledBy<Job>(cj.metadata.uid, 'Job');
  return new CronJobSync(cj, jobs, ctx.now, ctx.settling === true).run();
}

type Finished = 'Complete' | 'Failed' | undefined;

/** IsJobFinished and which way: Complete or Failed is True (the first condition of each type counts). */
function finishedType(job: StoredJob): Finished {
  let complete: string | undefined;
  let failed: string | undefined;
  for (const c of job.status?.conditions ?? NO_CONDITIONS) {
    if (c.type === 'Complete') complete ??= c.status;
    else if (c.type === 'Failed') failed ??= c.status;
  }
  if (complete === 'True') return 'Complete';
  return failed === 'True' ? 'Failed' : undefined;
}

function hasRef(refs: readonly ObjectReference[], uid: string): boolean {
  for (const r of refs) if (r.uid === uid) return true;
  return false;
}

/** byJobStartTime: started before not started, earlier first, then by name. */
function byStartTime(a: StoredJob, b: StoredJob): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa !== !sb) return sa ? -1 : 1;
  if (sa && sb && sa !== sb) return (parseTime(sa) ?? 0) - (parseTime(sb) ?? 0);
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

class CronJobSync {
  private readonly actions: Action[] = [];
  private readonly status: CronJobStatus;
  /** finishedType of each Job, in the order of `jobs`. */
  private readonly finished: Finished[];
  /** When to look again (the last action of the sync). */
  private requeueMs: number | undefined;
  private state: { lastText: string | undefined; value: ScheduleState } | undefined;

  constructor(
    private readonly cj: Stored<CronJob>,
    private readonly jobs: readonly StoredJob[],
    private readonly now: number,
    private readonly settling: boolean,
  ) {
    // The fields the controller writes, always present: one shape for every sync.
    const s = cj.status;
    this.status = { active: s?.active, lastScheduleTime: s?.lastScheduleTime, lastSuccessfulTime: s?.lastSuccessfulTime };
    this.finished = jobs.map(finishedType);
  }

  run(): Action[] {
    this.cleanupFinishedJobs();
    this.reconcile();
    const s = this.status;
    const out: CronJobStatus = {};
    if (s.active && s.active.length > 0) out.active = s.active;
    if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
    if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
    // The status write follows the API calls it records (creations and deletions), as upstream.
    if (!jsonEqual(out, this.cj.status ?? {})) this.actions.push({ type: 'updateStatus', object: { ...this.cj, status: out } });
    if (this.requeueMs !== undefined) this.actions.push({ type: 'requeueAfter', ms: this.requeueMs, timer: true });
    return this.actions;
  }

  /** successfulJobsHistoryLimit / failedJobsHistoryLimit: delete the oldest finished Jobs over the limit. */
  private cleanupFinishedJobs(): void {
    const spec = this.cj.spec!;
    if (spec.successfulJobsHistoryLimit != null) this.removeOldest('Complete', spec.successfulJobsHistoryLimit);
    if (spec.failedJobsHistoryLimit != null) this.removeOldest('Failed', spec.failedJobsHistoryLimit);
  }

  private removeOldest(type: 'Complete' | 'Failed', keep: number): void {
    let count = 0;
    for (const f of this.finished) if (f === type) count++;
    if (count <= keep) return;
    const jobs = this.jobs.filter((_j, i) => this.finished[i] === type);
    for (const j of jobs.sort(byStartTime).slice(0, count - keep)) this.deleteJob(j.metadata.name, j.metadata.uid);
  }

  private deleteJob(name: string, uid: string | undefined): void {
    this.actions.push({
      type: 'delete',
      kind: 'Job',
      namespace: this.cj.metadata.namespace,
      name,
      propagationPolicy: 'Background',
      event: { eventType: 'Normal', reason: 'SuccessfulDelete', involved: refOf(this.cj), message: `Deleted job ${name}` },
    });
    this.status.active = (this.status.active ?? []).filter((r) => r.uid !== uid);
  }

  private event(eventType: 'Normal' | 'Warning', reason: string, message: string): void {
    this.actions.push({ type: 'event', eventType, reason, involved: refOf(this.cj), message });
  }

  private reconcile(): void {
    this.trackJobs();
    const cj = this.cj;
    if (cj.metadata.deletionTimestamp) return;
    const tz = cj.spec?.timeZone ?? undefined;
    const tzError = tz === undefined ? undefined : timeZoneError(tz);
    if (tz !== undefined && tzError) {
      this.event('Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${tzError}`);
      return;
    }
    if (cj.spec?.suspend === true) return;
    const text = cj.spec?.schedule ?? '';
    if (text.includes('TZ')) {
      this.event('Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(text)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
    }
    const parsed = cronJobSchedule(text, tz);
    if (!parsed.ok) {
      this.event('Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(text)} : ${parsed.error}`);
      return;
    }
    this.startDueJob(parsed.schedule, tz);
  }

  /** Active list bookkeeping, SawCompletedJob, lastSuccessfulTime, missing and unexpected Jobs. */
  private trackJobs(): void {
    const active = this.status.active ?? [];
    for (let i = 0; i < this.jobs.length; i++) {
      const j = this.jobs[i]!;
      const uid = j.metadata.uid;
      const found = hasRef(active, uid);
      const done = this.finished[i];
      if (!found && !done) {
        this.event('Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (found && done) {
        this.status.active = this.status.active!.filter((r) => r.uid !== uid);
        this.event('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done}`);
      } else if (done === 'Complete') {
        const completed = j.status?.completionTime;
        const last = this.status.lastSuccessfulTime;
        if (completed && completed !== last && (!last || (parseTime(completed) ?? 0) > (parseTime(last) ?? 0))) this.status.lastSuccessfulTime = completed;
      }
    }
    const left = this.status.active ?? [];
    if (left.length === 0) return;
    const children = new Set(this.jobs.map((j) => j.metadata.uid));
    for (const r of left) {
      if (r.uid && children.has(r.uid)) continue;
      this.event('Normal', 'MissingJob', `Active job went missing: ${r.name}`);
      this.status.active = this.status.active!.filter((x) => x !== r);
    }
  }

  private scheduleState(): ScheduleState {
    // Read twice per sync (start, then requeue) and only lastScheduleTime changes in between.
    const lastText = this.status.lastScheduleTime;
    if (this.state && this.state.lastText === lastText) return this.state.value;
    const value = this.readScheduleState();
    this.state = { lastText, value };
    return value;
  }

  private readScheduleState(): ScheduleState {
    const state: { created: number; lastScheduled?: number; startingDeadlineSeconds?: number } = {
      created: parseTime(this.cj.metadata.creationTimestamp) ?? this.now,
    };
    const last = this.status.lastScheduleTime ? parseTime(this.status.lastScheduleTime) : undefined;
    if (last !== undefined) state.lastScheduled = last;
    const deadline = this.cj.spec?.startingDeadlineSeconds;
    if (deadline != null) state.startingDeadlineSeconds = deadline;
    return state;
  }

  private requeue(schedule: Schedule): void {
    const next = nextWakeTime(this.scheduleState(), this.now, schedule);
    if (next !== undefined) this.requeueMs = next - this.now;
  }

  private startDueJob(schedule: Schedule, tz: string | undefined): void {
    const cj = this.cj;
    const now = this.now;
    const found = mostRecentScheduleTime(this.scheduleState(), now, schedule, true);
    if (found.mostRecent === undefined || found.mostRecent > now) {
      if (found.error) {
        this.event('Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${found.error}`);
        return;
      }
      this.requeue(schedule);
      return;
    }
    // While settling no schedule fires (simulate contract): a sync woken by a finishing Job must not
    // start the run whose time passed meanwhile; the timer stays armed for when time is advanced.
    if (this.settling) {
      this.requeue(schedule);
      return;
    }
    if (found.missed === 'many') {
      this.event('Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const scheduled = found.mostRecent;
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && scheduled + deadline * 1000 < now) {
      this.event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduled)}`);
      this.requeue(schedule);
      return;
    }
    const jobName = jobNameFor(cj.metadata.name, scheduled);
    const active = this.status.active ?? [];
    const last = this.status.lastScheduleTime ? parseTime(this.status.lastScheduleTime) : undefined;
    if (active.some((r) => r.name === jobName) || last === scheduled) {
      this.requeue(schedule);
      return;
    }
    if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.event('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      this.requeue(schedule);
      return;
    }
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const r of [...active]) this.deleteJob(r.name ?? '', r.uid);
    }
    const existing = this.jobs.find((j) => j.metadata.name === jobName);
    if (existing) {
      // Created earlier but not recorded: record it (upstream's AlreadyExists path), no event.
      this.status.active = [...(this.status.active ?? []), jobRef(existing)];
    } else {
      // Upstream appends getRef(jobResp) — the created Job's uid and resourceVersion included — and
      // writes the status once, after the create (cronjob_controllerv2.go syncCronJob).
      // The keys stand in ObjectReference's order; the two the API fills are set from its response.
      const ref: ObjectReference = { kind: 'Job', namespace: cj.metadata.namespace, name: jobName, uid: undefined, apiVersion: 'batch/v1', resourceVersion: undefined };
      this.actions.push({
        type: 'create',
        object: this.jobFromTemplate(jobName, scheduled, tz),
        event: { eventType: 'Normal', reason: 'SuccessfulCreate', involved: refOf(cj), message: `Created job ${jobName}` },
        onCreated: (created) => {
          ref.uid = created.metadata.uid;
          ref.resourceVersion = created.metadata.resourceVersion;
        },
      });
      this.status.active = [...(this.status.active ?? []), ref];
    }
    this.status.lastScheduleTime = rfc3339(scheduled);
    this.requeue(schedule);
  }

  /** getJobFromTemplate2: labels and annotations of the template, the scheduled time, the owner. */
  private jobFromTemplate(name: string, scheduled: number, tz: string | undefined): KubeObject {
    const template = this.cj.spec?.jobTemplate ?? {};
    const zone = tz === undefined ? UTC_ZONE : loadZone(tz);
    const annotations = {
      ...(template.metadata?.annotations ?? {}),
      [SCHEDULED_TIMESTAMP_ANNOTATION]: formatRFC3339(typeof zone === 'string' ? UTC_ZONE : zone, scheduled),
    };
    const metadata: Job['metadata'] = {
      name,
      namespace: this.cj.metadata.namespace,
      annotations,
      ownerReferences: [newControllerRef(this.cj)],
    };
    if (template.metadata?.labels) metadata!.labels = { ...template.metadata.labels };
    return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: template.spec ?? { template: {} } };
  }
}

/** The ObjectReference kept in status.active (ref.GetReference of the Job). */
function jobRef(job: StoredJob): ObjectReference {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  };
}
