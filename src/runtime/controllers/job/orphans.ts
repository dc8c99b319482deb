/**
 * syncOrphanPod (pkg/controller/job/job_controller.go): a pod still carrying the job-tracking finalizer
 * whose Job is gone or finished has nothing left to count it, so the finalizer is removed — otherwise the
 * pod would stay Terminating for ever once deleted.
 */
import type { Action, Controller, SyncContext } from '../../controller.js';
import type { Job, Pod } from '../../api/types.js';
import { controllerRef, splitKey } from '../../api/types.js';
import { selfKey } from '../podutil.js';
import { isFinished } from './conditions.js';
import { withoutFinalizer } from './manage.js';
import { hasTrackingFinalizer, JOB_TRACKING_FINALIZER } from './pods.js';

export const jobPodFinalizerController: Controller = {
  name: 'job-controller',
  watches: {
    Pod: (change) => (change.type !== 'DELETED' && change.object.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ? selfKey(change) : []),
  },
  sync(key: string, ctx: SyncContext): Action[] {
    const { namespace, name } = splitKey(key);
    const pod = ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || !hasTrackingFinalizer(pod)) return [];
    const owner = controllerRef(pod);
    if (owner && owner.kind !== 'Job') return [];
    const job = owner ? ctx.store.getByUid(owner.uid) : undefined;
    if (job && !isFinished((job as { status?: Job['status'] }).status?.conditions)) return [];
    return [withoutFinalizer(pod)];
  },
};
