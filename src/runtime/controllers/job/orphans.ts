/**
 * syncOrphanPod (pkg/controller/job/job_controller.go): a pod still carrying the job-tracking finalizer
 * whose Job is gone or finished has nothing left to count it, so the finalizer is removed — otherwise the
 * pod would stay Terminating for ever once deleted.
 */
import type { Action, Controller, SyncContext } from '../../controller.js';
import type { Job, Pod, Stored } from '../../api/types.js';
import type { StoreReader } from '../../store.js';
import { controllerRef, splitKey } from '../../api/types.js';
import { selfKey } from '../podutil.js';
import { isFinished } from './conditions.js';
import { withoutFinalizer } from './manage.js';
import { JOB_TRACKING_FINALIZER } from './pods.js';

function isOrphan(pod: Stored, store: StoreReader): boolean {
  if (!pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return false;
  const owner = controllerRef(pod);
  if (owner && owner.kind !== 'Job') return false;
  const job = owner ? store.getByUid(owner.uid) : undefined;
  return !job || isFinished((job as { status?: Job['status'] }).status?.conditions);
}

export const jobPodFinalizerController: Controller = {
  name: 'job-controller',
  watches: {
    // Only pods whose Job is gone or finished are this controller's (most pod changes are not).
    Pod: (change, store) => (change.type !== 'DELETED' && isOrphan(change.object, store) ? selfKey(change) : []),
  },
  sync(key: string, ctx: SyncContext): Action[] {
    const { namespace, name } = splitKey(key);
    const pod = ctx.store.get<Pod>('Pod', namespace, name);
    return pod && isOrphan(pod, ctx.store) ? [withoutFinalizer(pod)] : [];
  },
};
