/**
 * The Job controller (pkg/controller/job) and the TTL-after-finished controller
 * (pkg/controller/ttlafterfinished), which deletes finished Jobs once their TTL has passed.
 */
import type { Controller, SyncContext, Action } from '../../controller.js';
import type { Job } from '../../api/types.js';
import { keyOf, splitKey } from '../../api/types.js';
import { controllerOwnerKeys } from '../podutil.js';
import { parseTime } from '../../time.js';
import { findCondition, isFinished } from './conditions.js';
import { syncJob } from './sync.js';
import { jobPodIndex } from './pod-index.js';

const podJobKeys = controllerOwnerKeys('Job');

export const jobController: Controller = {
  name: 'job-controller',
  watches: {
    Job: (change) => (change.type === 'DELETED' ? [] : [keyOf(change.object)]),
    Pod: (change, store) => {
      jobPodIndex(store).observe(change);
      // As upstream's updatePod: the Job controlling the pod, and the one that did before if that changed.
      return podJobKeys(change);
    },
  },
  sync: syncJob,
};

/** When a finished Job expires: its Complete/Failed transition time plus ttlSecondsAfterFinished. */
export function expiresAt(job: { spec?: Job['spec']; status?: Job['status'] }): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl == null) return undefined;
  const done = [findCondition(job.status?.conditions, 'Complete'), findCondition(job.status?.conditions, 'Failed')].find(
    (c) => c?.status === 'True',
  );
  const finishedAt = done?.lastTransitionTime ? parseTime(done.lastTransitionTime) : undefined;
  return finishedAt === undefined ? undefined : finishedAt + ttl * 1000;
}

/** needsCleanup, for a Job not being deleted: finished, with ttlSecondsAfterFinished set. */
function awaitsCleanup(job: { metadata: { deletionTimestamp?: string }; spec?: Job['spec']; status?: Job['status'] }): boolean {
  return !job.metadata.deletionTimestamp && job.spec?.ttlSecondsAfterFinished != null && isFinished(job.status?.conditions);
}

export const ttlAfterFinishedController: Controller = {
  name: 'ttl-after-finished-controller',
  watches: {
    // As upstream's addJob/updateJob, only Jobs awaiting cleanup are queued — and a Job that no longer
    // does (its TTL removed, its deletion started), so that its pending requeue is withdrawn.
    Job: (change) => (change.type !== 'DELETED' && (awaitsCleanup(change.object) || (change.old !== undefined && awaitsCleanup(change.old))) ? [keyOf(change.object)] : []),
  },
  sync(key: string, ctx: SyncContext): Action[] {
    const { namespace, name } = splitKey(key);
    const job = ctx.store.get<Job>('Job', namespace, name);
    if (!job || job.metadata.deletionTimestamp) return [];
    const expiry = expiresAt(job);
    if (expiry === undefined) return [];
    if (expiry > ctx.now) return [{ type: 'requeueAfter', ms: expiry - ctx.now }];
    // Upstream deletes with foreground propagation: the pods go with the Job.
    return [{ type: 'delete', kind: 'Job', namespace, name, propagationPolicy: 'Foreground' }];
  },
};
